package io.promshift.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.promshift.text.SourceException;
import io.promshift.text.SourceText;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class YamlReaderTest {
  private final YamlReader reader = new YamlReader();

  private YamlDocument read(String text) {
    return reader.read(SourceText.of("test.yaml", text));
  }

  private static String at(YamlDocument doc, io.promshift.text.Span span) {
    return doc.source().text().substring(span.start(), span.end());
  }

  @Test
  void everyNodeKnowsItsExactSpanAfterABomCrlfAndAnEmoji() {
    // yaml-traps 1, 9: marks are code points after the BOM.
    SourceText source = SourceText.of("f", "\uFEFF# 🚀 rocket\r\ntype: &t !!str \"prometheus\"\r\nnext: x\r\n");
    YamlDocument doc = reader.read(source);
    MappingNode root = (MappingNode) doc.root();
    ScalarNode type = (ScalarNode) root.entry("type").value();
    assertThat(at(doc, type.span())).isEqualTo("&t !!str \"prometheus\"");
    assertThat(at(doc, type.valueSpan())).isEqualTo("\"prometheus\"");
    assertThat(type.anchor()).isEqualTo("t");
    assertThat(type.tag()).isEqualTo("tag:yaml.org,2002:str");
    assertThat(type.style()).isEqualTo(ScalarStyle.DOUBLE_QUOTED);
    assertThat(at(doc, root.entry("next").value().span())).isEqualTo("x");
  }

  @Test
  void blockMappingSpanEndsWithItsLastValueAndFlowSpanAtTheBrace() {
    YamlDocument doc = read("a:\n  b: 1\n  c: {d: 2}  # c\n# after\ne: [1, 2]\n");
    MappingNode root = (MappingNode) doc.root();
    assertThat(at(doc, root.entry("a").value().span())).isEqualTo("b: 1\n  c: {d: 2}");
    assertThat(((MappingNode) ((MappingNode) root.entry("a").value()).entry("c").value()).flow()).isTrue();
    assertThat(at(doc, root.entry("e").value().span())).isEqualTo("[1, 2]");
  }

  @Test
  void keepsCommentsOfTheDocument() {
    YamlDocument doc = read("# head\na: 1 # inline\n# tail\n");
    assertThat(doc.comments()).extracting(Comment::text).containsExactly(" head", " inline", " tail");
    assertThat(doc.comments().get(1).inline()).isTrue();
  }

  @Test
  void aliasesPointAtTheirAnchoredNodeAndAreIndexed() {
    YamlDocument doc = read("x: &aws {sigV4Auth: true}\ny: *aws\nz: *aws\n");
    MappingNode root = (MappingNode) doc.root();
    AliasNode alias = (AliasNode) root.entry("y").value();
    assertThat(alias.target()).isSameAs(root.entry("x").value());
    assertThat(doc.aliasesOf(root.entry("x").value())).hasSize(2);
  }

  @Test
  void duplicateKeysAreRefusedWithBothPositions() {
    // yaml-traps 5: Grafana (go-yaml v3) refuses them in every mapping.
    assertThatThrownBy(() -> read("a: 1\njsonData:\n  k: 1\n  \"k\": 2\n"))
        .isInstanceOfSatisfying(SourceException.class, e -> {
          assertThat(e.line()).isEqualTo(4);
          assertThat(e.column()).isEqualTo(3);
          assertThat(e.related()).hasValueSatisfying(p -> assertThat(p.line()).isEqualTo(3));
          assertThat(e.getMessage()).isEqualTo("test.yaml:4:3: duplicate key \"k\": already defined at line 3,"
              + " column 3; Grafana refuses to start on a duplicate key");
        });
  }

  @Test
  void deepNestingIsAClearErrorNotAStackOverflow() {
    // yaml-traps 4: 20,000 nested '[' overflow the Engine's recursive composer.
    String deep = "a: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n";
    assertThatThrownBy(() -> read(deep))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("test.yaml:1:")
        .hasMessageContaining("nesting is deeper than 1000 levels");
  }

  @Test
  void depthLimitIsASetting() {
    YamlReader shallow = new YamlReader(ReadSettings.builder().maxDepth(2).build());
    assertThatThrownBy(() -> shallow.read(SourceText.of("f", "a:\n  b:\n    c: 1\n")))
        .isInstanceOf(SourceException.class).hasMessageStartingWith("f:3:5: nesting is deeper than 2");
  }

  @Test
  void aliasBombIsRefusedQuickly() {
    // yaml-traps 6: billion laughs.
    StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'i'; c++) {
      char prev = (char) (c - 1);
      bomb.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        bomb.append(i == 0 ? "" : ",").append('*').append(prev);
      }
      bomb.append("]\n");
    }
    long started = System.nanoTime();
    assertThatThrownBy(() -> read(bomb.toString()))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("excessive aliasing");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
  }

  @Test
  void ordinaryAliasUseIsFine() {
    YamlDocument doc = read("x: &d {a: 1, b: 2}\nlist:\n" + "  - *d\n".repeat(200));
    assertThat(((SequenceNode) ((MappingNode) doc.root()).entry("list").value()).items()).hasSize(200);
  }

  @Test
  void undefinedAndRecursiveAliasesAreErrors() {
    assertThatThrownBy(() -> read("a: *nope\n")).isInstanceOf(SourceException.class)
        .hasMessageStartingWith("test.yaml:1:4: this alias (*…) refers to no anchor").hasMessageNotContaining("nope");
    assertThatThrownBy(() -> read("a: &x [1, *x]\n")).isInstanceOf(SourceException.class)
        .hasMessageContaining("refers to the collection that contains it");
  }

  @Test
  void onlyTheFirstDocumentIsReadAndTheRestIsNoticed() {
    YamlDocument doc = read("%YAML 1.1\n---\na: 1\n...\n---\nb: [unclosed\n");
    assertThat(((MappingNode) doc.root()).entry("a")).isNotNull();
    assertThat(doc.moreDocuments()).isTrue();
    assertThat(read("a: 1\n").moreDocuments()).isFalse();
  }

  @Test
  void syntaxErrorsAreTranslatedWithAPosition() {
    assertThatThrownBy(() -> read("a:\n  b: {c: 1\n  d: 2\n"))
        .isInstanceOfSatisfying(SourceException.class, e -> {
          assertThat(e.line()).isGreaterThanOrEqualTo(2);
          assertThat(e.problem()).startsWith("invalid YAML: ");
        });
    assertThatThrownBy(() -> read("a: b: c\n")).isInstanceOf(SourceException.class)
        .hasMessageStartingWith("test.yaml:1:5: invalid YAML: mapping values are not allowed here");
  }

  @Test
  void emptyStreamHasNoRoot() {
    assertThat(read("").isEmpty()).isTrue();
    assertThat(read("# only a comment\n").isEmpty()).isTrue();
  }

  @Test
  void fileSizeLimitIsChecked() {
    YamlReader small = new YamlReader(ReadSettings.builder().maxFileSize(10).build());
    assertThatThrownBy(() -> small.read("big.yaml", new byte[11]))
        .isInstanceOf(SourceException.class).hasMessageStartingWith("big.yaml:1:1: the file is 11 bytes");
  }

  @Test
  void keepChompedBlockScalarOwnsTheBlankLinesAfterIt() {
    // yaml-traps 8
    YamlDocument doc = read("a: |+\n  keep\n\n\nb: 1\n");
    ScalarNode a = (ScalarNode) ((MappingNode) doc.root()).entry("a").value();
    assertThat(a.value()).isEqualTo("keep\n\n\n");
    assertThat(at(doc, a.valueSpan())).isEqualTo("|+\n  keep\n\n\n");
  }

  @Test
  void anEmptyValueSitsRightAfterItsKeyNotAtTheNextToken() {
    YamlDocument doc = read("k:\n  a:\n# c\n\nb: 1\n");
    MappingNode k = (MappingNode) ((MappingNode) doc.root()).entry("k").value();
    assertThat(k.entry("a").value().span().start()).isEqualTo("k:\n  a:".length());
    assertThat(at(doc, k.span())).isEqualTo("a:");
  }

  @Test
  void aBlockScalarEndingTheFileWithoutALineBreakHasNoFinalBreak() {
    // go-yaml v3 reads "x"; the Engine alone would read "x\n"
    assertThat(((ScalarNode) ((MappingNode) read("a: |\n  x").root()).entry("a").value()).value()).isEqualTo("x");
    assertThat(((ScalarNode) ((MappingNode) read("a: |\n  x\n").root()).entry("a").value()).value()).isEqualTo("x\n");
  }

  @Test
  void loneCarriageReturnLinesAgreeWithTheParser() {
    // yaml-traps 11: positions after a lone \r must not drift.
    YamlDocument doc = read("a: 1\rb: 2\rc: 3\r");
    ScalarNode c = (ScalarNode) ((MappingNode) doc.root()).entry("c").value();
    assertThat(doc.source().position(c.span().start())).hasToString("3:4");
    assertThatThrownBy(() -> read("a: 1\rb: 2\rc: d: e\r")).isInstanceOf(SourceException.class)
        .hasMessageStartingWith("test.yaml:3:5: ");
  }

  @Test
  void linesLongerThanTheEnginesBufferKeepExactSpans() {
    // Such a line gets a read buffer as long as itself (one long token must not cost n² / 1024); the spans
    // must not notice, whatever falls on the old buffer's edges: astral pairs, escapes, comments.
    for (int length : new int[] {1000, 1023, 1024, 1025, 2047, 5000}) {
      String value = "😀a\\n".repeat(length / 4) + "é";
      String comment = "# " + "→😀".repeat(length / 3);
      String text = comment + "\nx: \"" + value + "\" " + comment + "\ny: '" + value.replace("\\", "''") + "'\n"
          + "z: [" + value.replace("\\n", "") + "]\n";
      YamlDocument doc = read(text);
      MappingNode root = (MappingNode) doc.root();
      ScalarNode x = (ScalarNode) root.entry("x").value();
      ScalarNode y = (ScalarNode) root.entry("y").value();
      YamlNode z = root.entry("z").value();
      assertThat(at(doc, x.span())).isEqualTo("\"" + value + "\"");
      assertThat(x.value()).isEqualTo(value.replace("\\n", "\n"));
      assertThat(at(doc, y.span())).isEqualTo("'" + value.replace("\\", "''") + "'");
      assertThat(at(doc, z.span())).isEqualTo("[" + value.replace("\\n", "") + "]");
      assertThat(doc.comments()).hasSize(2);
      assertThat(at(doc, doc.comments().get(1).span())).isEqualTo(comment);
      assertThat(doc.source().position(y.span().start())).hasToString("3:4");
    }
  }
}
