package io.promshift.syntax;

import io.promshift.text.Span;

/**
 * A node of the syntax tree of one YAML document, with the exact char span it occupies in the source.
 * Nodes are immutable values; an alias points at the node its anchor names.
 */
public sealed interface YamlNode permits ScalarNode, MappingNode, SequenceNode, AliasNode {
  /** The whole node, including its anchor and tag when it has them. */
  Span span();

  /** The anchor name written on this node ({@code &name}), or null. */
  String anchor();

  /** The explicit tag written on this node, in full form ({@code tag:yaml.org,2002:str}, {@code !Ref}), or null. */
  String tag();

  default boolean hasAnchor() {
    return anchor() != null;
  }
}
