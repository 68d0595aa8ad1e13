package io.promshift.syntax;

import io.promshift.text.SourceException;
import io.promshift.text.SourceException.Kind;
import io.promshift.text.SourceText;

/**
 * A scalar's value read from its source text the way go-yaml v3's scanner reads it, for the few scalars where
 * SnakeYAML Engine's reading differs: go-yaml takes U+2028 and U+2029 as line breaks and keeps them in the value
 * where a line break is not folded (the Engine reads them as text), and it knows the escapes {@code \L},
 * {@code \P} and {@code \'} (the Engine refuses them). Written from the YAML 1.1 rules and go-yaml's observed
 * behaviour: a break is {@code \n}, {@code \r\n}, {@code \r}, NEL (read as {@code \n}), LS or PS (kept as
 * themselves); a run of breaks in a flow scalar folds to a space when it is one {@code \n}-like break, else to
 * the breaks after the first ({@code \n}-like first) or to all of them (LS or PS first).
 *
 * <p>Stateless; every method reads a span of one text.
 */
final class GoScalarText {
  private GoScalarText() {}

  /**
   * A double-quoted scalar from its opening quote to after its closing quote, decoded as go-yaml decodes it.
   *
   * @throws SourceException (syntax) for an escape go-yaml refuses: an unknown escape character, or a
   *     {@code \}{@code u} or {@code \}{@code U} code that is a UTF-16 surrogate or beyond U+10FFFF
   */
  static String doubleQuoted(SourceText source, int start, int end) {
    return flow(source, start + 1, end - 1, Style.DOUBLE, start);
  }

  /** A single-quoted scalar from its opening quote to after its closing quote. */
  static String singleQuoted(SourceText source, int start, int end) {
    return flow(source, start + 1, end - 1, Style.SINGLE, start);
  }

  /** A plain scalar's span (its first to its last non-blank char). */
  static String plain(SourceText source, int start, int end) {
    return flow(source, start, end, Style.PLAIN, start);
  }

  private enum Style { PLAIN, SINGLE, DOUBLE }

  private static String flow(SourceText source, int from, int to, Style style, int scalarStart) {
    String text = source.text();
    StringBuilder s = new StringBuilder(to - from);
    StringBuilder leadingBreak = new StringBuilder();
    StringBuilder trailingBreaks = new StringBuilder();
    StringBuilder whitespaces = new StringBuilder();
    int i = from;
    while (true) {
      boolean leadingBlanks = false;
      while (i < to && !isBlank(text.charAt(i)) && !isBreak(text.charAt(i))) {
        char c = text.charAt(i);
        if (style == Style.SINGLE && c == '\'' && i + 1 < to && text.charAt(i + 1) == '\'') {
          s.append('\'');
          i += 2;
        } else if (style == Style.DOUBLE && c == '\\' && i + 1 < to && isBreak(text.charAt(i + 1))) {
          // an escaped line break: the lines join without the break and the next line's indentation
          i = readBreak(text, i + 1, null);
          leadingBlanks = true;
          break;
        } else if (style == Style.DOUBLE && c == '\\') {
          i = escape(source, i, to, s, scalarStart);
        } else {
          s.append(c);
          i++;
        }
      }
      if (i >= to) {
        return s.toString();
      }
      while (i < to && (isBlank(text.charAt(i)) || isBreak(text.charAt(i)))) {
        if (isBlank(text.charAt(i))) {
          if (!leadingBlanks) {
            whitespaces.append(text.charAt(i));
          }
          i++;
        } else if (!leadingBlanks) {
          whitespaces.setLength(0); // blanks before a line break are not part of the value
          i = readBreak(text, i, leadingBreak);
          leadingBlanks = true;
        } else {
          i = readBreak(text, i, trailingBreaks);
        }
      }
      if (leadingBlanks) {
        if (leadingBreak.length() > 0 && leadingBreak.charAt(0) == '\n') {
          s.append(trailingBreaks.length() == 0 ? " " : trailingBreaks);
        } else {
          s.append(leadingBreak).append(trailingBreaks);
        }
        leadingBreak.setLength(0);
        trailingBreaks.setLength(0);
      } else {
        s.append(whitespaces);
        whitespaces.setLength(0);
      }
    }
  }

  /** One escape at {@code i} (a backslash) appended; returns the offset after it. */
  private static int escape(SourceText source, int i, int to, StringBuilder s, int scalarStart) {
    String text = source.text();
    char e = i + 1 < to ? text.charAt(i + 1) : '"';
    int digits = 0;
    switch (e) {
      case '0' -> s.append('\0');
      case 'a' -> s.append('\u0007');
      case 'b' -> s.append('\b');
      case 't', '\t' -> s.append('\t');
      case 'n' -> s.append('\n');
      case 'v' -> s.append('\u000B');
      case 'f' -> s.append('\f');
      case 'r' -> s.append('\r');
      case 'e' -> s.append('\u001B');
      case ' ' -> s.append(' ');
      case '"' -> s.append('"');
      case '\'' -> s.append('\'');
      case '\\' -> s.append('\\');
      case 'N' -> s.append('\u0085');
      case '_' -> s.append('\u00A0');
      case 'L' -> s.append('\u2028');
      case 'P' -> s.append('\u2029');
      case 'x' -> digits = 2;
      case 'u' -> digits = 4;
      case 'U' -> digits = 8;
      default -> throw escapeError(source, i, scalarStart, "found unknown escape character '"
          + (Character.isISOControl(e) ? String.format("\\u%04x", (int) e) : String.valueOf(e))
          + "'; Grafana's YAML reader (go-yaml) knows the escapes \\0 \\a \\b \\t \\n \\v \\f \\r \\e \\\" \\' \\\\"
          + " \\N \\_ \\L \\P \\xXX \\uXXXX \\UXXXXXXXX and \\ before a space or a line break: write the"
          + " character itself, or \\\\ for a backslash");
    }
    if (digits == 0) {
      return i + 2;
    }
    long value = 0;
    for (int k = 0; k < digits; k++) {
      int at = i + 2 + k;
      int digit = at < to ? Character.digit(text.charAt(at), 16) : -1;
      if (digit < 0) {
        throw escapeError(source, i, scalarStart, "did not find expected hexadecimal number: \\" + e + " takes "
            + digits + " hexadecimal digits");
      }
      value = value * 16 + digit;
    }
    if (value > 0x10FFFF) {
      throw escapeError(source, i, scalarStart, "found invalid Unicode character escape code: \\" + e
          + text.substring(i + 2, i + 2 + digits) + " is beyond U+10FFFF, the last Unicode character");
    }
    if (value >= 0xD800 && value <= 0xDFFF) {
      throw surrogateError(source, i, to, value, scalarStart);
    }
    s.appendCodePoint((int) value);
    return i + 2 + digits;
  }

  /**
   * go-yaml reads every escape as one Unicode character, so a UTF-16 surrogate escape (JSON writes an emoji as
   * two of them) is refused; the message shows the one escape that does work when two of them make a pair.
   */
  private static SourceException surrogateError(SourceText source, int i, int to, long value, int scalarStart) {
    String text = source.text();
    String advice = "write the character itself";
    if (value <= 0xDBFF && i + 12 <= to && text.charAt(i + 6) == '\\' && text.charAt(i + 7) == 'u') {
      int low = parseHex(text, i + 8, 4);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        advice = String.format("write the character itself, or the one escape \\U%08X", Character.toCodePoint(
            (char) value, (char) low));
      }
    }
    return escapeError(source, i, scalarStart, "found invalid Unicode character escape code: "
        + String.format("\\%s%04X", text.charAt(i + 1), value) + " is a UTF-16 surrogate, not a character (Grafana's"
        + " YAML reader, go-yaml, reads each escape as one character and refuses surrogates, paired or not); "
        + advice);
  }

  private static int parseHex(String text, int from, int digits) {
    int value = 0;
    for (int k = from; k < from + digits; k++) {
      int digit = Character.digit(text.charAt(k), 16);
      if (digit < 0) {
        return -1;
      }
      value = value * 16 + digit;
    }
    return value;
  }

  /**
   * An escape go-yaml refuses. It names the line of the scalar's opening quote (or, when that is the first line,
   * which it never names, the escape's); the position is the escape itself when it is on that line, else the
   * quote, with the escape's place in the message.
   */
  private static SourceException escapeError(SourceText source, int escape, int scalarStart, String problem) {
    if (source.lineOf(escape) == source.lineOf(scalarStart) || source.lineOf(scalarStart) == 0) {
      return source.error(escape, Kind.SYNTAX, "invalid YAML: " + problem);
    }
    return source.error(scalarStart, Kind.SYNTAX, "invalid YAML in the double-quoted scalar that starts here, at line "
        + source.position(escape).line() + ", column " + source.position(escape).column() + ": " + problem);
  }

  /**
   * A block scalar ({@code |} or {@code >} with its header) whose content starts at {@code start}, read with
   * go-yaml's rules (the indentation found from the first non-empty line unless the header gives it).
   *
   * @param parentIndent the indentation of the collection that holds the scalar (-1 at the top level), used only
   *     when the header gives an indentation indicator
   */
  static String block(String text, int start, int parentIndent) {
    boolean literal = text.charAt(start) == '|';
    int i = start + 1;
    int chomping = 0;
    int increment = 0;
    for (int k = 0; k < 2 && i < text.length(); k++) {
      char c = text.charAt(i);
      if (c == '+' || c == '-') {
        chomping = c == '+' ? 1 : -1;
        i++;
      } else if (c >= '1' && c <= '9') {
        increment = c - '0';
        i++;
      }
    }
    while (i < text.length() && !isBreak(text.charAt(i))) {
      i++; // blanks and a comment after the header
    }
    if (i < text.length()) {
      i = readBreak(text, i, null);
    }
    int indent = increment == 0 ? 0 : parentIndent >= 0 ? parentIndent + increment : increment;
    StringBuilder s = new StringBuilder();
    StringBuilder leadingBreak = new StringBuilder();
    StringBuilder trailingBreaks = new StringBuilder();
    int[] state = {i, indent};
    blockBreaks(text, state, trailingBreaks, parentIndent);
    i = state[0];
    indent = state[1];
    boolean leadingBlank = false;
    while (i < text.length() && column(text, i) == indent) {
      boolean trailingBlank = isBlank(text.charAt(i));
      if (!literal && leadingBreak.length() > 0 && leadingBreak.charAt(0) == '\n' && !leadingBlank
          && !trailingBlank) {
        if (trailingBreaks.length() == 0) {
          s.append(' ');
        }
      } else {
        s.append(leadingBreak);
      }
      leadingBreak.setLength(0);
      s.append(trailingBreaks);
      trailingBreaks.setLength(0);
      leadingBlank = isBlank(text.charAt(i));
      while (i < text.length() && !isBreak(text.charAt(i))) {
        s.append(text.charAt(i++));
      }
      if (i >= text.length()) {
        break;
      }
      i = readBreak(text, i, leadingBreak);
      state[0] = i;
      blockBreaks(text, state, trailingBreaks, parentIndent);
      i = state[0];
    }
    if (chomping != -1) {
      s.append(leadingBreak);
    }
    if (chomping == 1) {
      s.append(trailingBreaks);
    }
    return s.toString();
  }

  /** The indentation spaces and empty lines before a block scalar's next line; finds the indentation if unknown. */
  private static void blockBreaks(String text, int[] state, StringBuilder breaks, int parentIndent) {
    int i = state[0];
    int indent = state[1];
    int maxIndent = 0;
    while (true) {
      int lineStart = i;
      while (i < text.length() && (indent == 0 || i - lineStart < indent) && text.charAt(i) == ' ') {
        i++;
      }
      maxIndent = Math.max(maxIndent, i - lineStart);
      if (i >= text.length() || !isBreak(text.charAt(i))) {
        break;
      }
      i = readBreak(text, i, breaks);
    }
    if (indent == 0) {
      indent = Math.max(Math.max(maxIndent, parentIndent + 1), 1);
    }
    state[0] = i;
    state[1] = indent;
  }

  /** Chars since the start of the line (go-yaml's line breaks), at a place reached only after spaces. */
  private static int column(String text, int i) {
    int j = i;
    while (j > 0 && !isBreak(text.charAt(j - 1))) {
      j--;
    }
    return i - j;
  }

  /** Reads one line break at {@code i} into {@code into} (if given) as go-yaml does; returns the offset after it. */
  static int readBreak(String text, int i, StringBuilder into) {
    char c = text.charAt(i);
    int next = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? i + 2 : i + 1;
    if (into != null) {
      into.append(c == '\u2028' || c == '\u2029' ? c : '\n');
    }
    return next;
  }

  /** go-yaml's line breaks: LF, CR, NEL, LS and PS. */
  static boolean isBreak(char c) {
    return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
  }

  static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }
}
