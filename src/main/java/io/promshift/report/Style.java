package io.promshift.report;

/** ANSI colour for one stream, or none: how renderers highlight what they write. */
public final class Style {
  public static final Style PLAIN = new Style(false);
  public static final Style ANSI = new Style(true);

  private final boolean on;

  private Style(boolean on) {
    this.on = on;
  }

  public static Style of(boolean colour) {
    return colour ? ANSI : PLAIN;
  }

  public boolean on() {
    return on;
  }

  public String red(String text) {
    return wrap("31", text);
  }

  public String green(String text) {
    return wrap("32", text);
  }

  public String yellow(String text) {
    return wrap("33", text);
  }

  public String cyan(String text) {
    return wrap("36", text);
  }

  public String bold(String text) {
    return wrap("1", text);
  }

  public String boldRed(String text) {
    return wrap("1;31", text);
  }

  public String dim(String text) {
    return wrap("2", text);
  }

  private String wrap(String code, String text) {
    return on && !text.isEmpty() ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
  }
}
