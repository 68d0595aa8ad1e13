package io.promshift.patch;

import static io.promshift.patch.PatchHarness.assertAdd;
import static io.promshift.patch.PatchHarness.mapAt;
import static io.promshift.patch.PatchHarness.read;
import static io.promshift.patch.PatchHarness.src;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.promshift.syntax.MappingNode;
import io.promshift.syntax.SequenceNode;
import io.promshift.syntax.YamlDocument;
import io.promshift.text.SourceText;
import org.junit.jupiter.api.Test;

class AddEntryFlowTest {

  @Test
  void appendsAfterTheLastValueOfAOneLineFlowMapping() {
    assertAdd("jsonData: {a: 1}\n", "jsonData", "k", "v", "jsonData: {a: 1, k: v}\n");
    assertAdd("jsonData: { a: 1, b: \"x\" }  # c\n", "jsonData", "k", "v",
        "jsonData: { a: 1, b: \"x\", k: v }  # c\n");
    // every key quoted: the new one is quoted like them
    assertAdd("jsonData: {\"a\":1}", "jsonData", "k", "v", "jsonData: {\"a\":1, \"k\": v}");
  }

  @Test
  void keepsATrailingCommaValid() {
    assertAdd("jsonData: {a: 1,}\n", "jsonData", "k", "v", "jsonData: {a: 1, k: v,}\n");
    assertAdd("jsonData: {a: 1 , }\n", "jsonData", "k", "v", "jsonData: {a: 1, k: v , }\n");
  }

  @Test
  void addsIntoEmptyFlowMappings() {
    assertAdd("jsonData: {}\n", "jsonData", "k", "v", "jsonData: {k: v}\n");
    assertAdd("jsonData: { }\n", "jsonData", "k", "v", "jsonData: {k: v }\n");
    assertAdd("jsonData: &j !!map {}\n", "jsonData", "k", "v", "jsonData: &j !!map {k: v}\n");
    assertAdd("jsonData: {\n}\n", "jsonData", "k", "v", "jsonData: {k: v\n}\n");
  }

  @Test
  void keepsTheLineStructureOfMultiLineFlowMappings() {
    assertAdd("""
        jsonData: {
          a: 1,
          b: [1, 2]  # list
        }
        """, "jsonData", "k", "v", """
        jsonData: {
          a: 1,
          b: [1, 2], k: v  # list
        }
        """);
    assertAdd("jsonData: {a: 1,\r\n  b: 2,\r\n}\r\n", "jsonData", "k", "v", "jsonData: {a: 1,\r\n  b: 2, k: v,\r\n}\r\n");
  }

  @Test
  void goesAfterEmptyAndImplicitValues() {
    assertAdd("m: {a: }\n", "m", "k", "v", "m: {a: , k: v}\n");
    assertAdd("m: {a: , b}\n", "m", "k", "v", "m: {a: , b, k: v}\n");
    assertAdd("m: {a: !!null , b: x}\n", "m", "k", "v", "m: {a: !!null , b: x, k: v}\n");
  }

  @Test
  void goesAfterNestedFlowValuesAndAliases() {
    assertAdd("x: &x 1\nm: {a: {b: [1, {c: 2}]}, d: *x}\n", "m", "k", "v",
        "x: &x 1\nm: {a: {b: [1, {c: 2}]}, d: *x, k: v}\n");
    assertAdd("m: {a: {b: 1}}\n", "m/a", "k", "v", "m: {a: {b: 1, k: v}}\n");
  }

  @Test
  void addsToARootFlowMapping() {
    assertAdd("{a: 1}", "", "k", "v", "{a: 1, k: v}");
    assertAdd("\uFEFF{a: \"😀\"}\n", "", "k", "v", "{a: \"😀\", k: v}\n");
  }

  @Test
  void refusesASinglePairInsideAFlowSequence() {
    SourceText source = src("list: [a: 1]\n");
    YamlDocument doc = read(source);
    MappingNode pair = (MappingNode) ((SequenceNode) PatchHarness.at(doc, "list")).items().get(0);
    assertThatThrownBy(() -> YamlEdits.addEntry(source, pair, "k", "v"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("single pair");
    assertThatThrownBy(() -> YamlEdits.removeEntry(source, pair, pair.lastEntry()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("single pair");
    mapAt(doc, "");
  }
}
