package io.promshift.embed;

/**
 * A unit the user declares for a shape promshift does not know: every node at a path matching {@code path} is a
 * unit of {@code kind}. Written {@code PATH=items|document|item} on the command line.
 */
public record UnitRule(YamlPath path, UnitKind kind) {

  /**
   * Reads {@code PATH=KIND}.
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  public static UnitRule parse(String text) {
    int eq = text.lastIndexOf('=');
    if (eq <= 0) {
      throw new IllegalArgumentException("expected PATH=items|document|item, got " + text);
    }
    UnitKind kind = UnitKind.ofWord(text.substring(eq + 1).strip());
    if (kind == null) {
      throw new IllegalArgumentException("the kind after = must be items, document or item, got "
          + text.substring(eq + 1));
    }
    return new UnitRule(YamlPath.parse(text.substring(0, eq).strip()), kind);
  }

  @Override
  public String toString() {
    return path + "=" + kind.word();
  }
}
