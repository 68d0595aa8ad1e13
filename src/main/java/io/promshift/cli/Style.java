package io.promshift.cli;

/** ANSI colour for one stream, or none. */
final class Style {
  static final Style PLAIN = new Style(false);
  static final Style ANSI = new Style(true);

  private final boolean on;

  private Style(boolean on) {
    this.on = on;
  }

  static Style of(boolean colour) {
    return colour ? ANSI : PLAIN;
  }

  boolean on() {
    return on;
  }

  String red(String text) {
    return wrap("31", text);
  }

  String green(String text) {
    return wrap("32", text);
  }

  String yellow(String text) {
    return wrap("33", text);
  }

  String cyan(String text) {
    return wrap("36", text);
  }

  String bold(String text) {
    return wrap("1", text);
  }

  String boldRed(String text) {
    return wrap("1;31", text);
  }

  String dim(String text) {
    return wrap("2", text);
  }

  private String wrap(String code, String text) {
    return on && !text.isEmpty() ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
  }
}
