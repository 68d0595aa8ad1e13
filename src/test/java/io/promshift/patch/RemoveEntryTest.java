package io.promshift.patch;

import static io.promshift.patch.PatchHarness.assertRemove;
import static io.promshift.patch.PatchHarness.mapAt;
import static io.promshift.patch.PatchHarness.read;
import static io.promshift.patch.PatchHarness.src;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.promshift.syntax.MappingNode;
import io.promshift.syntax.YamlDocument;
import io.promshift.text.SourceText;
import java.util.List;
import org.junit.jupiter.api.Test;

class RemoveEntryTest {

  @Test
  void removesABlockEntrysWholeLinesWithItsInlineComment() {
    assertRemove("""
        jsonData:
          # about a
          a: 1  # inline a
          b:
            nested: [1,
              2]  # inline
          c: 3
        """, "jsonData", "b", """
        jsonData:
          # about a
          a: 1  # inline a
          c: 3
        """);
    assertRemove("""
        jsonData:
          a: 1
          b: 2  # inline b

          # after
        next: 1
        """, "jsonData", "b", """
        jsonData:
          a: 1

          # after
        next: 1
        """);
  }

  @Test
  void removesTheFirstEntryOnItsOwnLine() {
    assertRemove("a: 1\nb: 2\n", "", "a", "b: 2\n");
    assertRemove("k:\r\n  a: 1\r\n  b: 2\r\n", "k", "a", "k:\r\n  b: 2\r\n");
  }

  @Test
  void removesEntriesWithBlockScalarValuesUpToTheirLastContentLine() {
    assertRemove("""
        a:
          s: |
            x

          t: 1
        """, "a", "s", """
        a:

          t: 1
        """);
    assertRemove("""
        a:
          t: 1
          s: |+
            x

        # c
        """, "a", "s", """
        a:
          t: 1
        # c
        """);
  }

  @Test
  void removesTheLineBreakBeforeTheLastLineOfAFileWithoutFinalNewline() {
    assertRemove("a:\n  b: 1\n  c: 2", "a", "c", "a:\n  b: 1");
    assertRemove("a: 1\r\n# c\r\nb: 2", "", "b", "a: 1\r\n# c");
  }

  @Test
  void keepsALineBreakThatBelongsToABlockScalar() {
    // go-yaml reads `s` as "x\n" here; taking the break before `b` away would make it "x"
    assertRemove("a:\n  s: |\n    x\n  b: 2", "a", "b", "a:\n  s: |\n    x\n");
    assertRemove("a:\n  s: |+\n    x\n\n  b: 2", "a", "b", "a:\n  s: |+\n    x\n\n");
    assertRemove("a:\n  s: |-\n    x\n  b: 2", "a", "b", "a:\n  s: |-\n    x");
  }

  @Test
  void movesTheNextKeyUpWhenTheEntrySharesItsLine() {
    assertRemove("""
        datasources:
          - name: x  # n
            # about type
            type: prometheus
            url: u
        """, "datasources/0", "name", """
        datasources:
          - type: prometheus
            url: u
        """);
    assertRemove("- a:\n    deep: 1\n  b: 2\n", "0", "a", "- b: 2\n");
  }

  @Test
  void leavesAnEmptyFlowMappingAfterTheParentKeyForTheOnlyEntry() {
    assertRemove("key:\n  only: 1\n", "key", "only", "key: {}\n");
    assertRemove("key: # why\n  # about only\n  only:\n    deep: 1\nnext: 2\n", "key", "only",
        "key: {} # why\n  # about only\nnext: 2\n");
    assertRemove("key: &a !!map\n  only: 1\n", "key", "only", "key: &a !!map {}\n");
    assertRemove("\"k # x\":\n  only: 1", "k # x", "only", "\"k # x\": {}");
    assertRemove("- \n  only: 1\n", "0", "only", "- {} \n");
    assertRemove("-\n  only: 1\n", "0", "only", "- {}\n");
    assertRemove("---\nonly: 1\n", "", "only", "--- {}\n");
  }

  @Test
  void leavesAnEmptyFlowMappingInPlaceWhenTheOnlyEntrySharesItsLine() {
    assertRemove("- only: 1 # c\n- x\n", "0", "only", "- {}\n- x\n");
    assertRemove("only: 1\n", "", "only", "{}\n");
    assertRemove("# head\nonly:\n  a: 1\n", "", "only", "# head\n{}\n");
  }

  @Test
  void removesFlowEntries() {
    assertRemove("m: {a: 1, b: 2, c: 3}\n", "m", "b", "m: {a: 1, c: 3}\n");
    assertRemove("m: {a: 1, b: 2, c: 3}\n", "m", "c", "m: {a: 1, b: 2}\n");
    assertRemove("m: {a: 1, b: 2, c: 3}\n", "m", "a", "m: {b: 2, c: 3}\n");
    assertRemove("m: {a: 1, b: 2,}\n", "m", "b", "m: {a: 1,}\n");
    assertRemove("m: {\n  a: 1,  # one\n  b: 2\n}\n", "m", "b", "m: {\n  a: 1\n}\n");
  }

  @Test
  void removesTheOnlyFlowEntry() {
    assertRemove("m: {a: 1}\n", "m", "a", "m: {}\n");
    assertRemove("m: { a: 1 }\n", "m", "a", "m: {  }\n");
    assertRemove("m: {a: 1,}\n", "m", "a", "m: {}\n");
    assertRemove("m: {\n  a: 1,\n}\n", "m", "a", "m: {\n}\n");
    assertRemove("m: {a}\n", "m", "a", "m: {}\n");
  }

  @Test
  void refusesExplicitKeysAndForeignEntries() {
    SourceText source = src("? a\n: 1\nb: 2\n");
    YamlDocument doc = read(source);
    MappingNode root = mapAt(doc, "");
    assertThatThrownBy(() -> YamlEdits.removeEntry(source, root, root.entry("a")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("explicit key");
    MappingNode other = mapAt(read("c: 1\n"), "");
    assertThatThrownBy(() -> YamlEdits.removeEntry(source, root, other.entry("c")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not in this mapping");
  }

  @Test
  void returnsEditsThatCombineWithOthers() {
    SourceText source = src("a:\n  only: 1\nb:\n  x: 1\n");
    YamlDocument doc = read(source);
    MappingNode a = mapAt(doc, "a");
    List<Edit> edits = new java.util.ArrayList<>(YamlEdits.removeEntry(source, a, a.entry("only")));
    edits.add(YamlEdits.addEntry(source, mapAt(doc, "b"), "z", "2"));
    assertThat(EditSet.of(edits).apply(source.text())).isEqualTo("a: {}\nb:\n  x: 1\n  z: 2\n");
  }
}
