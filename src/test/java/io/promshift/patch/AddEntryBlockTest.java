package io.promshift.patch;

import static io.promshift.patch.PatchHarness.assertAdd;
import static io.promshift.patch.PatchHarness.mapAt;
import static io.promshift.patch.PatchHarness.read;
import static io.promshift.patch.PatchHarness.src;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.promshift.syntax.YamlDocument;
import io.promshift.text.SourceText;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AddEntryBlockTest {

  @Test
  void addsAfterTheLastEntryOfATwoSpaceMapping() {
    assertAdd("""
        apiVersion: 1
        datasources:
          - name: Prometheus
            type: prometheus
            jsonData:
              httpMethod: POST
        """, "datasources/0/jsonData", "sigV4Auth", "true", """
        apiVersion: 1
        datasources:
          - name: Prometheus
            type: prometheus
            jsonData:
              httpMethod: POST
              sigV4Auth: true
        """);
  }

  @Test
  void keepsOneSpaceAndFourSpaceIndents() {
    assertAdd("""
        a:
         b: 1
         c: 2
        """, "a", "d", "3", """
        a:
         b: 1
         c: 2
         d: 3
        """);
    assertAdd("""
        a:
            b: 1
            c:
                x: y
        z: 0
        """, "a", "d", "3", """
        a:
            b: 1
            c:
                x: y
            d: 3
        z: 0
        """);
  }

  @Test
  void indentsWithSpacesWhenTheFirstKeySitsAfterADash() {
    assertAdd("""
        datasources:
        - name: x
          jsonData:
            a: 1
        """, "datasources/0", "editable", "false", """
        datasources:
        - name: x
          jsonData:
            a: 1
          editable: false
        """);
    assertAdd("""
        items:
        -   name: x
            url: y
        -   name: z
        """, "items/0", "k", "v", """
        items:
        -   name: x
            url: y
            k: v
        -   name: z
        """);
  }

  @Test
  void addsToTheIndentlessSequenceItemsInnerMapping() {
    assertAdd("""
        datasources:
        - name: x
          jsonData:
            a: 1
        - name: y
        """, "datasources/0/jsonData", "sigV4Auth", "true", """
        datasources:
        - name: x
          jsonData:
            a: 1
            sigV4Auth: true
        - name: y
        """);
  }

  @Test
  void goesAfterNestedLastValuesSeveralLevelsDeep() {
    assertAdd("""
        root:
          a: 1
          b:
            c:
              - d: 1
                e:
                  - 1
                  - [2, 3]
        # trailing comment
        other: 1
        """, "root", "new", "v", """
        root:
          a: 1
          b:
            c:
              - d: 1
                e:
                  - 1
                  - [2, 3]
          new: v
        # trailing comment
        other: 1
        """);
  }

  @Test
  void goesBeforeCommentLinesAndBlankLinesThatFollow() {
    assertAdd("""
        jsonData:
          a: 1 # inline
          # about b
          b: 2   # inline b

          # a comment after the mapping
        next: 1
        """, "jsonData", "c", "3", """
        jsonData:
          a: 1 # inline
          # about b
          b: 2   # inline b
          c: 3

          # a comment after the mapping
        next: 1
        """);
  }

  @Test
  void goesAfterAClipBlockScalarsLastContentLine() {
    assertAdd("""
        a:
          script: |
            line 1
            \tindented with a tab

          # comment
        b: 1
        """, "a", "k", "v", """
        a:
          script: |
            line 1
            \tindented with a tab
          k: v

          # comment
        b: 1
        """);
    assertAdd("""
        a:
          s: >-
            folded
            text


        b: 1
        """, "a", "k", "v", """
        a:
          s: >-
            folded
            text
          k: v


        b: 1
        """);
  }

  @Test
  void goesAfterAKeepBlockScalarsTrailingLines() {
    assertAdd("""
        a:
          s: |+
            kept

        # comment
        b: 1
        """, "a", "k", "v", """
        a:
          s: |+
            kept

          k: v
        # comment
        b: 1
        """);
  }

  @Test
  void treatsWhitespaceLinesMoreIndentedThanTheBlockAsContent() {
    String before = "a:\n  s: |\n    x\n      \n\nb: 1\n";
    assertAdd(before, "a", "k", "v", "a:\n  s: |\n    x\n      \n  k: v\n\nb: 1\n");
  }

  @Test
  void handlesABlockScalarWithAnExplicitIndentationIndicator() {
    String before = "a:\n  s: |2\n      indented\n     \n   \nb: 1\n";
    // indentation is 2 + 2 = 4: the 5-space line is content, the 3-space line is empty
    assertAdd(before, "a", "k", "v", "a:\n  s: |2\n      indented\n     \n  k: v\n   \nb: 1\n");
  }

  @Test
  void goesAfterEmptyAndNullLastValues() {
    assertAdd("""
        a:
          b: 1
          c:
        # comment

        d: 2
        """, "a", "k", "v", """
        a:
          b: 1
          c:
          k: v
        # comment

        d: 2
        """);
    assertAdd("""
        a:
          b: 1
          c: &anchor
          e: !!null   # tagged
        """, "a", "k", "v", """
        a:
          b: 1
          c: &anchor
          e: !!null   # tagged
          k: v
        """);
    assertAdd("a:\n  b:\n  c:\n", "a", "k", "v", "a:\n  b:\n  c:\n  k: v\n");
  }

  @Test
  void goesAfterAnEmptyLastSequenceItem() {
    assertAdd("""
        a:
          list:
          - 1
          -
        # comment
        b: 1
        """, "a", "k", "v", """
        a:
          list:
          - 1
          -
          k: v
        # comment
        b: 1
        """);
  }

  @Test
  void goesAfterAnAliasLastValue() {
    assertAdd("""
        base: &t
          a: 1
        other:
          x: *t
        """, "other", "k", "v", """
        base: &t
          a: 1
        other:
          x: *t
          k: v
        """);
  }

  @Test
  void goesAfterMultiLinePlainAndQuotedLastValues() {
    assertAdd("""
        a:
          plain: one
            two
            three

          # c
        b: 1
        """, "a", "k", "v", """
        a:
          plain: one
            two
            three
          k: v

          # c
        b: 1
        """);
    assertAdd("""
        a:
          q: "one
            two"  # c
          s: 'x

            y'
        b: 1
        """, "a", "k", "v", """
        a:
          q: "one
            two"  # c
          s: 'x

            y'
          k: v
        b: 1
        """);
  }

  @Test
  void goesAfterAMultiLineFlowLastValue() {
    assertAdd("""
        a:
          f: {x: 1,
            y: 2}  # c
        b: 1
        """, "a", "k", "v", """
        a:
          f: {x: 1,
            y: 2}  # c
          k: v
        b: 1
        """);
  }

  @Test
  void addsToTheRootMapping() {
    assertAdd("a: 1\n", "", "b", "2", "a: 1\nb: 2\n");
    assertAdd("""
        %YAML 1.1
        ---
        a: 1
        ...
        """, "", "b", "2", """
        %YAML 1.1
        ---
        a: 1
        b: 2
        ...
        """);
    assertAdd("""
        --- # doc
        a: 1
        ---
        other: doc
        """, "", "b", "2", """
        --- # doc
        a: 1
        b: 2
        ---
        other: doc
        """);
  }

  @Test
  void keepsCrLfLineEndings() {
    String before = "a:\r\n  b: 1\r\n\r\n# c\r\nd: 2\r\n";
    assertAdd(before, "a", "k", "v", "a:\r\n  b: 1\r\n  k: v\r\n\r\n# c\r\nd: 2\r\n");
  }

  @Test
  void takesTheLineEndingOfTheLineItFollowsInMixedFiles() {
    assertAdd("a:\n  b: 1\r\nc: 2\n", "a", "k", "v", "a:\n  b: 1\r\n  k: v\r\nc: 2\n");
    assertAdd("a:\r\n  b: 1\nc: 2\r\n", "a", "k", "v", "a:\r\n  b: 1\n  k: v\nc: 2\r\n");
  }

  @Test
  void handlesLoneCarriageReturns() {
    assertAdd("a:\r  b: 1\r# c\rd: 2\r", "a", "k", "v", "a:\r  b: 1\r  k: v\r# c\rd: 2\r");
  }

  @Test
  void keepsAMissingFinalNewlineMissing() {
    assertAdd("a:\n  b: 1", "a", "k", "v", "a:\n  b: 1\n  k: v");
    assertAdd("a:\r\n  b: 1\r\nc: 2", "", "k", "v", "a:\r\n  b: 1\r\nc: 2\r\nk: v");
    assertAdd("a: 1", "", "k", "v", "a: 1\nk: v");
    assertAdd("a:\n  b: 1 # c", "a", "k", "v", "a:\n  b: 1 # c\n  k: v");
    assertAdd("a:\n  s: |-\n    x", "a", "k", "v", "a:\n  s: |-\n    x\n  k: v");
  }

  @Test
  void keepsTheLastLineWithoutNewlineWhenInsertingBeforeIt() {
    assertAdd("a:\n  b: 1\n# end", "a", "k", "v", "a:\n  b: 1\n  k: v\n# end");
  }

  @Test
  void refusesToAddAfterAClipBlockScalarEndingTheFile() {
    SourceText source = src("a:\n  s: |\n    x");
    YamlDocument doc = read(source);
    assertThatThrownBy(() -> YamlEdits.addEntry(source, mapAt(doc, "a"), "k", "v"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("block scalar that ends the file");
  }

  @Test
  void offsetsCountCharsAfterTheBomAndAstralCharacters() {
    String before = "\uFEFF# 📈 metrics 🚀\nname: \"😀\"\njsonData:\n  a: 1 # 한국어 ✅\n";
    SourceText source = src(before);
    assertThat(source.hasBom()).isTrue();
    YamlDocument doc = read(source);
    Edit edit = YamlEdits.addEntry(source, mapAt(doc, "jsonData"), "k", "v");
    String after = EditSet.of(edit).apply(source.text());
    assertThat(after).isEqualTo("# 📈 metrics 🚀\nname: \"😀\"\njsonData:\n  a: 1 # 한국어 ✅\n  k: v\n");
    byte[] bytes = source.encode(after);
    assertThat(new String(bytes, 0, 3, StandardCharsets.ISO_8859_1)).isEqualTo("\u00EF\u00BB\u00BF");
    PatchHarness.assertAddedEntry(doc, source, after, "jsonData", "k", "v");
  }

  @Test
  void writesTheKeyPlainOrQuotedAndRefusesDuplicates() {
    assertAdd("a: 1\n", "", "true", "x", "a: 1\n\"true\": x\n");
    assertAdd("a: 1\n", "", "has space", "x", "a: 1\n\"has space\": x\n");
    assertAdd("a: 1\n", "", "k", "", "a: 1\nk:\n");
    SourceText source = src("a: 1\n");
    YamlDocument doc = read(source);
    assertThatThrownBy(() -> YamlEdits.addEntry(source, mapAt(doc, ""), "a", "2"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already has the key");
    assertThatThrownBy(() -> YamlEdits.addEntry(source, mapAt(doc, ""), "b", "x\ny"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void addsToAMappingWithAnchorAndTag() {
    assertAdd("""
        base: &aws !!map
          sigV4Auth: true
        ds:
          <<: *aws
          x: 1
        """, "base", "region", "eu-west-1", """
        base: &aws !!map
          sigV4Auth: true
          region: eu-west-1
        ds:
          <<: *aws
          x: 1
        """);
  }

  @Test
  void usesTheColumnOfAnExplicitKeyIndicator() {
    assertAdd("? a\n: 1\n", "", "k", "v", "? a\n: 1\nk: v\n");
  }

  @Test
  void addsInnerBeforeOuterAtTheSameOffset() {
    SourceText source = src("a:\n  b: 1\n");
    YamlDocument doc = read(source);
    Edit inner = YamlEdits.addEntry(source, mapAt(doc, "a"), "x", "1");
    Edit outer = YamlEdits.addEntry(source, mapAt(doc, ""), "w", "2");
    assertThat(inner.start()).isEqualTo(outer.start());
    assertThat(EditSet.of(inner, outer).apply(source.text())).isEqualTo("a:\n  b: 1\n  x: 1\nw: 2\n");
  }
}
