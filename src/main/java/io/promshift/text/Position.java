package io.promshift.text;

/**
 * A place in a source file as a person reads it: 1-based line, 1-based column counted in code points
 * (as editors and SnakeYAML count them), and the char offset it came from.
 */
public record Position(int offset, int line, int column) {
  public static final Position START = new Position(0, 1, 1);

  @Override
  public String toString() {
    return line + ":" + column;
  }
}
