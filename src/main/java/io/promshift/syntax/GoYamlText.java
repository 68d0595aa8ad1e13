package io.promshift.syntax;

import io.promshift.text.SourceException;
import io.promshift.text.SourceException.Kind;
import io.promshift.text.SourceText;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;

/**
 * The characters of a text as go-yaml v3 (Grafana's YAML reader) reads them, where SnakeYAML Engine reads them
 * otherwise. One linear pass over the text, before the Engine parses it:
 *
 * <ul>
 *   <li>go-yaml's reader refuses every character outside {@code #x9 #xA #xD [#x20-#x7E] #x85 [#xA0-#xD7FF]
 *       [#xE000-#xFFFD] [#x10000-#x10FFFF]} ("control characters are not allowed"), quoted or not; the Engine lets
 *       DEL through in quoted scalars and names the wrong place for the others.
 *   <li>go-yaml's scanner takes NEL, U+2028 and U+2029 as line breaks (YAML 1.1); the Engine reads them as text.
 *       The Engine is given a text where they are {@code \n} (same length, so every offset still holds), and the
 *       few scalars that hold U+2028 or U+2029 are read again by {@link GoScalarText}, which keeps them as go-yaml
 *       does.
 *   <li>go-yaml knows the escapes {@code \L}, {@code \P} and {@code \'}; the Engine refuses them. The backslash of
 *       such an escape is given to the Engine as a private-use character absent from the text, so that it reads
 *       on; a double-quoted scalar holding one is read again by {@link GoScalarText}, any other scalar gets its
 *       backslash back.
 *   <li>For Grafana's read of the first document, tabs in a line's indentation are given to the Engine as spaces:
 *       {@link GoYamlTabs} refuses them where go-yaml does, and where go-yaml reads them they are whitespace it skips,
 *       or the text of a block scalar, which is then read again (the Engine refused some that go-yaml reads).
 *   <li>For Grafana's read of the first document: a second byte order mark at the start, a directive other than
 *       {@code %YAML 1.1} and {@code %TAG}, a {@code %YAML} of another version are refused where go-yaml refuses
 *       them, including the start of the next document that go-yaml's scanner reads ahead.
 * </ul>
 *
 * <p>Immutable once made; one per read.
 */
final class GoYamlText {
  /** go-yaml's reader decodes its input in blocks of this many bytes; it refuses a bad character in any it decoded. */
  private static final int READER_BLOCK = 512;
  /** How many tokens go-yaml's scanner has read past the token that ends the first document (two of look-ahead). */
  private static final int TOKENS_READ_AHEAD = 3;

  private final SourceText source;
  private final String text;
  private final String engineText;
  /** Offsets of U+2028 and U+2029, ascending. */
  private final int[] separators;
  /** Offsets of the backslashes given to the Engine as {@link #sentinel}, ascending. */
  private final int[] escapes;
  /** Offsets of the tabs in a line's indentation given to the Engine as spaces, ascending. */
  private final int[] tabs;
  private final char sentinel;
  /**
   * How far go-yaml's scanner reads to end the first document: the tokens after its {@code ---} or {@code ...} line
   * (the whole text when none follows it).
   */
  private final int readAheadEnd;

  private GoYamlText(SourceText source, String engineText, Scan scan, int readAheadEnd) {
    this.source = source;
    this.text = source.text();
    this.engineText = engineText;
    this.separators = scan.separators;
    this.escapes = scan.escapes;
    this.tabs = scan.tabs;
    this.sentinel = scan.sentinel;
    this.readAheadEnd = readAheadEnd;
  }

  /**
   * The text as Grafana reads a provisioning file: its first document, and what go-yaml's scanner reads ahead of
   * it. A character, directive or byte order mark that go-yaml refuses there is refused here.
   */
  static GoYamlText forGrafana(SourceText source) {
    String text = source.text();
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      throw source.error(0, Kind.MISREAD, "the file starts with two byte order marks (U+FEFF): Grafana's YAML reader"
          + " (go-yaml) takes the second one for an indentation space, so it misreads the file (the first"
          + " character of a later top-level key is dropped: datasources becomes atasources) or refuses it;"
          + " remove the extra byte order mark");
    }
    Scan scan = new Scan(text, true);
    Structure structure = Structure.of(scan.engineText);
    for (int directive : structure.prologue) {
      checkDirective(source, directive, true);
    }
    int readAhead = text.length();
    if (structure.firstDocumentEnd < text.length()) {
      readAhead = readAhead(source, scan.engineText, structure.firstDocumentEnd);
    }
    String engineText = scan.engineText;
    if (scan.firstUnprintable >= 0) {
      int readUpTo = readerBlockEnd(source, readAhead);
      if (scan.firstUnprintable < readUpTo) {
        throw unprintable(source, scan.firstUnprintable);
      }
      // past what go-yaml ever reads: only the Engine would see it, and it must not refuse the file for it
      engineText = neutralized(engineText, readUpTo);
    }
    return new GoYamlText(source, engineText, scan, readAhead);
  }

  /** The text as a reader of every document reads it (kubectl, Helm and Ansible read with libyaml's rules too). */
  static GoYamlText forStream(SourceText source) {
    Scan scan = new Scan(source.text(), false);
    if (scan.firstUnprintable >= 0) {
      throw unprintable(source, scan.firstUnprintable);
    }
    return new GoYamlText(source, scan.engineText, scan, source.length());
  }

  /**
   * Whether the text holds what only {@link #forGrafana} (and {@link GoYamlTabs}) check, so that a read of every
   * document may differ from Grafana's read of the first: a second byte order mark, a {@code %} starting a line
   * (a directive), or a tab in a line's indentation. A quick scan for the few characters involved.
   */
  static boolean grafanaOnly(String text) {
    if (!text.isEmpty() && (text.charAt(0) == '\uFEFF' || text.charAt(0) == '%')) {
      return true;
    }
    for (int i = text.indexOf('%'); i > 0; i = text.indexOf('%', i + 1)) {
      if (GoScalarText.isBreak(text.charAt(i - 1))) {
        return true;
      }
    }
    return GoYamlTabs.hasCandidate(text, text.length());
  }

  /** What the Engine parses: the text with go-yaml's line breaks as {@code \n}; every offset as in the text. */
  String engineText() {
    return engineText;
  }

  /** How far go-yaml's scanner reads the text when Grafana reads the first document. */
  int readAheadEnd() {
    return readAheadEnd;
  }

  /**
   * A scalar's value as go-yaml reads it, from the Engine's reading of the same span.
   *
   * @param valueStart the offset of the scalar itself (after its anchor and tag)
   */
  String value(ScalarStyle style, int valueStart, int end, String engineValue) {
    boolean separator = holds(separators, valueStart, end);
    boolean escape = holds(escapes, valueStart, end);
    if (style == ScalarStyle.DOUBLE_QUOTED) {
      if (separator || escape || hasUnicodeEscape(valueStart, end)) {
        // the one reading that also refuses what go-yaml refuses (a surrogate escape)
        return GoScalarText.doubleQuoted(source, valueStart, end);
      }
      return engineValue;
    }
    if (style.isBlock() && holds(tabs, valueStart, end)) {
      return GoScalarText.block(text, valueStart, parentIndent(valueStart)); // a tab the Engine read as a space
    }
    if (separator) {
      return switch (style) {
        case SINGLE_QUOTED -> GoScalarText.singleQuoted(source, valueStart, end);
        case LITERAL, FOLDED -> GoScalarText.block(text, valueStart, parentIndent(valueStart));
        default -> GoScalarText.plain(source, valueStart, end);
      };
    }
    return escape ? engineValue.replace(sentinel, '\\') : engineValue;
  }

  /** A comment's text with its backslashes back. */
  String comment(String engineValue) {
    return escapes.length == 0 ? engineValue : engineValue.replace(sentinel, '\\');
  }

  /**
   * go-yaml's anchor and alias names are letters, digits, {@code _} and {@code -} (and must end at a blank or one of
   * {@code ?:,]}%@`}); the Engine takes any run of non-blank characters. The name is not shown: an unquoted value
   * that starts with * or &amp; (a password, often) is an alias or an anchor in YAML.
   */
  void checkAnchor(Event event) {
    boolean alias = event instanceof AliasEvent;
    Optional<Anchor> anchor = alias ? Optional.of(((AliasEvent) event).getAlias())
        : event instanceof NodeEvent node ? node.getAnchor() : Optional.empty();
    if (anchor.isEmpty() || isGoAnchorName(anchor.get().getValue())) {
      return;
    }
    Optional<Mark> mark = event.getStartMark();
    int start = mark.isPresent() ? source.charOffset(mark.get().getIndex()) : 0;
    int at = alias ? start : engineText.indexOf("&" + anchor.get().getValue(), start);
    String what = alias ? "this alias (*…)" : "this anchor (&…)";
    throw source.error(at < 0 ? start : at, Kind.SYNTAX, "invalid YAML: " + what + " has a character other than a"
        + " letter, digit, '_' or '-' in its name; Grafana's YAML reader (go-yaml) refuses the file (\"did not find"
        + " expected alphabetic or numeric character\"): rename it with those characters only, or quote the value if"
        + " it is text");
  }

  /**
   * Called when the Engine refuses a directive that follows the first document's content without a {@code ...}:
   * go-yaml ends the document there, and Grafana reads only that one. Checks the directives go-yaml's scanner reads
   * ahead from there.
   *
   * @return how far go-yaml's scanner reads from there, or -1 when the refusal at this offset is not such a
   *     directive (then the Engine's refusal stands)
   */
  int directiveEndsDocument(int offset) {
    if (offset < 0 || offset >= text.length() || text.charAt(offset) != '%'
        || (offset > 0 && !GoScalarText.isBreak(engineText.charAt(offset - 1)))) {
      return -1;
    }
    return readAhead(source, engineText, offset);
  }

  /** Whether a double-quoted scalar holds a backslash before u or U (scanned within the scalar only). */
  private boolean hasUnicodeEscape(int start, int end) {
    for (int i = start + 1; i < end - 1; i++) {
      if (text.charAt(i) == '\\') {
        char c = text.charAt(i + 1);
        if (c == 'u' || c == 'U') {
          return true;
        }
        i++; // the escaped char starts no escape
      }
    }
    return false;
  }

  /**
   * The indentation of the collection that holds a block scalar, for its indentation indicator: the column of the
   * key before it on its line, or of the {@code -} or {@code ?} it follows (-1 when it starts its line).
   */
  private int parentIndent(int header) {
    int lineStart = header;
    while (lineStart > 0 && !GoScalarText.isBreak(text.charAt(lineStart - 1))) {
      lineStart--;
    }
    int i = lineStart;
    int indicator = -1;
    while (i < header) {
      char c = text.charAt(i);
      if (c == ' ') {
        i++;
      } else if ((c == '-' || c == '?' || c == ':') && i + 1 < text.length()
          && GoScalarText.isBlank(text.charAt(i + 1))) {
        indicator = i - lineStart;
        i++;
      } else {
        return i - lineStart;
      }
    }
    return indicator;
  }

  private static boolean holds(int[] offsets, int start, int end) {
    if (offsets.length == 0) {
      return false;
    }
    int i = Arrays.binarySearch(offsets, start);
    int at = i >= 0 ? i : -i - 1;
    return at < offsets.length && offsets[at] < end;
  }

  private static boolean isGoAnchorName(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_' || c == '-')) {
        return false;
      }
    }
    return true;
  }

  private static boolean isPrintable(char c) {
    return c >= 0x20 && c <= 0x7E || c == '\n' || c == '\r' || c == '\t' || c == 0x85
        || c >= 0xA0 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD;
  }

  private static SourceException unprintable(SourceText source, int offset) {
    int cp = source.text().codePointAt(offset);
    String shown = Character.isSurrogate(source.text().charAt(offset)) ? "a lone UTF-16 surrogate"
        : String.format("the control character U+%04X%s", cp, cp == 0x7F ? " (DEL)" : "");
    String escape = cp <= 0xFF ? String.format("\\x%02X", cp) : String.format("\\u%04X", cp);
    return source.error(offset, Kind.SYNTAX, "invalid YAML: the file holds " + shown + " here; Grafana's YAML reader"
        + " (go-yaml) refuses the whole file (\"control characters are not allowed\"), quoted or not: remove it, or"
        + " write it as the escape " + escape + " inside a double-quoted value");
  }

  /** The Engine's text with the unprintable characters from {@code from} on replaced by U+FFFD (same length). */
  private static String neutralized(String engineText, int from) {
    char[] chars = engineText.toCharArray();
    for (int i = from; i < chars.length; i++) {
      char c = chars[i];
      if (Character.isHighSurrogate(c) && i + 1 < chars.length && Character.isLowSurrogate(chars[i + 1])) {
        i++;
      } else if (!isPrintable(c)) {
        chars[i] = '\uFFFD';
      }
    }
    return new String(chars);
  }

  /**
   * The char offset up to which go-yaml's reader has decoded (and checked) the text when its scanner has read up to
   * {@code offset}: the end of the 512-byte block of the file's bytes that holds the character after it.
   */
  private static int readerBlockEnd(SourceText source, int offset) {
    String text = source.text();
    boolean utf16 = !source.charset().equals(StandardCharsets.UTF_8);
    long bytes = source.hasBom() ? (utf16 ? 2 : 3) : 0;
    int i = 0;
    for (; i < text.length() && i <= offset; i++) {
      bytes += utf16 ? 2 : utf8Length(text, i);
    }
    long blockEnd = (bytes + READER_BLOCK - 1) / READER_BLOCK * READER_BLOCK;
    for (; i < text.length(); i++) {
      int length = utf16 ? 2 : utf8Length(text, i);
      if (bytes + length > blockEnd) {
        break;
      }
      bytes += length;
    }
    return i;
  }

  private static int utf8Length(String text, int i) {
    char c = text.charAt(i);
    if (c < 0x80) {
      return 1;
    }
    if (c < 0x800) {
      return 2;
    }
    return Character.isSurrogate(c) ? 2 : 3; // a pair's two halves make 4 bytes
  }

  /**
   * go-yaml's scanner reads the tokens after the one that ends the first document (its look-ahead), so a directive
   * it refuses there fails Grafana's read too. Checks them; returns the offset it reads up to.
   *
   * @param from the start of the line with the first of those tokens ({@code ---}, {@code ...} or a directive)
   */
  private static int readAhead(SourceText source, String engineText, int from) {
    int tokens = 0;
    int line = from;
    while (line < engineText.length() && tokens < TOKENS_READ_AHEAD) {
      int end = lineEnd(engineText, line);
      int first = skipBlanks(engineText, line, end);
      if (first == end || engineText.charAt(first) == '#') {
        line = next(engineText, end);
        continue;
      }
      if (first == line && engineText.charAt(line) == '%') {
        tokens++;
        checkDirective(source, line, false);
      } else if (first == line && Structure.isMarker(engineText, line, end)) {
        tokens++;
        int after = skipBlanks(engineText, line + 3, end);
        if (after < end && engineText.charAt(after) != '#') {
          tokens++; // content after the marker on its line
          return next(engineText, end);
        }
      } else {
        return next(engineText, end); // the next document's content: one token at least, the last read
      }
      line = next(engineText, end);
    }
    return line;
  }

  /**
   * go-yaml knows two directives: {@code %YAML} (version 1.1 only: "found incompatible YAML document") and
   * {@code %TAG}; any other name is refused ("found unknown directive name"), where the YAML spec and the Engine
   * ignore it. The version is checked only for the first document (go-yaml's parser checks it when it reaches the
   * document).
   */
  private static void checkDirective(SourceText source, int at, boolean firstDocument) {
    String text = source.text();
    int end = lineEnd(text, at);
    int i = at + 1;
    while (i < end && isNameChar(text.charAt(i))) {
      i++;
    }
    String name = text.substring(at + 1, i);
    if (name.equals("TAG")) {
      return;
    }
    if (!name.equals("YAML")) {
      throw source.error(at, Kind.SYNTAX, "invalid YAML: found unknown directive name: Grafana's YAML reader"
          + " (go-yaml) knows only the %YAML and %TAG directives and refuses the file on any other; remove this line");
    }
    if (!firstDocument) {
      return;
    }
    int v = skipBlanks(text, i, end);
    long[] version = new long[2];
    int part = 0;
    int digits = 0;
    for (; v < end && part < 2; v++) {
      char c = text.charAt(v);
      if (c >= '0' && c <= '9' && digits < 10) {
        version[part] = version[part] * 10 + (c - '0');
        digits++;
      } else if (c == '.' && part == 0 && digits > 0) {
        part++;
        digits = 0;
      } else {
        break;
      }
    }
    if (part == 1 && digits > 0 && (version[0] != 1 || version[1] != 1)) {
      throw source.error(at, Kind.SYNTAX, "invalid YAML: found incompatible YAML document: Grafana's YAML reader"
          + " (go-yaml) reads YAML 1.1 and refuses a file that declares another version; write %YAML 1.1, or remove"
          + " this line");
    }
  }

  private static boolean isNameChar(char c) {
    return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_' || c == '-';
  }

  static int lineEnd(String text, int from) {
    int i = from;
    while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
      i++;
    }
    return i;
  }

  static int next(String text, int lineEnd) {
    if (lineEnd >= text.length()) {
      return text.length();
    }
    return text.charAt(lineEnd) == '\r' && lineEnd + 1 < text.length() && text.charAt(lineEnd + 1) == '\n'
        ? lineEnd + 2 : lineEnd + 1;
  }

  static int skipBlanks(String text, int from, int end) {
    int i = from;
    while (i < end && GoScalarText.isBlank(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /** The one pass over every character: what go-yaml refuses, and the Engine's text. */
  private static final class Scan {
    final String engineText;
    final int[] separators;
    final int[] escapes;
    final int[] tabs;
    final char sentinel;
    int firstUnprintable = -1;

    /**
     * @param leadingTabs whether tabs in a line's indentation are given to the Engine as spaces: go-yaml's rules for
     *     them are checked by {@link GoYamlTabs}, and where go-yaml reads them they are whitespace it skips (or the
     *     text of a block scalar, which is then read again), while the Engine refuses some of them
     */
    Scan(String text, boolean leadingTabs) {
      int n = text.length();
      char[] chars = null;
      Offsets seps = new Offsets();
      Offsets escs = new Offsets();
      Offsets tabbed = new Offsets();
      long[] used = new long[4]; // which of U+E000..U+E0FF the text holds: the sentinel must be none of them
      boolean leading = true;
      for (int i = 0; i < n; i++) {
        char c = text.charAt(i);
        if (c >= 0x20 && c <= 0x7E && c != '\\') {
          leading &= c == ' ';
          continue;
        }
        if (c == '\n' || c == '\r') {
          leading = true;
        } else if (c == '\t') {
          if (leading && leadingTabs) {
            tabbed.add(i);
          }
        } else if (c == '\\') {
          leading = false;
          int run = i;
          while (run < n && text.charAt(run) == '\\') {
            run++;
          }
          if ((run - i) % 2 == 1 && run < n && (text.charAt(run) == 'L' || text.charAt(run) == 'P'
              || text.charAt(run) == '\'')) {
            escs.add(run - 1); // an escape only go-yaml knows, if this is a double-quoted scalar
          }
          i = run - 1;
        } else if (c == '\u0085' || c == '\u2028' || c == '\u2029') {
          leading = true;
          if (chars == null) {
            chars = text.toCharArray();
          }
          // one line break for the Engine too: \r then \n would be one CRLF break where go-yaml counts two
          chars[i] = i > 0 && text.charAt(i - 1) == '\r' ? '\r' : '\n';
          if (c != '\u0085') {
            seps.add(i);
          }
        } else {
          leading = false;
          if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
            i++;
          } else if (!isPrintable(c)) {
            firstUnprintable = firstUnprintable < 0 ? i : firstUnprintable;
          } else if (c >= 0xE000 && c <= 0xE0FF) {
            used[(c - 0xE000) >> 6] |= 1L << (c & 63);
          }
        }
      }
      char free = 0;
      for (int k = 0; k < 256 && escs.size > 0; k++) {
        if ((used[k >> 6] & (1L << (k & 63))) == 0) {
          free = (char) (0xE000 + k);
          break;
        }
      }
      if (free == 0) {
        escs.size = 0; // no free sentinel (a text holding all 256): the Engine refuses those escapes as before
      }
      if ((escs.size > 0 || tabbed.size > 0) && chars == null) {
        chars = text.toCharArray();
      }
      for (int k = 0; k < escs.size; k++) {
        chars[escs.values[k]] = free;
      }
      for (int k = 0; k < tabbed.size; k++) {
        chars[tabbed.values[k]] = ' ';
      }
      this.engineText = chars == null ? text : new String(chars);
      this.separators = seps.toArray();
      this.escapes = escs.toArray();
      this.tabs = tabbed.toArray();
      this.sentinel = free;
    }
  }

  /** A growing list of ascending offsets. */
  private static final class Offsets {
    int[] values = new int[0];
    int size;

    void add(int offset) {
      if (size == values.length) {
        values = Arrays.copyOf(values, Math.max(8, size * 2));
      }
      values[size++] = offset;
    }

    int[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }

  /**
   * The lines that frame the first document: the directives before it, and the {@code ---} or {@code ...} line
   * after its content (go-yaml's and the Engine's scanners end a document there, inside a scalar too).
   */
  private record Structure(int[] prologue, int firstDocumentEnd) {
    static Structure of(String text) {
      int[] directives = new int[0];
      boolean content = false;
      boolean started = false;
      int line = 0;
      while (line < text.length()) {
        int end = lineEnd(text, line);
        int first = skipBlanks(text, line, end);
        boolean blankOrComment = first == end || text.charAt(first) == '#';
        if (!content) {
          if (blankOrComment) {
            // prologue or the start of the document
          } else if (!started && text.charAt(line) == '%') {
            directives = Arrays.copyOf(directives, directives.length + 1);
            directives[directives.length - 1] = line;
          } else if (isMarker(text, line, end) && text.startsWith("---", line) && !started) {
            started = true;
            int after = skipBlanks(text, line + 3, end);
            content = after < end && text.charAt(after) != '#';
          } else if (isMarker(text, line, end) && started) {
            return new Structure(directives, line);
          } else {
            content = true;
          }
        } else if (isMarker(text, line, end)) {
          return new Structure(directives, line);
        }
        line = next(text, end);
      }
      return new Structure(directives, text.length());
    }

    /** A {@code ---} or {@code ...} at the start of a line, followed by a blank or the line's end. */
    static boolean isMarker(String text, int line, int end) {
      return line + 3 <= end && (text.startsWith("---", line) || text.startsWith("...", line))
          && (line + 3 == end || GoScalarText.isBlank(text.charAt(line + 3)));
    }
  }
}
