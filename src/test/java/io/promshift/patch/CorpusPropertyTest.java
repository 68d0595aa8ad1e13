package io.promshift.patch;

import static org.assertj.core.api.Assertions.assertThat;

import io.promshift.patch.PatchHarness.Located;
import io.promshift.syntax.MappingNode;
import io.promshift.syntax.YamlDocument;
import io.promshift.syntax.YamlNode;
import io.promshift.syntax.YamlReader;
import io.promshift.text.SourceException;
import io.promshift.text.SourceText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every mapping of every corpus file: add {@code promshift-probe: true}, read the result back, find the probe
 * last in that mapping and everything else unchanged, remove it again and get the original text back.
 * A second property removes every existing entry and checks that the rest reads the same.
 */
class CorpusPropertyTest {
  private static final String PROBE = "promshift-probe";
  private static final List<String> FOLDERS = List.of("synthetic", "real", "derived");

  static List<Path> corpusFiles() {
    Path root = Paths.get(System.getProperty("promshift.shared", "../shared"), "corpus");
    Assumptions.assumeTrue(Files.isDirectory(root), "no shared corpus at " + root.toAbsolutePath());
    List<Path> files = new ArrayList<>();
    for (String folder : FOLDERS) {
      Path dir = root.resolve(folder);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.filter(Files::isRegularFile)
            .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
            .sorted()
            .forEach(files::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    Assumptions.assumeFalse(files.isEmpty(), "the corpus holds no YAML files");
    return files;
  }

  private static YamlDocument readOrNull(Path file, SourceText[] sourceOut) {
    try {
      SourceText source = SourceText.decode(file.toString(), Files.readAllBytes(file));
      sourceOut[0] = source;
      return new YamlReader().read(source);
    } catch (SourceException e) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String name(Path file) {
    return file.getParent().getFileName() + "/" + file.getFileName();
  }

  @TestFactory
  Stream<DynamicTest> addThenRemoveAProbeInEveryMapping() {
    return corpusFiles().stream().map(file -> DynamicTest.dynamicTest(name(file), () -> {
      SourceText[] holder = new SourceText[1];
      YamlDocument doc = readOrNull(file, holder);
      Assumptions.assumeTrue(doc != null && doc.root() != null, "not readable as YAML: skipped");
      SourceText source = holder[0];
      List<String> failures = new ArrayList<>();
      List<Located> all = PatchHarness.mappings(doc.root());
      for (Located located : all) {
        String where = name(file) + " mapping at " + source.position(located.map().span().start());
        if (located.map().entry(PROBE) != null) {
          continue;
        }
        try {
          probe(source, doc, located, where, failures);
        } catch (RuntimeException | AssertionError e) {
          failures.add(where + ": " + e);
        }
      }
      assertThat(failures).as("%d mappings", all.size()).isEmpty();
    }));
  }

  private static void probe(SourceText source, YamlDocument doc, Located located, String where, List<String> failures) {
    Edit edit;
    try {
      edit = YamlEdits.addEntry(source, located.map(), PROBE, "true");
    } catch (IllegalArgumentException refused) {
      if (isDocumentedRefusal(refused)) {
        return;
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
      return;
    }
    YamlNode node = PatchHarness.follow(afterDoc.root(), located.path());
    if (!(node instanceof MappingNode map) || map.entries().size() != located.map().entries().size() + 1
        || !PROBE.equals(map.lastEntry().keyText())
        || !Objects.equals(PatchHarness.data(map.lastEntry().value()), PatchHarness.valueData("true"))) {
      failures.add(where + ": (b) the probe is not the last entry of that mapping\n" + after);
      return;
    }
    if (!PatchHarness.data(afterDoc.root(), map, null, true).equals(PatchHarness.data(doc.root()))) {
      failures.add(where + ": (b) other data changed\n" + after);
      return;
    }
    if (!PatchHarness.commentTexts(afterDoc).equals(PatchHarness.commentTexts(doc))
        || afterDoc.moreDocuments() != doc.moreDocuments()) {
      failures.add(where + ": (b) comments or documents changed");
      return;
    }
    String back = EditSet.of(YamlEdits.removeEntry(afterSource, map, map.lastEntry())).apply(afterSource.text());
    if (!back.equals(source.text())) {
      failures.add(where + ": (c) removing the probe does not give the original back:\n" + back);
    }
  }

  /** The refusals addEntry documents, which the tool reports instead of writing something wrong. */
  static boolean isDocumentedRefusal(IllegalArgumentException e) {
    String m = String.valueOf(e.getMessage());
    return m.contains("single pair inside a flow sequence") || m.contains("block scalar that ends the file");
  }

  @TestFactory
  Stream<DynamicTest> removeEveryExistingEntry() {
    return corpusFiles().stream().map(file -> DynamicTest.dynamicTest(name(file), () -> {
      SourceText[] holder = new SourceText[1];
      YamlDocument doc = readOrNull(file, holder);
      Assumptions.assumeTrue(doc != null && doc.root() != null, "not readable as YAML: skipped");
      SourceText source = holder[0];
      List<String> failures = new ArrayList<>();
      int checked = 0;
      for (Located located : PatchHarness.mappings(doc.root())) {
        for (MappingNode.Entry entry : located.map().entries()) {
          String where = name(file) + " entry at " + source.position(entry.key().span().start());
          try {
            if (removeOne(source, doc, located, entry, where, failures)) {
              checked++;
            }
          } catch (RuntimeException | AssertionError e) {
            failures.add(where + ": " + e);
          }
        }
      }
      assertThat(failures).as("%d entries removed", checked).isEmpty();
    }));
  }

  private static boolean removeOne(SourceText source, YamlDocument doc, Located located, MappingNode.Entry entry,
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
    }
    return true;
  }

  private static boolean definesAnchor(YamlNode node) {
    if (node.anchor() != null) {
      return true;
    }
    if (node instanceof MappingNode map) {
      return map.entries().stream().anyMatch(e -> definesAnchor(e.key()) || definesAnchor(e.value()));
    }
    if (node instanceof io.promshift.syntax.SequenceNode seq) {
      return seq.items().stream().anyMatch(CorpusPropertyTest::definesAnchor);
    }
    return false;
  }
}
