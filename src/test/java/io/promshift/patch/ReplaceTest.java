package io.promshift.patch;

import static io.promshift.patch.PatchHarness.at;
import static io.promshift.patch.PatchHarness.mapAt;
import static io.promshift.patch.PatchHarness.read;
import static io.promshift.patch.PatchHarness.src;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.promshift.syntax.AliasNode;
import io.promshift.syntax.MappingNode;
import io.promshift.syntax.ScalarNode;
import io.promshift.syntax.ScalarStyle;
import io.promshift.syntax.YamlDocument;
import io.promshift.syntax.YamlNode;
import io.promshift.text.SourceText;
import org.junit.jupiter.api.Test;

class ReplaceTest {

  /** Replaces the scalar at {@code path}, asserts the text and that it reads back as {@code expectedValue}. */
  private static void assertScalar(String before, String path, String newValue, String expected,
      String expectedValue) {
    SourceText source = src(before);
    YamlDocument doc = read(source);
    ScalarNode node = (ScalarNode) at(doc, path);
    String after = EditSet.of(YamlEdits.replaceScalar(source, node, newValue)).apply(source.text());
    assertThat(after).isEqualTo(expected);
    YamlDocument afterDoc = read(src(after));
    ScalarNode replaced = (ScalarNode) at(afterDoc, path);
    assertThat(replaced.value()).isEqualTo(expectedValue);
    assertThat(replaced.anchor()).isEqualTo(node.anchor());
    assertThat(replaced.tag()).isEqualTo(node.tag());
    assertThat(PatchHarness.commentTexts(afterDoc)).isEqualTo(PatchHarness.commentTexts(doc));
  }

  private static void assertScalar(String before, String path, String newValue, String expected) {
    assertScalar(before, path, newValue, expected, newValue);
  }

  @Test
  void keepsPlainScalarsPlainWhenSafe() {
    assertScalar("type: prometheus  # the type\n", "type", "grafana-amazonprometheus-datasource",
        "type: grafana-amazonprometheus-datasource  # the type\n");
    assertScalar("url: x\n", "url", "http://prom:9090/api/v1", "url: http://prom:9090/api/v1\n");
    assertScalar("a: &x !!str old\n", "a", "new", "a: &x !!str new\n");
    assertScalar("a: one\n  two\nb: 1\n", "a", "single", "a: single\nb: 1\n");
  }

  @Test
  void quotesPlainScalarsThatWouldReadAsSomethingElse() {
    for (String word : new String[] {"true", "True", "yes", "no", "on", "off", "y", "N", "null", "NULL",
        "~", "1", "0x1", "0o7", "1_000", "1:30", "1e3", "1.5", ".inf", "-1", "+1", "2024-01-02", "",
        "a b", "a: b", "#x", "x #y", "a:", "-", "*a", "&a", "!t", "[x]", "{x}", "x,y", "'q'", "%x", "@x",
        "`x`", "|", ">", "?"}) {
      assertThat(ScalarText.isSafePlain(word)).as(word).isFalse();
      assertScalar("a: old\n", "a", word, "a: " + ScalarText.doubleQuoted(word) + "\n");
    }
    for (String word : new String[] {"prometheus", "sigV4Auth", "eu-west-1", "10m", "v1.2.3", "a_b", "_x",
        "x:y", "http://a/b"}) {
      assertThat(ScalarText.isSafePlain(word)).as(word).isTrue();
    }
  }

  @Test
  void keepsQuotedStyles() {
    assertScalar("a: 'old'\n", "a", "it's", "a: 'it''s'\n");
    assertScalar("a: 'old'\n", "a", "two\nlines", "a: \"two\\nlines\"\n");
    assertScalar("a: \"old\"\n", "a", "say \"hi\" \\ \t\u0007 ✅ 😀", "a: \"say \\\"hi\\\" \\\\ \\t\\a ✅ 😀\"\n");
    assertScalar("a: \"multi\n  line\" # c\nb: 1\n", "a", "x", "a: \"x\" # c\nb: 1\n");
    assertScalar("a: \"old\"\n", "a", "\u0085\u2028\u2029\uFEFF\u0001\u007F", "a: \"\\x85\\u2028\\u2029\\uFEFF\\x01\\x7F\"\n");
  }

  @Test
  void replacesTheBodyOfBlockScalarsKeepingHeaderAndIndentation() {
    assertScalar("a:\n  s: |  # c\n    old\n    lines\n\n  b: 1\n", "a/s", "new", "a:\n  s: |  # c\n    new\n\n  b: 1\n", "new\n");
    assertScalar("s: >-\n   old\nb: 1\n", "s", "new", "s: >-\n   new\nb: 1\n", "new");
    assertScalar("s: |\r\n  old\r\n", "s", "x\ny\n\nz\n", "s: |\r\n  x\r\n  y\r\n\r\n  z\r\n", "x\ny\n\nz\n");
    assertScalar("s: |+\n  old\n\nb: 1\n", "s", "new\n", "s: |+\n  new\n\nb: 1\n", "new\n\n");
    assertScalar("- |2\n    old\n", "0", "  spaced", "- |2\n    spaced\n", "  spaced\n");
    assertScalar("s: |\n  old\n", "s", "x\n\ttabbed", "s: |\n  x\n  \ttabbed\n", "x\n\ttabbed\n");
  }

  @Test
  void fillsAnEmptyBlockScalar() {
    assertScalar("a:\n  s: |\n  b: 1\n", "a/s", "x", "a:\n  s: |\n    x\n  b: 1\n", "x\n");
    assertScalar("s: |\n  old\nb: 1\n", "s", "", "s: |\nb: 1\n", "");
  }

  @Test
  void writesABlockScalarDoubleQuotedWhenItsStyleCannotHoldTheValue() {
    assertScalar("s: >\n  old\n\nb: 1\n", "s", "two\nlines", "s: \"two\\nlines\"\n\nb: 1\n", "two\nlines");
    assertScalar("s: |\n  old\nb: 1\n", "s", " leading", "s: \" leading\"\nb: 1\n", " leading");
    // go-yaml refuses a tab where a block scalar's indentation is still to be found
    assertScalar("s: |\n  old\n", "s", "\ttabbed", "s: \"\\ttabbed\"\n", "\ttabbed");
    assertScalar("s: |\n  old\nb: 1\n", "s", "a\u0001", "s: \"a\\x01\"\nb: 1\n", "a\u0001");
  }

  @Test
  void insertsAfterTheAnchorOfAnEmptyValue() {
    assertScalar("a: &x\nb: 1\n", "a", "v", "a: &x v\nb: 1\n");
  }

  @Test
  void refusesAnEmptyValueWrittenAsNothing() {
    SourceText source = src("a:\nb: 1\n");
    ScalarNode empty = (ScalarNode) at(read(source), "a");
    assertThatThrownBy(() -> YamlEdits.replaceScalar(source, empty, "v"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("replaceValue");
    assertThatThrownBy(() -> YamlEdits.replaceNode(empty, "v")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> YamlEdits.replaceNode(source, empty, "v")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void replacesAnAliasByAScalar() {
    SourceText source = src("base: &t {a: 1}\nds:\n  x: *t  # alias\n");
    YamlDocument doc = read(source);
    YamlNode alias = at(doc, "ds/x");
    assertThat(alias).isInstanceOf(AliasNode.class);
    Edit edit = YamlEdits.replaceNode(alias, "plain");
    assertThat(EditSet.of(edit).apply(source.text())).isEqualTo("base: &t {a: 1}\nds:\n  x: plain  # alias\n");
    assertThat(YamlEdits.replaceNode(source, alias, "plain")).isEqualTo(edit);
  }

  @Test
  void replacesWholeNodesUpToTheirLastContent() {
    SourceText source = src("a:\n  s: |\n    x\n\nb:\n  c: 1\n  d:\n    - 1\nz: 0\n");
    YamlDocument doc = read(source);
    assertThat(EditSet.of(YamlEdits.replaceNode(source, at(doc, "a/s"), "v")).apply(source.text()))
        .isEqualTo("a:\n  s: v\n\nb:\n  c: 1\n  d:\n    - 1\nz: 0\n");
    assertThat(EditSet.of(YamlEdits.replaceNode(source, at(doc, "b"), "{}")).apply(source.text()))
        .isEqualTo("a:\n  s: |\n    x\n\nb:\n  {}\nz: 0\n");
    assertThat(EditSet.of(YamlEdits.replaceNode(at(doc, "b"), "{}")).apply(source.text()))
        .isEqualTo("a:\n  s: |\n    x\n\nb:\n  {}\nz: 0\n");
    assertThatThrownBy(() -> YamlEdits.replaceNode(at(doc, "a"), "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> YamlEdits.replaceNode(at(doc, "a/s"), "x")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void setsEmptyValuesThroughTheirEntry() {
    SourceText source = src("a:   # c\nb: {x: , y}\nc: old\n");
    YamlDocument doc = read(source);
    MappingNode root = mapAt(doc, "");
    MappingNode flow = mapAt(doc, "b");
    assertThat(EditSet.of(
            YamlEdits.replaceValue(source, root, root.entry("a"), "1"),
            YamlEdits.replaceValue(source, flow, flow.entry("x"), "2"),
            YamlEdits.replaceValue(source, flow, flow.entry("y"), "3"),
            YamlEdits.replaceValue(source, root, root.entry("c"), "new"))
        .apply(source.text()))
        .isEqualTo("a: 1   # c\nb: {x: 2 , y: 3}\nc: new\n");
  }

  @Test
  void replacesScalarsAfterAstralCharacters() {
    SourceText source = src("\uFEFF# 😀😀\na: \"🚀\"\nb: old # 😀\n");
    YamlDocument doc = read(source);
    ScalarNode b = (ScalarNode) at(doc, "b");
    assertThat(b.style()).isEqualTo(ScalarStyle.PLAIN);
    assertThat(EditSet.of(YamlEdits.replaceScalar(source, b, "new")).apply(source.text()))
        .isEqualTo("# 😀😀\na: \"🚀\"\nb: new # 😀\n");
  }
}
