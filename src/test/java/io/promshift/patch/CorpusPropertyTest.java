package io.promshift.patch;

import static org.assertj.core.api.Assertions.assertThat;

import io.promshift.patch.PatchHarness.Located;
import io.promshift.syntax.MappingNode;
import io.promshift.syntax.YamlDocument;
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
  private static final String PROBE = EditProperties.PROBE;
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
      assertThat(source.encode(EditSet.empty().apply(source.text()))).isEqualTo(Files.readAllBytes(file));
      List<String> failures = new ArrayList<>();
      List<Located> all = PatchHarness.mappings(doc.root());
      for (Located located : all) {
        String where = name(file) + " mapping at " + source.position(located.map().span().start());
        if (located.map().entry(PROBE) != null) {
          continue;
        }
        try {
          EditProperties.probe(source, doc, located, where, failures);
        } catch (RuntimeException | AssertionError e) {
          failures.add(where + ": " + e);
        }
      }
      assertThat(failures).as("%d mappings", all.size()).isEmpty();
    }));
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
            if (EditProperties.removeOne(source, doc, located, entry, where, failures)) {
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
}
