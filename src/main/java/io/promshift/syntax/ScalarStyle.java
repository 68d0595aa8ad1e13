package io.promshift.syntax;

/** How a scalar is written; the patcher keeps it when it replaces a value. */
public enum ScalarStyle {
  PLAIN,
  SINGLE_QUOTED,
  DOUBLE_QUOTED,
  LITERAL,
  FOLDED;

  public boolean isQuoted() {
    return this == SINGLE_QUOTED || this == DOUBLE_QUOTED;
  }

  public boolean isBlock() {
    return this == LITERAL || this == FOLDED;
  }
}
