package io.promshift.syntax;

import io.promshift.text.Span;

/** {@code *name}: stands for {@code target}, the node last anchored with that name before it. */
public record AliasNode(Span span, String name, YamlNode target) implements YamlNode {
  @Override
  public String anchor() {
    return null;
  }

  @Override
  public String tag() {
    return null;
  }

  /** Follows aliases to the node they stand for. */
  public static YamlNode resolve(YamlNode node) {
    return node instanceof AliasNode alias ? alias.target() : node;
  }
}
