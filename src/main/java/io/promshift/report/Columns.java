package io.promshift.report;

/** Counting and padding for text reports. */
public final class Columns {
  private Columns() {}

  /** Width on a terminal, counted in code points (wide East Asian characters aside). */
  public static int width(String text) {
    return text.codePointCount(0, text.length());
  }

  public static String padRight(String text, int width) {
    int pad = width - width(text);
    return pad <= 0 ? text : text + " ".repeat(pad);
  }

  public static String padLeft(String text, int width) {
    int pad = width - width(text);
    return pad <= 0 ? text : " ".repeat(pad) + text;
  }

  /** "1 file", "2 files". */
  public static String count(int n, String singular, String plural) {
    return n + " " + (n == 1 ? singular : plural);
  }
}
