package io.promshift.grafana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.promshift.syntax.YamlDocument;
import io.promshift.syntax.YamlReader;
import io.promshift.text.SourceException;
import io.promshift.text.SourceText;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** yaml-traps 3: merge keys apply, with go-yaml v3's precedence, and merged values keep their origin. */
class GoYamlMergeTest {

  private static YamlDocument doc(String text) {
    return new YamlReader().read(SourceText.of("m.yaml", text));
  }

  private static GoMap map(YamlDocument doc, String key) {
    return (GoMap) ((GoMap) GoYaml.resolve(doc)).get(key).orElseThrow();
  }

  @Test
  void aMergedSigV4AuthCountsAndRemembersWhereItWasWritten() {
    YamlDocument doc = doc("x: &aws\n  sigV4Auth: true\n  sigV4Region: eu-west-1\nj:\n  <<: *aws\n  timeInterval: 15s\n");
    GoMap j = map(doc, "j");
    assertThat(j.toPlain()).isEqualTo(Map.of("sigV4Auth", true, "sigV4Region", "eu-west-1", "timeInterval", "15s"));
    GoMap.Entry merged = j.entry("sigV4Auth").orElseThrow();
    assertThat(merged.merged()).isTrue();
    assertThat(doc.source().position(merged.valueNode().span().start())).hasToString("2:14");
    assertThat(j.entry("timeInterval").orElseThrow().merged()).isFalse();
  }

  @Test
  void explicitKeysWinWhereverTheMergeKeyIs() {
    YamlDocument doc = doc("x: &d {a: 1, b: 2}\nj:\n  a: 10\n  <<: *d\n  c: 3\n");
    assertThat(map(doc, "j").toPlain()).isEqualTo(Map.of("a", 10L, "b", 2L, "c", 3L));
  }

  @Test
  void earlierMergedMapsWinOverLaterOnes() {
    YamlDocument doc = doc("x: &x {a: 1, b: 1}\ny: &y {b: 2, c: 2}\nj:\n  <<: [*x, *y]\n");
    assertThat(map(doc, "j").toPlain()).isEqualTo(Map.of("a", 1L, "b", 1L, "c", 2L));
  }

  @Test
  void anInlineMapCanBeMergedAndMergesNest() {
    YamlDocument doc = doc("base: &b {a: 1}\nmid: &m {<<: *b, m: 2}\nj: {<<: [*m, {z: 26}], a: 0}\n");
    assertThat(map(doc, "j").toPlain()).isEqualTo(Map.of("a", 0L, "m", 2L, "z", 26L));
  }

  @Test
  void aQuotedMergeKeyIsAnOrdinaryKey() {
    YamlDocument doc = doc("x: &x {a: 1}\nj:\n  \"<<\": *x\n");
    assertThat(map(doc, "j").containsKey("<<")).isTrue();
    assertThat(map(doc, "j").containsKey("a")).isFalse();
  }

  @Test
  void mergingSomethingThatIsNotAMapIsRefused() {
    assertThatThrownBy(() -> GoYaml.resolve(doc("s: &s text\nj:\n  <<: *s\n")))
        .isInstanceOf(SourceException.class).hasMessageStartingWith("m.yaml:3:7: a merge key (<<) needs a map");
    assertThatThrownBy(() -> GoYaml.resolve(doc("j:\n  <<: [1]\n")))
        .isInstanceOf(SourceException.class).hasMessageContaining("must hold only maps");
  }

  @Test
  void aliasedValuesAreSharedNotCopied() {
    YamlDocument doc = doc("x: &x {a: 1}\ny: *x\n");
    GoMap root = (GoMap) GoYaml.resolve(doc);
    assertThat(root.get("y").orElseThrow()).isSameAs(root.get("x").orElseThrow());
  }
}
