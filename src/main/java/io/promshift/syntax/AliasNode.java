package io.promshift.syntax;

import io.promshift.text.Span;

/**
 * {@code *name}: stands for {@code target}, the node last anchored with that name before it.
 *
 * <p>A recursive alias stands inside the collection it names ({@code &a [*a]}): go-yaml's parser accepts it and only
 * decoding it fails ("anchor 'a' value contains itself"), so a reader that leaves such problems to decoding
 * ({@link YamlReader#readParsed}) keeps it. Its {@code target} is then an empty plain scalar at the alias itself, so
 * that a walk that follows aliases never loops; the decoder ({@code io.promshift.grafana.GoYaml}) refuses it where
 * Grafana decodes it.
 *
 * @param recursive whether the alias stands inside the collection it names
 */
public record AliasNode(Span span, String name, YamlNode target, boolean recursive) implements YamlNode {

  public AliasNode(Span span, String name, YamlNode target) {
    this(span, name, target, false);
  }

  /** An alias inside the collection it names; see the class comment. */
  static AliasNode recursive(Span span, String name) {
    return new AliasNode(span, name, new ScalarNode(Span.at(span.start()), Span.at(span.start()), "",
        ScalarStyle.PLAIN, null, null), true);
  }

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
