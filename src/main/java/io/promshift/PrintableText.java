package io.promshift;

import io.promshift.text.Printable;

/**
 * The library's one policy for printing text it did not write ({@link Printable}), for the adapters' own messages
 * that quote what a user typed (a usage error naming a mistyped word): control characters, line breaks and
 * bidirectional controls become visible escapes instead of moving a terminal's cursor or reordering the line.
 */
public final class PrintableText {
  private PrintableText() {}

  /** A one-line message, anything unsafe in what it quotes escaped. */
  public static String message(String text) {
    return Printable.message(text);
  }
}
