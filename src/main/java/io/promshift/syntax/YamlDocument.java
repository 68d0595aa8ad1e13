package io.promshift.syntax;

import io.promshift.text.SourceText;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The first YAML document of a file (the only one Grafana reads) as a syntax tree over its exact text.
 *
 * @param source the file's text
 * @param root the document's root node, or null for an empty document or stream
 * @param moreDocuments whether further documents follow the first one (Grafana never reads them)
 * @param comments every comment of the first document, in order
 */
public record YamlDocument(
    SourceText source, YamlNode root, boolean moreDocuments, List<Comment> comments,
    Map<YamlNode, List<AliasNode>> aliasesByTarget) {

  public YamlDocument {
    comments = List.copyOf(comments);
    IdentityHashMap<YamlNode, List<AliasNode>> copy = new IdentityHashMap<>();
    aliasesByTarget.forEach((target, aliases) -> copy.put(target, List.copyOf(aliases)));
    aliasesByTarget = Collections.unmodifiableMap(copy);
  }

  /** The aliases that stand for {@code node} (its anchor's uses), in source order. */
  public List<AliasNode> aliasesOf(YamlNode node) {
    return aliasesByTarget.getOrDefault(node, List.of());
  }

  public boolean isEmpty() {
    return root == null;
  }
}
