package io.promshift.cli;

/** Text taken from a file, made safe to print on one line of a terminal. */
final class Text {
  private Text() {}

  /**
   * Control characters (ESC, CR, LF, tabs, bidi overrides aside) become visible escapes, so a data source
   * name can neither break a report's one-line shape nor move a terminal's cursor.
   */
  static String clean(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean control = Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || (c >= '\u202a' && c <= '\u202e')
          || (c >= '\u2066' && c <= '\u2069');
      if (control && out == null) {
        out = new StringBuilder(text.length() + 8).append(text, 0, i);
      }
      if (out != null) {
        if (control) {
          out.append(String.format("\\u%04x", (int) c));
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? text : out.toString();
  }

  /** Width on a terminal, counted in code points (wide East Asian characters aside). */
  static int width(String text) {
    return text.codePointCount(0, text.length());
  }

  static String padRight(String text, int width) {
    int pad = width - width(text);
    return pad <= 0 ? text : text + " ".repeat(pad);
  }

  static String padLeft(String text, int width) {
    int pad = width - width(text);
    return pad <= 0 ? text : " ".repeat(pad) + text;
  }

  /** "1 file", "2 files". */
  static String count(int n, String singular, String plural) {
    return n + " " + (n == 1 ? singular : plural);
  }
}
