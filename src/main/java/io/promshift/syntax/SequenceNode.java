package io.promshift.syntax;

import io.promshift.text.Span;
import java.util.List;

/** A sequence as written; block sequences may be indentless ({@code key:\n- item}). */
public record SequenceNode(Span span, boolean flow, List<YamlNode> items, String tag, String anchor)
    implements YamlNode {

  public SequenceNode {
    items = List.copyOf(items);
  }
}
