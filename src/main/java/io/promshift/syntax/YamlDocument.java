package io.promshift.syntax;

import io.promshift.text.SourceText;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One YAML document as a syntax tree over its file's exact text: the first document of a provisioning file
 * (the only one Grafana reads), or any document of a {@link YamlStream}.
 *
 * @param source the file's text
 * @param root the document's root node, or null for an empty document or stream
 * @param moreDocuments whether further documents follow the first one (Grafana never reads them)
 * @param comments every comment of the first document, in order
 * @param duplicateKeys keys written twice in one mapping, when read by a reader that keeps them (the later value
 *     wins): a YAML 1.1 reader, or {@link YamlReader#readParsed}, which leaves their refusal to the decoder (go-yaml
 *     v3 refuses them only in a mapping it decodes); a reader that refuses them leaves this empty
 */
public record YamlDocument(
    SourceText source, YamlNode root, boolean moreDocuments, List<Comment> comments,
    Map<YamlNode, List<AliasNode>> aliasesByTarget, List<DuplicateKey> duplicateKeys) {

  public YamlDocument {
    comments = List.copyOf(comments);
    duplicateKeys = List.copyOf(duplicateKeys);
    IdentityHashMap<YamlNode, List<AliasNode>> copy = new IdentityHashMap<>();
    aliasesByTarget.forEach((target, aliases) -> copy.put(target, List.copyOf(aliases)));
    aliasesByTarget = Collections.unmodifiableMap(copy);
  }

  /** The aliases that stand for {@code node} (its anchor's uses), in source order. */
  public List<AliasNode> aliasesOf(YamlNode node) {
    return aliasesByTarget.getOrDefault(node, List.of());
  }

  /**
   * A part of this document (or a wrapper around a part of it) seen as a document of its own: same text, anchors and
   * comments, no documents after it.
   */
  public YamlDocument part(YamlNode partRoot) {
    return new YamlDocument(source, partRoot, false, comments, aliasesByTarget, duplicateKeys);
  }

  public boolean isEmpty() {
    return root == null;
  }
}
