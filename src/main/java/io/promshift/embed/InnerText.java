package io.promshift.embed;

import io.promshift.syntax.ScalarNode;
import io.promshift.syntax.ScalarStyle;
import io.promshift.text.Position;
import io.promshift.text.SourceText;
import java.util.Arrays;

/**
 * The text a string scalar holds (a provisioning file inside a ConfigMap, a compose file, values), with the place in
 * the outer file where each of its characters is written: what maps an inner line and column to the outer file, and an
 * edit of the inner text to the outer characters that hold it (embedded-shapes §2).
 *
 * <p>The value is decoded here as YAML defines it for the scalar's style — a literal block's indentation and
 * chomping, a double-quoted scalar's escapes and folds, a single-quoted one's {@code ''} — and must come out equal to
 * the parser's own value; where it does not (or for a folded block or a plain scalar, whose line breaks are folds), the
 * text is read-only and positions fall on the scalar's first character.
 *
 * <p>A text can also be a part of another: a heredoc body inside a script string ({@link #part}), mapped through the
 * script's text to the file, and edited as the script.
 *
 * <p>Immutable.
 */
public final class InnerText {
  private final SourceText outer;
  private final ScalarNode scalar;
  private final String text;
  /** {@code at[i]}: the outer offset of inner char {@code i}; {@code at[length]}: where the value ends. */
  private final int[] at;
  /** {@code width[i]}: how many outer chars write inner char {@code i} (1 as itself, 2+ an escape, 0 a fold). */
  private final int[] width;
  private final String readOnly;
  /** A literal block's content indentation, in spaces. */
  private final int indent;
  private final char chomping;
  /** How the text is encoded in the file when it is base64, else null. */
  private final Base64Form base64;

  /**
   * How a base64 value is written: its alphabet, its padding, and the width its lines are wrapped at (0: one line), so
   * that a rewrite writes the new text the same way.
   */
  public record Base64Form(boolean urlSafe, boolean padded, int lineWidth) {
    /** The form of an encoded value as written. */
    static Base64Form of(String encoded) {
      String trimmed = encoded.strip();
      int newline = trimmed.indexOf('\n');
      // a padded encoding is always a multiple of 4 long; one that is not was written without padding
      int length = trimmed.replaceAll("\\s+", "").length();
      return new Base64Form(trimmed.indexOf('-') >= 0 || trimmed.indexOf('_') >= 0, length % 4 == 0,
          newline < 0 ? 0 : newline);
    }

    byte[] decode(String encoded) {
      String joined = encoded.replaceAll("\\s+", "");
      return urlSafe ? java.util.Base64.getUrlDecoder().decode(joined) : java.util.Base64.getDecoder().decode(joined);
    }

    String encode(byte[] bytes) {
      java.util.Base64.Encoder encoder = urlSafe ? java.util.Base64.getUrlEncoder() : java.util.Base64.getEncoder();
      return (padded ? encoder : encoder.withoutPadding()).encodeToString(bytes);
    }
  }
  /** For a part of another text (a heredoc body in a script): that text, else null. */
  private final InnerText parent;
  /** For a part: {@code parentAt[i]}, the parent's offset of char {@code i}; {@code parentAt[length]}: where it ends. */
  private final int[] parentAt;

  private InnerText(SourceText outer, ScalarNode scalar, String text, int[] at, int[] width, String readOnly,
      int indent, char chomping) {
    this(outer, scalar, text, at, width, readOnly, indent, chomping, null, null, null);
  }

  private InnerText(SourceText outer, ScalarNode scalar, String text, int[] at, int[] width, String readOnly,
      int indent, char chomping, InnerText parent, int[] parentAt) {
    this(outer, scalar, text, at, width, readOnly, indent, chomping, parent, parentAt, null);
  }

  private InnerText(SourceText outer, ScalarNode scalar, String text, int[] at, int[] width, String readOnly,
      int indent, char chomping, InnerText parent, int[] parentAt, Base64Form base64) {
    this.outer = outer;
    this.scalar = scalar;
    this.text = text;
    this.at = at;
    this.width = width;
    this.readOnly = readOnly;
    this.indent = indent;
    this.chomping = chomping;
    this.parent = parent;
    this.parentAt = parentAt;
    this.base64 = base64;
  }

  /** The text of a scalar of the outer file, with its map. */
  public static InnerText of(SourceText outer, ScalarNode scalar) {
    InnerText decoded = switch (scalar.style()) {
      case LITERAL -> Literal.decode(outer, scalar);
      case DOUBLE_QUOTED, SINGLE_QUOTED -> Quoted.decode(outer, scalar);
      default -> null;
    };
    if (decoded != null && decoded.text.equals(scalar.value())) {
      return decoded;
    }
    String why = switch (scalar.style()) {
      case FOLDED -> "a folded block scalar (>): its line breaks are folded into spaces, so an edit would re-fold"
          + " the text; write it as a literal block (|)";
      case PLAIN -> "a plain multi-line scalar: its line breaks are folded into spaces; write it as a literal block (|)";
      default -> "promshift cannot map this scalar's characters to the file exactly; it is left as it is";
    };
    return readOnly(outer, scalar, why);
  }

  private static InnerText readOnly(SourceText outer, ScalarNode scalar, String why) {
    return readOnly(outer, scalar, scalar.value(), why);
  }

  /**
   * A provisioning file held base64-encoded in a one-line scalar (a Secret's {@code data}): read; rewritten only whole,
   * by {@link #rewriteBase64}, and only when asked.
   */
  static InnerText base64(SourceText outer, ScalarNode scalar, String decoded, Base64Form form, String why) {
    InnerText text = readOnly(outer, scalar, decoded, why);
    return new InnerText(outer, scalar, text.text, text.at, text.width, why, 0, ' ', null, null, form);
  }

  /** How the text is written in the file when it is base64-encoded, or null. */
  public Base64Form base64() {
    return base64;
  }

  /**
   * The outer change that writes {@code newText} in place of this base64-encoded text: encoded again with the same
   * alphabet and padding, in place of the scalar's characters.
   *
   * @throws IllegalArgumentException for a value that is not one line in a plain or quoted scalar (wrapped lines are
   *     not rewritten), or whose encoding promshift would not write back the same
   */
  public OuterEdit rewriteBase64(String newText) {
    if (base64 == null) {
      throw new IllegalArgumentException("not a base64 value");
    }
    if (base64.lineWidth() > 0 || scalar.style().isBlock()) {
      throw new IllegalArgumentException("a base64 value wrapped over lines is not rewritten");
    }
    String written = scalar.value().strip();
    byte[] original = base64.decode(written);
    if (!base64.encode(original).equals(written)) {
      throw new IllegalArgumentException("this base64 value is not written as promshift would write it again");
    }
    int start = scalar.valueSpan().start() + (scalar.style().isQuoted() ? 1 : 0);
    int at = outer.text().indexOf(written, start);
    if (at < 0 || at + written.length() > scalar.valueSpan().end()) {
      throw new IllegalArgumentException("the base64 value is not written on one line");
    }
    String encoded = base64.encode(newText.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return new OuterEdit(at, at + written.length(), encoded);
  }

  /**
   * A text a scalar holds in another form (base64): read, never edited; every position falls on the scalar's first
   * character.
   */
  static InnerText readOnly(SourceText outer, ScalarNode scalar, String value, String why) {
    int[] at = new int[value.length() + 1];
    Arrays.fill(at, scalar.valueSpan().start());
    return new InnerText(outer, scalar, value, at, new int[value.length()], why, 0, ' ');
  }

  /**
   * A text made of some of another text's characters (a heredoc body inside a script: its lines, without the tabs a
   * {@code <<-} strips): char {@code i} is the parent's char {@code parentOffsets[i]}, and
   * {@code parentOffsets[text.length()]} is the parent offset where the part ends (where a line added after its last
   * line goes). Its edits are the parent's edits of those characters; an edit of whole lines stays an edit of whole
   * lines of the parent (from the start of a parent line, before any tabs the part leaves out), so the parent gives
   * each new line its own indentation.
   */
  static InnerText part(InnerText parent, String text, int[] parentOffsets) {
    if (parentOffsets.length != text.length() + 1) {
      throw new IllegalArgumentException("one parent offset per char and one for the end");
    }
    int[] at = new int[text.length() + 1];
    int[] width = new int[text.length()];
    for (int i = 0; i < text.length(); i++) {
      if (parent.text.charAt(parentOffsets[i]) != text.charAt(i)) {
        throw new IllegalArgumentException("char " + i + " is not the parent's char " + parentOffsets[i]);
      }
      at[i] = parent.at[parentOffsets[i]];
      width[i] = parent.width[parentOffsets[i]];
    }
    at[text.length()] = parent.outerOffset(parentOffsets[text.length()]);
    return new InnerText(parent.outer, parent.scalar, text, at, width, parent.readOnly, parent.indent,
        parent.chomping, parent, parentOffsets.clone());
  }

  public String text() {
    return text;
  }

  public ScalarNode scalar() {
    return scalar;
  }

  /** Why the text cannot be edited in place, or null when it can. */
  public String readOnly() {
    return readOnly;
  }

  public boolean editable() {
    return readOnly == null;
  }

  /** The outer offset of an inner one. */
  public int outerOffset(int inner) {
    return at[Math.max(0, Math.min(inner, text.length()))];
  }

  /** The outer position of an inner one (a position in a text read from {@link #text()}). */
  public Position outerPosition(Position inner) {
    return outer.position(outerOffset(inner.offset()));
  }

  /**
   * The outer characters that write the inner {@code [start, end)}, cut at line breaks (what masking a secret of the
   * inner text must cover in the file); for a text read from another form (base64) or folded, the whole scalar.
   */
  public java.util.List<io.promshift.text.Span> outerSpans(int start, int end) {
    java.util.List<io.promshift.text.Span> spans = new java.util.ArrayList<>();
    if (start >= end) {
      return spans;
    }
    // a text promshift cannot map char by char (base64, folded) is covered whole: never show a part of a secret
    int from = readOnly != null ? scalar.valueSpan().start() : outerOffset(start);
    int to = readOnly != null ? scalar.valueSpan().end() : at[end - 1] + Math.max(1, width[end - 1]);
    String src = outer.text();
    int piece = from;
    for (int i = from; i < to; i++) {
      char c = src.charAt(i);
      if (c == '\n' || c == '\r') {
        if (i > piece) {
          spans.add(new io.promshift.text.Span(piece, i));
        }
        piece = i + 1;
      }
    }
    if (to > piece) {
      spans.add(new io.promshift.text.Span(piece, to));
    }
    return spans;
  }

  /**
   * The outer characters of the inner {@code [start, end)} when they are the same characters, one for one (no escape,
   * fold or base64 between): what lets a node read from the inner text stand at its place in the file. Null otherwise;
   * an empty range maps to the outer place of its offset.
   */
  public io.promshift.text.Span sameCharacters(int start, int end) {
    if (readOnly != null) {
      return null;
    }
    if (start == end) {
      return io.promshift.text.Span.at(outerOffset(start));
    }
    for (int i = start; i < end; i++) {
      if (width[i] != 1 && text.charAt(i) != '\n') {
        return null;
      }
    }
    return new io.promshift.text.Span(outerOffset(start), at[end - 1] + Math.max(1, width[end - 1]));
  }

  /** One change of the outer text: replace {@code [start, end)} by {@code text}. */
  public record OuterEdit(int start, int end, String text) {}

  /**
   * The outer change that makes the same change to the inner text as replacing its {@code [start, end)} by
   * {@code replacement}.
   *
   * @throws IllegalArgumentException saying why this change cannot be written in the outer file exactly (the text is
   *     read-only, the range falls on an escape or a fold, a line would start or end a block, ...)
   */
  public OuterEdit edit(int start, int end, String replacement) {
    if (readOnly != null) {
      throw new IllegalArgumentException(readOnly);
    }
    if (parent != null) {
      return partEdit(start, end, replacement);
    }
    return scalar.style() == ScalarStyle.LITERAL ? literalEdit(start, end, replacement)
        : quotedEdit(start, end, replacement);
  }

  // ---- parts of another text -------------------------------------------------------------------------------

  private OuterEdit partEdit(int start, int end, String replacement) {
    if (start < 0 || end < start || end > text.length()) {
      throw new IllegalArgumentException("no such range of the text: " + start + ".." + end);
    }
    boolean fromLineStart = start == 0 || text.charAt(start - 1) == '\n';
    // a change from a line's start starts at the parent line's start: before the tabs a <<- body leaves out, so
    // that the parent sees (and indents) whole lines
    int from = !fromLineStart ? parentAt[start] : start > 0 ? parentAt[start - 1] + 1 : lineStart(parentAt[0]);
    int to = end == start ? from : parentAt[end - 1] + 1;
    return parent.edit(from, to, replacement);
  }

  /** The start of the parent's line that holds parent offset {@code offset}, when only tabs come before it there. */
  private int lineStart(int offset) {
    int i = offset;
    while (i > 0 && parent.text.charAt(i - 1) == '\t') {
      i--;
    }
    return i == 0 || parent.text.charAt(i - 1) == '\n' ? i : offset;
  }

  // ---- literal blocks ----------------------------------------------------------------------------------------

  private OuterEdit literalEdit(int start, int end, String replacement) {
    if (start == 0) {
      throw new IllegalArgumentException("the change would become the block's first line, which sets its indentation");
    }
    // a line written just after the last content line goes before the kept breaks, which stay the value's end
    if (chomping == '+' && start > trailingBreaksStart()) {
      throw new IllegalArgumentException("the change would follow the block's kept trailing line breaks (|+)");
    }
    String eol = eol();
    boolean fromLineStart = text.charAt(start - 1) == '\n';
    boolean toLineStart = end == start || text.charAt(end - 1) == '\n';
    if (fromLineStart && toLineStart && (replacement.isEmpty() || replacement.endsWith("\n"))) {
      // whole lines: from the start of one outer line to the start of another, each new line indented as the block
      int from = outer.lineStart(outer.lineOf(outerOffset(start)));
      int to = end == start ? from : outer.lineStart(outer.lineOf(outerOffset(end)));
      StringBuilder lines = new StringBuilder();
      if (!replacement.isEmpty()) {
        for (String line : replacement.substring(0, replacement.length() - 1).split("\n", -1)) {
          lines.append(line.isEmpty() ? "" : " ".repeat(indent) + line).append(eol);
        }
      }
      return new OuterEdit(from, to, lines.toString());
    }
    for (int i = start; i < end; i++) {
      if (text.charAt(i) != '\n' && width[i] != 1) {
        throw new IllegalArgumentException("the change falls on characters written differently in the file");
      }
    }
    return new OuterEdit(outerOffset(start), outerOffset(end), replacement.replace("\n", eol + " ".repeat(indent)));
  }

  /** Where the kept line breaks start: after the line break that ends the last content line. */
  private int trailingBreaksStart() {
    int i = text.length();
    while (i > 0 && text.charAt(i - 1) == '\n') {
      i--;
    }
    return i + 1;
  }

  /** The outer file's line ending inside this scalar. */
  private String eol() {
    int line = outer.lineOf(scalar.valueSpan().start());
    String ending = outer.lineEnding(line);
    return ending.isEmpty() ? outer.dominantLineEnding() : ending;
  }

  // ---- quoted scalars ----------------------------------------------------------------------------------------

  private OuterEdit quotedEdit(int start, int end, String replacement) {
    // only the chars that change are written: a JSON "type" value in a double-quoted string keeps its \" quotes
    int same = 0;
    while (start + same < end && same < replacement.length() && text.charAt(start + same) == replacement.charAt(same)) {
      same++;
    }
    start += same;
    replacement = replacement.substring(same);
    same = 0;
    while (end - same > start && same < replacement.length()
        && text.charAt(end - same - 1) == replacement.charAt(replacement.length() - same - 1)) {
      same++;
    }
    end -= same;
    replacement = replacement.substring(0, replacement.length() - same);
    boolean doubled = scalar.style() == ScalarStyle.DOUBLE_QUOTED;
    // the replaced chars must be one run of the file without folds; a deletion may take escapes whole (removing a
    // marker line takes its \n), a replacement only chars written as themselves
    boolean deletion = replacement.isEmpty();
    for (int i = start; i < end; i++) {
      boolean written = deletion ? width[i] > 0 : width[i] == 1;
      if (!written || (i + 1 < end && at[i + 1] != at[i] + width[i])) {
        throw new IllegalArgumentException("the change falls on an escape or a folded line break of the quoted string");
      }
    }
    if (start > 0 && start < text.length() && at[start] != at[start - 1] + width[start - 1]) {
      throw new IllegalArgumentException("the change falls on a folded line break of the quoted string");
    }
    if (start > 0 && width[start - 1] == 0) {
      throw new IllegalArgumentException("the change falls on a folded line break of the quoted string");
    }
    StringBuilder written = new StringBuilder();
    for (int i = 0; i < replacement.length(); i++) {
      char c = replacement.charAt(i);
      if (!doubled) {
        if (c == '\n' || c == '\r') {
          throw new IllegalArgumentException("a new line cannot be written into a single-quoted string exactly");
        }
        written.append(c == '\'' ? "''" : String.valueOf(c));
        continue;
      }
      switch (c) {
        case '\\' -> written.append("\\\\");
        case '"' -> written.append("\\\"");
        case '\n' -> written.append("\\n");
        case '\t' -> written.append("\\t");
        case '\r' -> written.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            written.append(String.format("\\x%02x", (int) c));
          } else {
            written.append(c);
          }
        }
      }
    }
    int outerEnd = start == end ? outerOffset(start) : at[end - 1] + width[end - 1];
    return new OuterEdit(outerOffset(start), outerEnd, written.toString());
  }

  // ---- decoding ----------------------------------------------------------------------------------------------

  /** A literal block scalar: header, indentation, chomping (YAML 1.2 §8.1). */
  private static final class Literal {
    static InnerText decode(SourceText outer, ScalarNode scalar) {
      String src = outer.text();
      int header = scalar.valueSpan().start();
      int i = header + 1;
      char chomp = ' ';
      int explicit = 0;
      while (i < src.length() && "+-123456789".indexOf(src.charAt(i)) >= 0) {
        char c = src.charAt(i++);
        if (c == '+' || c == '-') {
          chomp = c;
        } else {
          explicit = c - '0';
        }
      }
      int headerLine = outer.lineOf(header);
      int first = headerLine + 1;
      int last = outer.lineOf(Math.max(header, scalar.valueSpan().end() - 1));
      if (first > last) {
        return null;
      }
      int[] candidates;
      if (explicit > 0) {
        int lineIndent = indentation(outer, headerLine);
        candidates = new int[] {lineIndent + explicit, explicit, lineIndent + 2 + explicit};
      } else {
        int auto = -1;
        for (int line = first; line <= last && auto < 0; line++) {
          if (!blank(outer, line)) {
            auto = indentation(outer, line);
          }
        }
        if (auto < 0) {
          return null;
        }
        candidates = new int[] {auto};
      }
      for (int n : candidates) {
        InnerText decoded = decode(outer, scalar, first, last, n, chomp);
        if (decoded != null && decoded.text.equals(scalar.value())) {
          return decoded;
        }
      }
      return null;
    }

    private static InnerText decode(SourceText outer, ScalarNode scalar, int first, int last, int n, char chomp) {
      String src = outer.text();
      StringBuilder text = new StringBuilder();
      IntList at = new IntList();
      IntList width = new IntList();
      for (int line = first; line <= last; line++) {
        int start = outer.lineStart(line);
        int contentEnd = outer.lineContentEnd(line);
        boolean hasBreak = !outer.lineEnding(line).isEmpty();
        if (contentEnd - start <= n && blank(outer, line)) {
          // an empty line of the value (shorter than the indentation, only spaces)
        } else {
          if (indentation(outer, line) < n) {
            return null;
          }
          for (int c = start + n; c < contentEnd; c++) {
            text.append(src.charAt(c));
            at.add(c);
            width.add(1);
          }
        }
        if (hasBreak) {
          text.append('\n');
          at.add(contentEnd);
          width.add(outer.lineEnding(line).length());
        }
      }
      int end = text.length();
      int content = end;
      while (content > 0 && text.charAt(content - 1) == '\n') {
        content--;
      }
      int keep = switch (chomp) {
        case '-' -> content;
        case '+' -> end;
        default -> content == end ? end : content + 1;
      };
      if (content == 0 && chomp != '+') {
        keep = 0;
      }
      String value = text.substring(0, keep);
      int[] atArray = new int[keep + 1];
      int[] widthArray = new int[keep];
      for (int i = 0; i < keep; i++) {
        atArray[i] = at.get(i);
        widthArray[i] = width.get(i);
      }
      atArray[keep] = keep == 0 ? scalar.valueSpan().end()
          : value.charAt(keep - 1) == '\n' ? at.get(keep - 1) + width.get(keep - 1) : at.get(keep - 1) + 1;
      return new InnerText(outer, scalar, value, atArray, widthArray, null, n, chomp);
    }

    private static boolean blank(SourceText outer, int line) {
      for (int c = outer.lineStart(line); c < outer.lineContentEnd(line); c++) {
        if (outer.text().charAt(c) != ' ') {
          return false;
        }
      }
      return true;
    }

    private static int indentation(SourceText outer, int line) {
      int c = outer.lineStart(line);
      int end = outer.lineContentEnd(line);
      int n = 0;
      while (c + n < end && outer.text().charAt(c + n) == ' ') {
        n++;
      }
      return n;
    }
  }

  /** A double- or single-quoted scalar: escapes and folded line breaks (YAML 1.2 §7.3). */
  private static final class Quoted {
    static InnerText decode(SourceText outer, ScalarNode scalar) {
      String src = outer.text();
      boolean doubled = scalar.style() == ScalarStyle.DOUBLE_QUOTED;
      int begin = scalar.valueSpan().start() + 1;
      int finish = scalar.valueSpan().end() - 1;
      if (finish < begin) {
        return null;
      }
      StringBuilder text = new StringBuilder();
      IntList at = new IntList();
      IntList width = new IntList();
      int i = begin;
      while (i < finish) {
        char c = src.charAt(i);
        if (doubled && c == '\\' && i + 1 < finish) {
          char e = src.charAt(i + 1);
          if (e == '\r' || e == '\n') {
            // an escaped line break: nothing, and the next line's leading blanks go too
            i = skipBreak(src, i + 1);
            while (i < finish && (src.charAt(i) == ' ' || src.charAt(i) == '\t')) {
              i++;
            }
            continue;
          }
          int length = 2;
          String decoded;
          switch (e) {
            case '0' -> decoded = "\0";
            case 'a' -> decoded = "\u0007";
            case 'b' -> decoded = "\b";
            case 't', '\t' -> decoded = "\t";
            case 'n' -> decoded = "\n";
            case 'v' -> decoded = "\u000b";
            case 'f' -> decoded = "\f";
            case 'r' -> decoded = "\r";
            case 'e' -> decoded = "\u001b";
            case ' ' -> decoded = " ";
            case '"' -> decoded = "\"";
            case '/' -> decoded = "/";
            case '\\' -> decoded = "\\";
            case 'N' -> decoded = "\u0085";
            case '_' -> decoded = "\u00a0";
            case 'L' -> decoded = "\u2028";
            case 'P' -> decoded = "\u2029";
            case 'x', 'u', 'U' -> {
              int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
              if (i + 2 + digits > finish) {
                return null;
              }
              try {
                decoded = new String(Character.toChars(Integer.parseInt(src.substring(i + 2, i + 2 + digits), 16)));
              } catch (IllegalArgumentException bad) {
                return null;
              }
              length = 2 + digits;
            }
            default -> {
              return null;
            }
          }
          for (int k = 0; k < decoded.length(); k++) {
            text.append(decoded.charAt(k));
            at.add(i);
            width.add(k == 0 ? length : 0);
          }
          i += length;
          continue;
        }
        if (!doubled && c == '\'' && i + 1 < finish && src.charAt(i + 1) == '\'') {
          text.append('\'');
          at.add(i);
          width.add(2);
          i += 2;
          continue;
        }
        if (c == '\r' || c == '\n') {
          // a folded line break: the blanks before it go, then one space, or a line break per empty line
          while (text.length() > 0 && (text.charAt(text.length() - 1) == ' ' || text.charAt(text.length() - 1) == '\t')
              && width.get(width.size() - 1) == 1) {
            text.setLength(text.length() - 1);
            at.removeLast();
            width.removeLast();
          }
          int breakAt = i;
          i = skipBreak(src, i);
          int empty = 0;
          while (true) {
            int j = i;
            while (j < finish && (src.charAt(j) == ' ' || src.charAt(j) == '\t')) {
              j++;
            }
            if (j < finish && (src.charAt(j) == '\r' || src.charAt(j) == '\n')) {
              empty++;
              i = skipBreak(src, j);
            } else {
              i = j;
              break;
            }
          }
          if (empty == 0) {
            text.append(' ');
            at.add(breakAt);
            width.add(0);
          } else {
            for (int k = 0; k < empty; k++) {
              text.append('\n');
              at.add(breakAt);
              width.add(0);
            }
          }
          continue;
        }
        text.append(c);
        at.add(i);
        width.add(1);
        i++;
      }
      int[] atArray = new int[text.length() + 1];
      int[] widthArray = new int[text.length()];
      for (int k = 0; k < text.length(); k++) {
        atArray[k] = at.get(k);
        widthArray[k] = width.get(k);
      }
      atArray[text.length()] = finish;
      return new InnerText(outer, scalar, text.toString(), atArray, widthArray, null, 0, ' ');
    }

    private static int skipBreak(String src, int i) {
      if (src.charAt(i) == '\r' && i + 1 < src.length() && src.charAt(i + 1) == '\n') {
        return i + 2;
      }
      return i + 1;
    }
  }

  /** A growable list of ints, without boxing every char's offset. */
  private static final class IntList {
    private int[] values = new int[64];
    private int size;

    void add(int value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    int get(int index) {
      return values[index];
    }

    int size() {
      return size;
    }

    void removeLast() {
      size--;
    }
  }
}
