package io.promshift.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The exact text of one file: its characters (BOM excluded), its encoding (UTF-8, or UTF-16 with a BOM, the
 * encodings Grafana's YAML reader decodes), whether it had a BOM, where each line starts and how it ends.
 * Immutable and thread-safe.
 *
 * <p>Line breaks are {@code \n}, {@code \r\n} and a lone {@code \r}, counted the way SnakeYAML Engine's
 * reader counts them, so that the positions reported here agree with the parser's marks (yaml-traps 11).
 */
public final class SourceText {
  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final byte[] UTF16LE_BOM = {(byte) 0xFF, (byte) 0xFE};
  private static final byte[] UTF16BE_BOM = {(byte) 0xFE, (byte) 0xFF};

  private final String name;
  private final String text;
  private final boolean bom;
  /** UTF-8, or UTF-16LE/BE (always with a BOM: without one, go-yaml reads the bytes as UTF-8). */
  private final Charset charset;
  /** Char offset where each line starts; a final empty line after a trailing break is included. */
  private final int[] lineStarts;
  /** Code point index to char offset, or null while the text has no surrogate pairs (then identity). */
  private final int[] codePointToChar;

  private SourceText(String name, String text, boolean bom) {
    this(name, text, bom, StandardCharsets.UTF_8);
  }

  private SourceText(String name, String text, boolean bom, Charset charset) {
    this.name = name;
    this.text = text;
    this.bom = bom;
    this.charset = charset;
    this.lineStarts = computeLineStarts(text);
    this.codePointToChar = computeCodePointMap(text);
  }

  /** Text already in memory (no BOM); for tests and embedders that hold strings. */
  public static SourceText of(String name, String text) {
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      return new SourceText(name, text.substring(1), true);
    }
    return new SourceText(name, text, false);
  }

  /**
   * Decodes a file's bytes: keeps a BOM as a flag, rejects invalid UTF-8 and NUL bytes with the position where
   * they occur. A file that starts with a UTF-16 BOM is UTF-16 (little or big endian), as go-yaml's reader
   * decides from the BOM (readerc.go: yaml_parser_determine_encoding); anything else is UTF-8.
   */
  public static SourceText decode(String name, byte[] bytes) {
    if (startsWith(bytes, UTF16LE_BOM)) {
      return decodeUtf16(name, bytes, StandardCharsets.UTF_16LE);
    }
    if (startsWith(bytes, UTF16BE_BOM)) {
      return decodeUtf16(name, bytes, StandardCharsets.UTF_16BE);
    }
    boolean bom = bytes.length >= 3
        && bytes[0] == UTF8_BOM[0] && bytes[1] == UTF8_BOM[1] && bytes[2] == UTF8_BOM[2];
    int from = bom ? 3 : 0;
    // The JDK's own decoding is the fast path; it only replaces malformed input with U+FFFD, so a text
    // without U+FFFD was valid. One with it (malformed, or a real U+FFFD) goes through the strict decoder.
    String fast = new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
    if (fast.indexOf('\uFFFD') < 0) {
      return checked(name, fast, bom);
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
    CharBuffer out = CharBuffer.allocate(bytes.length - from);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      String before = new String(bytes, from, in.position() - from, StandardCharsets.UTF_8);
      SourceText partial = new SourceText(name, before, bom);
      throw new SourceException(name, partial.position(before.length()), SourceException.Kind.ENCODING,
          "the file is not valid UTF-8 (byte 0x"
              + String.format("%02X", bytes[in.position()] & 0xFF) + " at byte offset " + in.position()
              + "); Grafana reads provisioning files as UTF-8 (or as UTF-16 when they start with its byte order mark)");
    }
    decoder.flush(out);
    out.flip();
    return checked(name, out.toString(), bom);
  }

  /** A UTF-16 file after its 2-byte BOM: strict (a lone surrogate or an odd byte count is refused, as go-yaml does). */
  private static SourceText decodeUtf16(String name, byte[] bytes, Charset charset) {
    CharsetDecoder decoder = charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, 2, bytes.length - 2);
    CharBuffer out = CharBuffer.allocate((bytes.length - 2) / 2 + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError() || in.hasRemaining()) {
      out.flip();
      SourceText partial = new SourceText(name, out.toString(), true, charset);
      throw new SourceException(name, partial.position(partial.length()), SourceException.Kind.ENCODING,
          "the file is not valid " + charset.name() + " (at byte offset " + in.position() + ": "
              + (in.remaining() < 2 ? "an incomplete character" : "a lone surrogate") + "); Grafana's YAML reader"
              + " refuses it too");
    }
    out.flip();
    return checked(name, out.toString(), true, charset);
  }

  /**
   * Whether text read as UTF-8 is really UTF-16 without a byte order mark: in its first characters, every other one
   * is NUL and none between (ASCII in UTF-16, little- or big-endian).
   */
  private static boolean looksLikeUtf16(String text) {
    int length = Math.min(text.length() & ~1, 64);
    if (length < 4) {
      return false;
    }
    int zeroParity = text.charAt(0) == '\0' ? 0 : 1;
    for (int i = 0; i < length; i++) {
      boolean zero = text.charAt(i) == '\0';
      if (zero != (i % 2 == zeroParity)) {
        return false;
      }
    }
    return true;
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
  }

  private static SourceText checked(String name, String text, boolean bom) {
    return checked(name, text, bom, StandardCharsets.UTF_8);
  }

  private static SourceText checked(String name, String text, boolean bom, Charset charset) {
    int nul = text.indexOf('\0');
    SourceText source = new SourceText(name, text, bom, charset);
    if (nul >= 0 && looksLikeUtf16(text)) {
      throw new SourceException(name, Position.START, SourceException.Kind.ENCODING,
          "the file looks like UTF-16 text without a byte order mark (every other byte is zero): Grafana's YAML"
              + " reader takes UTF-16 only with a byte order mark and refuses this file; save it as UTF-8");
    }
    if (nul >= 0) {
      throw new SourceException(name, source.position(nul), SourceException.Kind.ENCODING,
          "the file contains a NUL byte: it is binary or in another encoding, not a YAML text file");
    }
    return source;
  }

  public String name() {
    return name;
  }

  /** The characters of the file after the BOM. */
  public String text() {
    return text;
  }

  public boolean hasBom() {
    return bom;
  }

  public int length() {
    return text.length();
  }

  /** The encoding the file was read in (and is written back in): UTF-8, UTF-16LE or UTF-16BE. */
  public Charset charset() {
    return charset;
  }

  /**
   * The file's bytes for a (possibly edited) text: in the file's own encoding, with its BOM back if it had one,
   * so that an unchanged text gives back the original bytes exactly (a UTF-16 text too: it was decoded strictly).
   */
  public byte[] encode(String newText) {
    byte[] body = newText.getBytes(charset);
    if (!bom) {
      return body;
    }
    byte[] mark = charset.equals(StandardCharsets.UTF_16LE) ? UTF16LE_BOM
        : charset.equals(StandardCharsets.UTF_16BE) ? UTF16BE_BOM : UTF8_BOM;
    byte[] all = Arrays.copyOf(mark, body.length + mark.length);
    System.arraycopy(body, 0, all, mark.length, body.length);
    return all;
  }

  /** The original bytes, exactly. */
  public byte[] bytes() {
    return encode(text);
  }

  /** Number of lines; a text ending in a line break has an empty last line. */
  public int lineCount() {
    return lineStarts.length;
  }

  /** Char offset where the 0-based line starts. */
  public int lineStart(int line) {
    return lineStarts[line];
  }

  /** Char offset where the 0-based line's content ends, before its line break. */
  public int lineContentEnd(int line) {
    int end = line + 1 < lineStarts.length ? lineStarts[line + 1] : text.length();
    return end - lineEnding(line).length();
  }

  /** Char offset after the 0-based line's line break (the next line's start, or the end of text). */
  public int lineEnd(int line) {
    return line + 1 < lineStarts.length ? lineStarts[line + 1] : text.length();
  }

  /** The 0-based line's break: {@code "\n"}, {@code "\r\n"}, {@code "\r"}, or {@code ""} on the last line. */
  public String lineEnding(int line) {
    if (line + 1 >= lineStarts.length) {
      return "";
    }
    int next = lineStarts[line + 1];
    if (next >= 2 && text.charAt(next - 2) == '\r' && text.charAt(next - 1) == '\n') {
      return "\r\n";
    }
    return text.substring(next - 1, next);
  }

  /** The most chars any line holds, its line break included: how far a reader may have to look ahead. */
  public int longestLine() {
    int longest = 0;
    for (int line = 0; line < lineStarts.length; line++) {
      longest = Math.max(longest, lineEnd(line) - lineStarts[line]);
    }
    return longest;
  }

  /** 0-based line of a char offset. */
  public int lineOf(int offset) {
    int i = Arrays.binarySearch(lineStarts, offset);
    return i >= 0 ? i : -i - 2;
  }

  /** The style most lines end with; {@code "\n"} for a file without any line break. */
  public String dominantLineEnding() {
    int lf = 0;
    int crlf = 0;
    int cr = 0;
    for (int line = 0; line + 1 < lineStarts.length; line++) {
      switch (lineEnding(line)) {
        case "\r\n" -> crlf++;
        case "\r" -> cr++;
        default -> lf++;
      }
    }
    if (crlf > lf && crlf >= cr) {
      return "\r\n";
    }
    return cr > lf && cr > crlf ? "\r" : "\n";
  }

  public boolean endsWithLineBreak() {
    return !text.isEmpty() && (text.charAt(text.length() - 1) == '\n' || text.charAt(text.length() - 1) == '\r');
  }

  /** The char offset of a code point index, as SnakeYAML Engine marks count (yaml-traps 1). */
  public int charOffset(int codePointIndex) {
    if (codePointToChar == null) {
      return Math.min(codePointIndex, text.length());
    }
    return codePointToChar[Math.min(codePointIndex, codePointToChar.length - 1)];
  }

  /**
   * The code point index of a char offset, as SnakeYAML Engine marks count: the number of code points that
   * start before it (a pair split by the offset counts). The inverse of {@link #charOffset}; a binary search,
   * so that many positions on one long line do not each count that line's code points.
   */
  public int codePointIndex(int offset) {
    int clamped = Math.max(0, Math.min(offset, text.length()));
    if (codePointToChar == null) {
      return clamped;
    }
    int i = Arrays.binarySearch(codePointToChar, clamped);
    return i >= 0 ? i : -i - 1;
  }

  /** Line and column (code points, 1-based) of a char offset. */
  public Position position(int offset) {
    int clamped = Math.max(0, Math.min(offset, text.length()));
    int line = lineOf(clamped);
    int start = lineStarts[line];
    int column = codePointIndex(clamped) - codePointIndex(start) + 1;
    return new Position(clamped, line + 1, column);
  }

  /** A {@link SourceException} of a kind for this file at a char offset. */
  public SourceException error(int offset, SourceException.Kind kind, String problem) {
    return new SourceException(name, position(offset), kind, problem);
  }

  /*
   * Both scans below cover every char of every file, mostly before the JIT has compiled anything: they lean
   * on String methods that need no char-by-char loop of ours (a Latin-1 string knows it has no surrogate;
   * indexOf runs as compiled code from the start) instead of charAt loops the interpreter runs char by char.
   */
  private static int[] computeLineStarts(String text) {
    int[] starts = new int[16];
    int count = 0;
    starts[count++] = 0;
    if (text.indexOf('\r') < 0) {
      for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = i + 1;
      }
      return Arrays.copyOf(starts, count);
    }
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
          i++;
        }
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = i + 1;
      }
    }
    return Arrays.copyOf(starts, count);
  }

  private static int[] computeCodePointMap(String text) {
    if (text.codePointCount(0, text.length()) == text.length()) {
      return null; // no surrogate pair: code point index and char offset agree
    }
    int[] map = new int[text.codePointCount(0, text.length()) + 1];
    int cp = 0;
    int i = 0;
    while (i < text.length()) {
      map[cp++] = i;
      i += Character.charCount(text.codePointAt(i));
    }
    map[cp] = text.length();
    return map;
  }
}
