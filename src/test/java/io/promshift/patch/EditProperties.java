package io.promshift.patch;

import io.promshift.patch.PatchHarness.Located;
import io.promshift.syntax.MappingNode;
import io.promshift.syntax.YamlDocument;
import io.promshift.syntax.YamlNode;
import io.promshift.syntax.YamlReader;
import io.promshift.text.SourceException;
import io.promshift.text.SourceText;
import java.util.List;
import java.util.Objects;

/** The two properties every mapping must have, collected as failure messages. */
final class EditProperties {
  static final String PROBE = "promshift-probe";

  private EditProperties() {}

  /** Adds the probe and checks (a), (b), (c); false when addEntry refused with a documented reason. */
  static boolean probe(SourceText source, YamlDocument doc, Located located, String where, List<String> failures) {
    Edit edit;
    try {
      edit = YamlEdits.addEntry(source, located.map(), PROBE, "true");
    } catch (IllegalArgumentException refused) {
      if (isDocumentedRefusal(refused)) {
        return false;
      }
      throw refused;
    }
    String after = EditSet.of(edit).apply(source.text());
    SourceText afterSource = SourceText.of(source.name(), (source.hasBom() ? "\uFEFF" : "") + after);
    YamlDocument afterDoc;
    try {
      afterDoc = new YamlReader().read(afterSource);
    } catch (SourceException e) {
      failures.add(where + ": (a) the result does not parse: " + e.getMessage() + "\n" + after);
      return true;
    }
    YamlNode node = PatchHarness.follow(afterDoc.root(), located.path());
    if (!(node instanceof MappingNode map) || map.entries().size() != located.map().entries().size() + 1
        || !PROBE.equals(map.lastEntry().keyText())
        || !Objects.equals(PatchHarness.data(map.lastEntry().value()), PatchHarness.valueData("true"))) {
      failures.add(where + ": (b) the probe is not the last entry of that mapping\n" + after);
      return true;
    }
    if (!PatchHarness.data(afterDoc.root(), map, null, true).equals(PatchHarness.data(doc.root()))) {
      failures.add(where + ": (b) other data changed\n" + after);
      return true;
    }
    if (!PatchHarness.commentTexts(afterDoc).equals(PatchHarness.commentTexts(doc))
        || afterDoc.moreDocuments() != doc.moreDocuments()) {
      failures.add(where + ": (b) comments or documents changed");
      return true;
    }
    String oracle = oracleMismatch(source.text(), after, located.path(), -1, map.entries().size() - 1);
    if (oracle != null) {
      failures.add(where + ": (b) " + oracle + "\n" + after);
      return true;
    }
    String back = EditSet.of(YamlEdits.removeEntry(afterSource, map, map.lastEntry())).apply(afterSource.text());
    if (!back.equals(source.text())) {
      failures.add(where + ": (c) removing the probe does not give the original back:\n" + back);
    }
    return true;
  }

  /** The refusals addEntry documents, which the tool reports instead of writing something wrong. */
  static boolean isDocumentedRefusal(IllegalArgumentException e) {
    String m = String.valueOf(e.getMessage());
    return m.contains("single pair inside a flow sequence") || m.contains("block scalar that ends the file");
  }

  static boolean removeOne(SourceText source, YamlDocument doc, Located located, MappingNode.Entry entry,
      String where, List<String> failures) {
    List<Edit> edits;
    try {
      edits = YamlEdits.removeEntry(source, located.map(), entry);
    } catch (IllegalArgumentException refused) {
      String m = String.valueOf(refused.getMessage());
      if (m.contains("explicit key") || m.contains("single pair inside a flow sequence")) {
        return false;
      }
      throw refused;
    }
    String after = EditSet.of(edits).apply(source.text());
    SourceText afterSource = SourceText.of(source.name(), (source.hasBom() ? "\uFEFF" : "") + after);
    YamlDocument afterDoc;
    try {
      afterDoc = new YamlReader().read(afterSource);
    } catch (SourceException e) {
      if (definesAnchor(entry.key()) || definesAnchor(entry.value())) {
        return false; // the anchor's aliases now point nowhere: expected
      }
      failures.add(where + ": the result does not parse: " + e.getMessage() + "\n" + after);
      return true;
    }
    Object expected = PatchHarness.data(doc.root(), null, entry, false);
    if (!PatchHarness.data(afterDoc.root(), null, null, false).equals(expected)) {
      failures.add(where + ": the rest does not read the same\n" + after);
      return true;
    }
    String oracle = oracleMismatch(source.text(), after, located.path(), located.map().entries().indexOf(entry), -1);
    if (oracle != null) {
      failures.add(where + ": " + oracle + "\n" + after);
    }
    return true;
  }

  static boolean definesAnchor(YamlNode node) {
    if (node.anchor() != null) {
      return true;
    }
    if (node instanceof MappingNode map) {
      return map.entries().stream().anyMatch(e -> definesAnchor(e.key()) || definesAnchor(e.value()));
    }
    if (node instanceof io.promshift.syntax.SequenceNode seq) {
      return seq.items().stream().anyMatch(EditProperties::definesAnchor);
    }
    return false;
  }

  /**
   * Compares what the oracle reads before and after an edit: {@code removedIndex} is an entry of the mapping at
   * {@code path} that the edit removed, {@code addedIndex} one it added (-1 for none). Null when they agree or
   * the oracle cannot read the original.
   */
  static String oracleMismatch(String before, String after, List<Integer> path, int removedIndex, int addedIndex) {
    org.yaml.snakeyaml.nodes.Node oldRoot = Oracle.compose(before);
    if (oldRoot == null) {
      return null;
    }
    org.yaml.snakeyaml.nodes.Node newRoot = Oracle.compose(after);
    if (newRoot == null) {
      return "the oracle (SnakeYAML 2) cannot read the result";
    }
    Object expected = Oracle.data(oldRoot, Oracle.follow(oldRoot, path), removedIndex);
    Object actual = Oracle.data(newRoot, Oracle.follow(newRoot, path), addedIndex);
    if (!expected.equals(actual)) {
      return "the oracle (SnakeYAML 2) reads other data differently";
    }
    return null;
  }
}
