package io.promshift.text;

/**
 * The one policy for text promshift prints that it did not write itself — data source names, values, keys, file
 * names — and for its messages: nothing that reaches a terminal, a log or a report may move a cursor, change
 * colours, break the one-line shape of a diagnostic or reorder what a reader sees. C0 and C1 control characters,
 * DEL, NEL (U+0085), the line and paragraph separators (U+2028, U+2029) and the bidirectional controls (U+061C,
 * U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) become visible {@code \}{@code uXXXX} escapes; everything else is
 * printed as it is.
 */
public final class Printable {
  private Printable() {}

  /** Whether this code point is escaped by the policy. */
  public static boolean isUnsafe(int cp) {
    return Character.isISOControl(cp) // C0, DEL, C1 (NEL included)
        || cp == 0x2028 || cp == 0x2029
        || cp == 0x061C || cp == 0x200E || cp == 0x200F
        || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
  }

  /** Text taken from a file or the file system (a name, a value, a path), every unsafe code point escaped. */
  public static String escape(String text) {
    int i = firstUnsafe(text);
    if (i < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, i);
    appendEscaped(out, text.substring(i), false);
    return out.toString();
  }

  /**
   * A message meant as one line of prose: its own line breaks and tabs read as spaces, anything else unsafe
   * (from a value quoted in it) is escaped.
   */
  public static String message(String text) {
    if (firstUnsafe(text) < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    appendEscaped(out, text, true);
    return out.toString();
  }

  /** {@link #escape} of at most {@code max} code points of the text, then an ellipsis when it was longer. */
  public static String shortened(String text, int max) {
    if (text.codePointCount(0, text.length()) <= max) {
      return escape(text);
    }
    return escape(text.substring(0, text.offsetByCodePoints(0, max))) + "…";
  }

  /**
   * At most {@code max} code points of the text in double quotes, as a message quotes a value: {@code "} and
   * {@code \} escaped with a backslash, unsafe code points as {@code \}{@code uXXXX}, an ellipsis before the closing quote
   * when the text was longer.
   */
  public static String quoted(String text, int max) {
    boolean cut = text.codePointCount(0, text.length()) > max;
    String shown = cut ? text.substring(0, text.offsetByCodePoints(0, max)) : text;
    StringBuilder out = new StringBuilder(shown.length() + 8).append('"');
    shown.codePoints().forEach(cp -> {
      if (cp == '"' || cp == '\\') {
        out.append('\\').appendCodePoint(cp);
      } else if (isUnsafe(cp)) {
        out.append(String.format("\\u%04x", cp));
      } else {
        out.appendCodePoint(cp);
      }
    });
    return out.append(cut ? "…" : "").append('"').toString();
  }

  private static int firstUnsafe(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (isUnsafe(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private static void appendEscaped(StringBuilder out, String text, boolean prose) {
    text.codePoints().forEach(cp -> {
      if (prose && (cp == '\n' || cp == '\r' || cp == '\t')) {
        out.append(' ');
      } else if (isUnsafe(cp)) {
        out.append(String.format("\\u%04x", cp));
      } else {
        out.appendCodePoint(cp);
      }
    });
  }
}
