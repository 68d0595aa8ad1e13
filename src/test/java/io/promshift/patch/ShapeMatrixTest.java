package io.promshift.patch;

import static org.assertj.core.api.Assertions.assertThat;

import io.promshift.patch.PatchHarness.Located;
import io.promshift.syntax.MappingNode;
import io.promshift.syntax.YamlDocument;
import io.promshift.syntax.YamlReader;
import io.promshift.text.SourceException;
import io.promshift.text.SourceText;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Generated documents: every kind of last value, in every kind of container, followed by every kind of
 * trailer, with every line ending, with and without a final newline, at 1-, 2- and 4-space indents. Every
 * mapping of each must pass the probe property (add, read back, remove) and the removal property.
 */
class ShapeMatrixTest {

  /** Last values: given the indent of the entry's key and one indent step, the text after {@code last:}. */
  private static final List<Shape> VALUES = List.of(
      new Shape("plain", (i, w) -> " x"),
      new Shape("plain+comment", (i, w) -> " x  # c"),
      new Shape("double-quoted", (i, w) -> " \"x # y\""),
      new Shape("single-quoted", (i, w) -> " 'x'' y'"),
      new Shape("multi-line plain", (i, w) -> " one\n" + i + w + "two\n" + i + w + "three"),
      new Shape("multi-line double-quoted", (i, w) -> " \"one\n" + i + w + "two\"  # c"),
      new Shape("literal", (i, w) -> " |\n" + i + w + "l1\n" + i + w + "\tl2\n\n" + i + w),
      new Shape("literal strip", (i, w) -> " |-\n" + i + w + "l1\n\n"),
      new Shape("literal keep", (i, w) -> " |+\n" + i + w + "l1\n\n"),
      new Shape("literal keep, content last", (i, w) -> " |+\n" + i + w + "l1"),
      new Shape("folded", (i, w) -> " >\n" + i + w + "f1\n" + i + w + "f2\n" + i + w + "   more\n"),
      new Shape("literal, explicit indent", (i, w) -> " |2 # hdr\n" + i + "    x\n" + i + "   \n"),
      new Shape("empty literal", (i, w) -> " |"),
      new Shape("empty", (i, w) -> ""),
      new Shape("empty + comment", (i, w) -> "   # c"),
      new Shape("anchor only", (i, w) -> " &z"),
      new Shape("tag only", (i, w) -> " !!null"),
      new Shape("alias", (i, w) -> " *anc"),
      new Shape("flow map", (i, w) -> " {p: 1, q: [2, {r: 3}]}"),
      new Shape("multi-line flow", (i, w) -> " {p: 1,\n" + i + w + "q: 2,\n" + i + "}  # c"),
      new Shape("empty flow", (i, w) -> " {}"),
      new Shape("nested map", (i, w) -> "\n" + i + w + "n1: 1\n" + i + w + "n2:\n" + i + w + w + "deep: x  # c"),
      new Shape("nested map, block last", (i, w) -> "\n" + i + w + "n1: |+\n" + i + w + w + "k\n"),
      new Shape("nested map, empty last", (i, w) -> "\n" + i + w + "n1:\n" + i + w + "# c"),
      new Shape("sequence of maps", (i, w) -> "\n" + i + w + "- s: 1\n" + i + w + "  t:\n" + i + w + "  - 2"),
      new Shape("indentless sequence", (i, w) -> "\n" + i + "- a\n" + i + "- b: 1\n" + i + "  c: 2"),
      new Shape("sequence, empty last item", (i, w) -> "\n" + i + w + "- 1\n" + i + w + "-\n" + i + w + "# c"),
      new Shape("sequence, block last item", (i, w) -> "\n" + i + w + "- |2\n" + i + w + "   x\n"),
      new Shape("nested sequence", (i, w) -> "\n" + i + w + "- - 1\n" + i + w + "  - [2]"));

  /** Containers: given the entries' text (first line unindented) and one indent step, the document. */
  private static final List<Shape> CONTAINERS = List.of(
      new Shape("root", (m, w) -> m),
      new Shape("nested", (m, w) -> "parent:\n" + w + m),
      new Shape("deep", (m, w) -> "a:\n" + w + "b:\n" + w + w + m),
      new Shape("indentless item", (m, w) -> "list:\n- " + m),
      new Shape("item", (m, w) -> "list:\n" + w + "- " + m),
      new Shape("anchored", (m, w) -> "parent: &p !!map\n" + w + m),
      new Shape("after docstart", (m, w) -> "%YAML 1.1\n--- # doc\n" + m));

  private static final List<String> TRAILERS = List.of(
      "", "\n# trailing comment", "\n\n", "\n\n# c\n\nafter: 1", "\nafter: 1", "\n...\n", "\n---\nsecond: doc");

  record Shape(String name, BiFunction<String, String, String> text) {}

  /** The entries of the target mapping at indent {@code indent}, the first line without it. */
  private static String entries(Shape value, String indent, String step) {
    return "first: &anc 1  # c\n" + indent + "last:" + value.text().apply(indent, step);
  }

  private static int containerIndent(String container, String step) {
    switch (container) {
      case "root":
      case "after docstart":
        return 0;
      case "nested":
      case "anchored":
        return step.length();
      case "deep":
        return 2 * step.length();
      case "indentless item":
        return 2;
      default:
        return step.length() + 2;
    }
  }

  static List<String> documents() {
    List<String> docs = new ArrayList<>();
    for (String step : List.of(" ", "  ", "    ")) {
      for (Shape container : CONTAINERS) {
        String indent = " ".repeat(containerIndent(container.name(), step));
        for (Shape value : VALUES) {
          String body = container.text().apply(entries(value, indent, step), step);
          for (String trailer : TRAILERS) {
            if (container.name().equals("root") || container.name().equals("after docstart")) {
              if (trailer.contains("after:")) {
                continue; // would be an entry of the target mapping itself
              }
            }
            String doc = body + trailer;
            docs.add(doc);
          }
        }
      }
    }
    return docs;
  }

  @Test
  void everyGeneratedDocumentIsValidYaml() {
    List<String> bad = new ArrayList<>();
    for (String doc : documents()) {
      try {
        new YamlReader().read(SourceText.of("gen.yaml", doc + "\n"));
      } catch (SourceException e) {
        bad.add(e.getMessage() + "\n" + doc);
      }
    }
    assertThat(bad).isEmpty();
  }

  @TestFactory
  Stream<DynamicTest> everyShapeWithEveryLineEnding() {
    List<String> endings = List.of("\n", "\r\n", "\r");
    return endings.stream().flatMap(eol -> Stream.of(true, false).map(finalNewline -> DynamicTest.dynamicTest(
        "line ending " + eol.replace("\r", "CR").replace("\n", "LF") + (finalNewline ? ", final newline" : ", no final newline"),
        () -> {
          List<String> failures = new ArrayList<>();
          int probed = 0;
          int refused = 0;
          for (String doc : documents()) {
            String text = (doc + "\n").replace("\n", eol);
            if (!finalNewline) {
              text = text.substring(0, text.length() - eol.length());
            }
            SourceText source = SourceText.of("gen.yaml", text);
            YamlDocument read;
            try {
              read = new YamlReader().read(source);
            } catch (SourceException e) {
              failures.add("generated document does not parse: " + e.getMessage() + "\n" + text);
              continue;
            }
            for (Located located : PatchHarness.mappings(read.root())) {
              String where = "mapping at " + source.position(located.map().span().start()) + " of\n" + text + "\n--";
              try {
                if (EditProperties.probe(source, read, located, where, failures)) {
                  probed++;
                } else {
                  refused++;
                  assertRefusalIsJustified(source, located.map(), failures, where);
                }
                for (MappingNode.Entry entry : located.map().entries()) {
                  EditProperties.removeOne(source, read, located, entry, where + " entry " + entry.keyText(), failures);
                }
              } catch (RuntimeException | AssertionError e) {
                failures.add(where + ": " + e);
              }
            }
          }
          assertThat(failures).as("%d mappings probed, %d refused", probed, refused).isEmpty();
          assertThat(probed).isGreaterThan(1000);
        })));
  }

  /** addEntry refuses only a mapping whose last value is a clip/keep block scalar ending a file without final newline. */
  private static void assertRefusalIsJustified(SourceText source, MappingNode map, List<String> failures, String where) {
    if (source.endsWithLineBreak()) {
      failures.add(where + ": refused although the file ends with a line break");
    }
  }
}
