package io.promshift.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.promshift.syntax.MappingNode;
import io.promshift.syntax.ScalarNode;
import io.promshift.syntax.YamlReader;
import io.promshift.text.SourceText;
import org.junit.jupiter.api.Test;

/**
 * A string scalar's text as YAML defines it for its style, each character mapped to where the file writes it, and
 * inner edits written back into the file exactly.
 */
class InnerTextTest {

  /** The inner text of the value of the first key of the document. */
  private static InnerText inner(String yaml) {
    SourceText source = SourceText.of("t.yaml", yaml);
    MappingNode root = (MappingNode) new YamlReader().read(source).root();
    return InnerText.of(source, (ScalarNode) root.entries().get(0).value());
  }

  /** The outer text after replacing the inner {@code [start, end)} by {@code text}. */
  private static String edited(String yaml, int start, int end, String text) {
    InnerText inner = inner(yaml);
    InnerText.OuterEdit edit = inner.edit(start, end, text);
    return yaml.substring(0, edit.start()) + edit.text() + yaml.substring(edit.end());
  }

  @Test
  void aLiteralBlockIsItsLinesWithoutTheIndentation() {
    String yaml = "ds.yaml: |\n  apiVersion: 1\n\n  datasources:\n    - name: a\nnext: 1\n";
    InnerText inner = inner(yaml);
    assertThat(inner.editable()).isTrue();
    assertThat(inner.text()).isEqualTo("apiVersion: 1\n\ndatasources:\n  - name: a\n");
    assertThat(inner.outerOffset(inner.text().indexOf("name"))).isEqualTo(yaml.indexOf("name"));
  }

  @Test
  void keepsChompingAndExplicitIndentation() {
    assertThat(inner("k: |-\n  a\n  b\n\nz: 1\n").text()).isEqualTo("a\nb");
    assertThat(inner("k: |+\n  a\n\n").text()).isEqualTo("a\n\n");
    assertThat(inner("k: |2\n    a\n  b\n").text()).isEqualTo("  a\nb\n");
    assertThat(inner("k: |2\n    a\n  b\n").editable()).isTrue();
  }

  @Test
  void aLineInsertedIntoABlockTakesItsIndentationAndTheFilesLineEnding() {
    String yaml = "k: |\r\n  a: 1\r\n  b: 2\r\nz: 1\r\n";
    String text = inner(yaml).text();
    assertThat(text).isEqualTo("a: 1\nb: 2\n");
    assertThat(edited(yaml, text.indexOf("b:"), text.indexOf("b:"), "x: 3\n"))
        .isEqualTo("k: |\r\n  a: 1\r\n  x: 3\r\n  b: 2\r\nz: 1\r\n");
    assertThat(edited(yaml, text.length(), text.length(), "  y: 4\n"))
        .isEqualTo("k: |\r\n  a: 1\r\n  b: 2\r\n    y: 4\r\nz: 1\r\n");
    assertThat(edited(yaml, text.indexOf('1'), text.indexOf('1') + 1, "one"))
        .isEqualTo("k: |\r\n  a: one\r\n  b: 2\r\nz: 1\r\n");
  }

  @Test
  void linesAreRemovedWhole() {
    String yaml = "k: |\n  a: 1\n  x: 3\n  b: 2\n";
    String text = inner(yaml).text();
    int from = text.indexOf("x:");
    assertThat(edited(yaml, from, text.indexOf("b:"), "")).isEqualTo("k: |\n  a: 1\n  b: 2\n");
  }

  @Test
  void aBlockEndingTheFileWithoutALineBreak() {
    String yaml = "k: |-\n  a: 1\n  b: 2";
    String text = inner(yaml).text();
    assertThat(text).isEqualTo("a: 1\nb: 2");
    assertThat(edited(yaml, text.length(), text.length(), "\nc: 3")).isEqualTo("k: |-\n  a: 1\n  b: 2\n  c: 3");
  }

  @Test
  void neitherTheFirstLineNorAfterKeptTrailingBreaks() {
    assertThatThrownBy(() -> inner("k: |\n  a\n").edit(0, 0, "x\n")).hasMessageContaining("first line");
    String kept = "k: |+\n  a\n\nz: 1\n";
    assertThatThrownBy(() -> inner(kept).edit(3, 3, "x\n")).hasMessageContaining("|+");
    assertThat(edited(kept, 2, 2, "x\n")).as("before the kept breaks").isEqualTo("k: |+\n  a\n  x\n\nz: 1\n");
  }

  @Test
  void aDoubleQuotedStringWithEscapesAndFolds() {
    String yaml = "k: \"apiVersion: 1\\ndatasources:\\n- name: a\\n  type: prometheus\\n\"\n";
    InnerText inner = inner(yaml);
    assertThat(inner.text()).isEqualTo("apiVersion: 1\ndatasources:\n- name: a\n  type: prometheus\n");
    String text = inner.text();
    int type = text.indexOf("prometheus");
    assertThat(edited(yaml, type, type + "prometheus".length(), "grafana-amazonprometheus-datasource"))
        .isEqualTo(yaml.replace("type: prometheus", "type: grafana-amazonprometheus-datasource"));
    assertThat(edited(yaml, text.length() - 1, text.length() - 1, "\n  jsonData: {}"))
        .isEqualTo("k: \"apiVersion: 1\\ndatasources:\\n- name: a\\n  type: prometheus\\n  jsonData: {}\\n\"\n");
    assertThat(inner("k: \"a\n  b\\\n   c\n\n  d\"\n").text()).isEqualTo("a bc\nd");
  }

  @Test
  void aChangeOnAnEscapeOrAFoldIsRefused() {
    String yaml = "k: \"a\\tb\n  c\"\n";
    InnerText inner = inner(yaml);
    assertThat(inner.text()).isEqualTo("a\tb c");
    assertThatThrownBy(() -> inner.edit(1, 2, "x")).hasMessageContaining("escape");
    assertThatThrownBy(() -> inner.edit(4, 4, "x")).hasMessageContaining("fold");
    assertThat(edited(yaml, 1, 2, "")).as("a deletion takes an escape whole").isEqualTo("k: \"ab\n  c\"\n");
    assertThatThrownBy(() -> inner.edit(2, 4, "")).hasMessageContaining("fold");
  }

  @Test
  void onlyTheCharsThatChangeAreWritten() {
    String yaml = "k: \"{\\\"type\\\": \\\"prometheus\\\"}\"\n";
    InnerText inner = inner(yaml);
    assertThat(inner.text()).isEqualTo("{\"type\": \"prometheus\"}");
    int value = inner.text().indexOf("\"prometheus\"");
    assertThat(edited(yaml, value, value + 12, "\"other\""))
        .isEqualTo("k: \"{\\\"type\\\": \\\"other\\\"}\"\n");
  }

  @Test
  void singleQuotedAndFolded() {
    assertThat(inner("k: 'it''s\n  here'\n").text()).isEqualTo("it's here");
    InnerText folded = inner("k: >\n  a\n  b\n");
    assertThat(folded.text()).isEqualTo("a b\n");
    assertThat(folded.editable()).isFalse();
    assertThatThrownBy(() -> folded.edit(0, 1, "x")).hasMessageContaining("folded");
  }
}
