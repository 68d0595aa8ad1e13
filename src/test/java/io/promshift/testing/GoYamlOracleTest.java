package io.promshift.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.promshift.testing.GoYamlOracle.OracleException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tests of {@link GoYamlOracle}. Every expectation here was checked against go-yaml itself
 * ({@code gopkg.in/yaml.v3} v3.0.1 and {@code go.yaml.in/yaml/v3} v3.0.4, {@code yaml.Unmarshal} into
 * {@code interface{}}), except where a test says it pins an oracle convention (raw-text keys, dropped null keys).
 */
class GoYamlOracleTest {

  private static Object read(String yaml) {
    return GoYamlOracle.read(yaml);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(String yaml) {
    Object value = read(yaml);
    assertThat(value).isInstanceOf(LinkedHashMap.class);
    return (Map<String, Object>) value;
  }

  /** The value of a plain scalar written as {@code v: <scalar>}. */
  private static Object value(String scalar) {
    return map("v: " + scalar + "\n").get("v");
  }

  private static OracleException failure(String yaml) {
    Throwable thrown = catchThrowable(() -> read(yaml));
    assertThat(thrown).as("reading %s", yaml).isInstanceOf(OracleException.class);
    return (OracleException) thrown;
  }

  // ---------------------------------------------------------------------------------------------
  // Scalars

  @Test
  @DisplayName("booleans are only true/True/TRUE and false/False/FALSE")
  void booleans() {
    assertThat(value("true")).isEqualTo(true);
    assertThat(value("True")).isEqualTo(true);
    assertThat(value("TRUE")).isEqualTo(true);
    assertThat(value("false")).isEqualTo(false);
    assertThat(value("False")).isEqualTo(false);
    assertThat(value("FALSE")).isEqualTo(false);
    assertThat(value("tRUE")).isEqualTo("tRUE");
  }

  @ParameterizedTest
  @ValueSource(strings = {"yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "y", "Y", "n", "N"})
  @DisplayName("YAML 1.1 boolean words stay strings")
  void yaml11BooleanWordsAreStrings(String word) {
    assertThat(value(word)).isEqualTo(word);
  }

  @Test
  @DisplayName("null is ~, null, Null, NULL or the empty plain scalar")
  void nulls() {
    Map<String, Object> m = map("a: ~\nb: null\nc: Null\nd: NULL\ne:\nf: nUll\ng: '~'\nh: \"null\"\ni: ''\n");
    assertThat(m).containsEntry("a", null).containsEntry("b", null).containsEntry("c", null)
        .containsEntry("d", null).containsEntry("e", null);
    assertThat(m).containsEntry("f", "nUll").containsEntry("g", "~").containsEntry("h", "null").containsEntry("i", "");
    assertThat(m).containsKeys("a", "b", "c", "d", "e");
  }

  @Test
  @DisplayName("ints follow Go ParseInt base 0 after removing underscores")
  void ints() {
    assertThat(value("42")).isEqualTo(42L);
    assertThat(value("-17")).isEqualTo(-17L);
    assertThat(value("+17")).isEqualTo(17L);
    assertThat(value("0")).isEqualTo(0L);
    assertThat(value("-0")).isEqualTo(0L);
    assertThat(value("0x1F")).isEqualTo(31L);
    assertThat(value("0X1f")).isEqualTo(31L);
    assertThat(value("-0x10")).isEqualTo(-16L);
    assertThat(value("+0x10")).isEqualTo(16L);
    assertThat(value("0o17")).isEqualTo(15L);
    assertThat(value("0O17")).isEqualTo(15L);
    assertThat(value("0b101")).isEqualTo(5L);
    assertThat(value("-0b101")).isEqualTo(-5L);
    assertThat(value("012")).isEqualTo(10L); // leading zero: octal
    assertThat(value("-012")).isEqualTo(-10L);
    assertThat(value("1_000")).isEqualTo(1000L);
    assertThat(value("0x_1F")).isEqualTo(31L);
    assertThat(value("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
    assertThat(value("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
    assertThat(value("-0x8000000000000000")).isEqualTo(Long.MIN_VALUE);
  }

  @Test
  @DisplayName("ints beyond int64 that fit uint64 are BigIntegers; beyond that they fall to floats or strings")
  void bigInts() {
    assertThat(value("9223372036854775808")).isEqualTo(new BigInteger("9223372036854775808"));
    assertThat(value("18446744073709551615")).isEqualTo(new BigInteger("18446744073709551615"));
    assertThat(value("0xFFFFFFFFFFFFFFFF")).isEqualTo(new BigInteger("18446744073709551615"));
    assertThat(value("18446744073709551616")).isEqualTo(1.8446744073709552e19); // float regex
    assertThat(value("-9223372036854775809")).isEqualTo(-9.223372036854776e18); // ParseUint takes no sign
    assertThat(value("+18446744073709551615")).isEqualTo(1.8446744073709552e19);
    assertThat(value("0x10000000000000000")).isEqualTo("0x10000000000000000");
  }

  @Test
  @DisplayName("what ParseInt refuses may still be a float (09, 08.5) or a go-yaml 0b/0o quirk")
  void intEdgeCases() {
    assertThat(value("09")).isEqualTo(9.0);
    assertThat(value("08.5")).isEqualTo(8.5);
    assertThat(value("0o8")).isEqualTo("0o8");
    assertThat(value("0x")).isEqualTo("0x");
    assertThat(value("0xG")).isEqualTo("0xG");
    assertThat(value("0b2")).isEqualTo("0b2");
    assertThat(value("1_")).isEqualTo(1L);
    assertThat(value("_1")).isEqualTo("_1");
    assertThat(value("0b-101")).isEqualTo(-5L); // go-yaml's own 0b fallback accepts a sign after the prefix
    assertThat(value("0o-17")).isEqualTo(-15L);
    assertThat(value("0B-1")).isEqualTo("0B-1");
    assertThat(value("1,5")).isEqualTo("1,5");
  }

  @Test
  @DisplayName("floats follow the go-yaml float regex and Go ParseFloat")
  void floats() {
    assertThat(value("1.5")).isEqualTo(1.5);
    assertThat(value("-1.5")).isEqualTo(-1.5);
    assertThat(value("1.")).isEqualTo(1.0);
    assertThat(value(".5")).isEqualTo(0.5);
    assertThat(value("-.5")).isEqualTo(-0.5);
    assertThat(value("1e3")).isEqualTo(1000.0);
    assertThat(value("1E+3")).isEqualTo(1000.0);
    assertThat(value("1_0.5")).isEqualTo(10.5);
    assertThat(value(".1_5")).isEqualTo(0.15);
    assertThat(value("-0.0")).isEqualTo(-0.0);
    assertThat(value("1e400")).isEqualTo("1e400"); // overflow: Go reports ErrRange, the text stays a string
    assertThat(value("1e-400")).isEqualTo(0.0);
    assertThat(value("0x1p3")).isEqualTo("0x1p3");
    assertThat(value(".")).isEqualTo(".");
  }

  @Test
  @DisplayName(".inf and .nan spellings")
  void infinityAndNan() {
    for (String s : new String[] {".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"}) {
      assertThat(value(s)).as(s).isEqualTo(Double.POSITIVE_INFINITY);
    }
    for (String s : new String[] {"-.inf", "-.Inf", "-.INF"}) {
      assertThat(value(s)).as(s).isEqualTo(Double.NEGATIVE_INFINITY);
    }
    for (String s : new String[] {".nan", ".NaN", ".NAN"}) {
      assertThat((Double) value(s)).as(s).isNaN();
    }
    for (String s : new String[] {".iNf", ".Nan", "-.nan", "+.nan", "inf", "Infinity", "nan", "NaN"}) {
      assertThat(value(s)).as(s).isEqualTo(s);
    }
  }

  @Test
  @DisplayName("plain timestamps decode to a Go time; the oracle returns Grafana's JSON text for it")
  void plainTimestamps() {
    Map<String, Object> m = map(String.join("\n",
        "a: 2001-12-14",
        "b: 2001-12-14T21:59:43.10-05:00",
        "c: 2001-12-14 21:59:43.10",
        "d: 2001-12-14t21:59:43Z",
        "e: 2001-12-14T21:59:43+00:00",
        "f: 2001-1-2T3:4:5.000Z",
        "g: 2000-02-29",
        ""));
    assertThat(m).containsEntry("a", "2001-12-14T00:00:00Z")
        .containsEntry("b", "2001-12-14T21:59:43.1-05:00")
        .containsEntry("c", "2001-12-14T21:59:43.1Z")
        .containsEntry("d", "2001-12-14T21:59:43Z")
        .containsEntry("e", "2001-12-14T21:59:43Z")
        .containsEntry("f", "2001-01-02T03:04:05Z")
        .containsEntry("g", "2000-02-29T00:00:00Z");
  }

  @Test
  @DisplayName("text that is no Go timestamp, and quoted dates, stay as written")
  void notTimestamps() {
    assertThat(value("2001-02-29")).isEqualTo("2001-02-29");
    assertThat(value("2001-13-01")).isEqualTo("2001-13-01");
    assertThat(value("2001-12-14 21:59:43.10 -5")).isEqualTo("2001-12-14 21:59:43.10 -5");
    assertThat(value("2001-12-14T21:59:43")).isEqualTo("2001-12-14T21:59:43");
    assertThat(value("20011-12-14")).isEqualTo("20011-12-14");
    assertThat(value("\"2001-12-14\"")).isEqualTo("2001-12-14");
    assertThat(value("'2001-12-14'")).isEqualTo("2001-12-14");
  }

  @Test
  @DisplayName("only plain scalars are resolved: quoted and block scalars are strings")
  void quotedAndBlockScalarsAreStrings() {
    Map<String, Object> m = map("a: \"true\"\nb: 'yes'\nc: \"12\"\nd: '~'\ne: \"\"\nf: |\n  0x10\ng: >-\n  null\nh: '1.5'\n");
    assertThat(m).containsEntry("a", "true").containsEntry("b", "yes").containsEntry("c", "12")
        .containsEntry("d", "~").containsEntry("e", "").containsEntry("f", "0x10\n")
        .containsEntry("g", "null").containsEntry("h", "1.5");
  }

  @Test
  @DisplayName("explicit tags force or check the resolution")
  void explicitTags() {
    Map<String, Object> m = map(String.join("\n",
        "a: !!str 12",
        "b: !!int \"12\"",
        "c: !!bool \"true\"",
        "d: !!float 1",
        "e: !Ref x",
        "f: !!int \"0x10\"",
        "g: ! 12",
        "h: ! \"12\"",
        "i: !!null \"\"",
        "j: !!float \"1_0.5\"",
        "k: !<tag:yaml.org,2002:int> '7'",
        "l: !!str true",
        "m: !!timestamp \"2001-12-14\"",
        ""));
    assertThat(m).containsEntry("a", "12").containsEntry("b", 12L).containsEntry("c", true)
        .containsEntry("d", 1.0).containsEntry("e", "x").containsEntry("f", 16L)
        .containsEntry("g", 12L).containsEntry("h", "12").containsEntry("i", null)
        .containsEntry("j", 10.5).containsEntry("k", 7L).containsEntry("l", "true")
        .containsEntry("m", "2001-12-14T00:00:00Z");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "a: !!bool yes", "a: !!int abc", "a: !!int 1.5", "a: !!float 18446744073709551615", "a: !!null x",
      "a: !!bool 1", "a: !!int true", "a: !!timestamp 12", "a: !!int 2001-12-14", "!!int abc: 1"})
  @DisplayName("an explicit tag the value does not resolve to is an error")
  void explicitTagMismatch(String yaml) {
    assertThat(failure(yaml + "\n")).hasMessageContaining("cannot decode");
  }

  @Test
  @DisplayName("!!binary is base64-decoded; tags on collections are ignored")
  void binaryAndCollectionTags() {
    Map<String, Object> m = map("a: !!binary aGVsbG8=\nb: !!binary |\n  aGVs\n  bG8=\nc: !!str {x: 1}\nd: !Foo [1, yes]\n");
    assertThat(m).containsEntry("a", "hello").containsEntry("b", "hello")
        .containsEntry("c", Map.of("x", 1L)).containsEntry("d", List.of(1L, "yes"));
    assertThat(failure("a: !!binary aGVsbG8\n")).hasMessageContaining("base64");
  }

  // ---------------------------------------------------------------------------------------------
  // Mappings, keys, order

  @Test
  @DisplayName("mappings are LinkedHashMaps in file order, sequences ArrayLists, a scalar document a scalar")
  void resultTypesAndOrder() {
    Map<String, Object> m = map("z: 1\na: [x, {k: v}]\nm: 3\n");
    assertThat(m).isInstanceOf(LinkedHashMap.class);
    assertThat(new ArrayList<>(m.keySet())).containsExactly("z", "a", "m");
    assertThat(m.get("a")).isInstanceOf(ArrayList.class);
    assertThat(((List<?>) m.get("a")).get(1)).isInstanceOf(LinkedHashMap.class);
    assertThat(read("hello\n")).isEqualTo("hello");
    assertThat(read("- 1\n- two\n")).isEqualTo(List.of(1L, "two"));
  }

  @Test
  @DisplayName("keys are the scalar text as written (go-yaml's map[string]interface{} decoding)")
  void keysAreRawText() {
    Map<String, Object> m = map("0x10: a\ntrue: b\n1.50: c\n2001-12-14: d\n\"q\": e\n'~': f\nk: &k key\n*k : g\n");
    assertThat(new ArrayList<>(m.keySet())).containsExactly("0x10", "true", "1.50", "2001-12-14", "q", "~", "k", "key");
  }

  @Test
  @DisplayName("oracle convention: a key that resolves to null is dropped with its value")
  void nullKeysAreDropped() {
    assertThat(map("~: 1\na: 2\nnull: 3\n")).containsExactly(Map.entry("a", 2L));
    assertThat(map("x: {NULL: 1}\n")).containsExactly(Map.entry("x", Map.of()));
    // go-yaml still decodes such a value in a map that is not string-keyed, so its errors count
    assertThat(failure("x: {~: !!int abc, a: 1}\n")).hasMessageContaining("cannot decode");
  }

  @ParameterizedTest
  @ValueSource(strings = {"? [a]\n: 1\n", "? {a: 1}\n: 1\n", "k: &k {a: 1}\n*k : 1\n", "k: &k [a]\nx: {*k : 1}\n"})
  @DisplayName("a mapping or sequence used as a key is an error")
  void nonScalarKeys(String yaml) {
    failure(yaml);
  }

  // ---------------------------------------------------------------------------------------------
  // Merge keys

  @Test
  @DisplayName("merge: explicit keys win over merged ones, wherever << stands")
  void mergeExplicitKeysWin() {
    Map<String, Object> m = map("base: &base {a: 1, b: 2}\nd:\n  b: 3\n  <<: *base\n  c: 4\ne:\n  <<: *base\n  b: 5\n");
    assertThat(m.get("d")).isEqualTo(Map.of("a", 1L, "b", 3L, "c", 4L));
    assertThat(m.get("e")).isEqualTo(Map.of("a", 1L, "b", 5L));
  }

  @Test
  @DisplayName("merge: in <<: [*a, *b] the earlier map wins")
  void mergeEarlierMapWins() {
    String anchors = "a: &a {x: a, y: a}\nb: &b {y: b, z: b}\n";
    assertThat(map(anchors + "c:\n  <<: [*a, *b]\n").get("c")).isEqualTo(Map.of("x", "a", "y", "a", "z", "b"));
    assertThat(map(anchors + "c:\n  <<: [*b, *a]\n").get("c")).isEqualTo(Map.of("x", "a", "y", "b", "z", "b"));
    assertThat(map(anchors + "c:\n  y: own\n  <<: [*a, *b]\n").get("c")).isEqualTo(Map.of("x", "a", "y", "own", "z", "b"));
  }

  @Test
  @DisplayName("merge: merged keys follow the explicit keys, in merge order; merged maps' own merges apply")
  void mergeOrderAndRecursion() {
    Map<String, Object> x = map("base: &b {m1: 1, m2: 2}\nx:\n  z: 0\n  <<: *b\n  a: 0\n");
    assertThat(new ArrayList<Object>(((Map<?, ?>) x.get("x")).keySet())).containsExactly("z", "a", "m1", "m2");

    Map<String, Object> m = map("a: &a {x: a1, w: a1}\nb: &b {<<: *a, x: b}\nc: {<<: [*b, *a], v: c}\n");
    assertThat(m.get("b")).isEqualTo(Map.of("x", "b", "w", "a1"));
    Map<?, ?> c = (Map<?, ?>) m.get("c");
    assertThat(c).isEqualTo(Map.of("v", "c", "x", "b", "w", "a1"));
    assertThat(new ArrayList<Object>(c.keySet())).containsExactly("v", "x", "w");

    assertThat(map("c:\n  <<: {a: 1}\n  b: 2\n").get("c")).isEqualTo(Map.of("a", 1L, "b", 2L));
    assertThat(map("<<: {a: 1}\nb: 2\n")).isEqualTo(Map.of("a", 1L, "b", 2L));
    assertThat(map("c: {<<: [], a: 1}\n").get("c")).isEqualTo(Map.of("a", 1L));
  }

  @Test
  @DisplayName("merge: a quoted \"<<\" (or !!str <<) is an ordinary key; !!merge makes any << a merge")
  void quotedMergeKeyIsOrdinary() {
    assertThat(map("c:\n  \"<<\": {a: 1}\n  b: 2\n").get("c")).isEqualTo(Map.of("<<", Map.of("a", 1L), "b", 2L));
    assertThat(map("c: {'<<': {a: 1}}\n").get("c")).isEqualTo(Map.of("<<", Map.of("a", 1L)));
    assertThat(map("c: {!!str <<: {a: 1}}\n").get("c")).isEqualTo(Map.of("<<", Map.of("a", 1L)));
    assertThat(map("c: {!!merge '<<': {a: 1}}\n").get("c")).isEqualTo(Map.of("a", 1L));
    // go-yaml never copies a merged map's own "<<" key
    assertThat(map("a: &a {'<<': 5, k: 1}\nc: {<<: *a}\n").get("c")).isEqualTo(Map.of("k", 1L));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "c: {<<: 1}\n", "c: {<<: ~}\n", "s: &s [{x: 1}]\nc: {<<: *s}\n", "c: {<<: [{a: 1}, 2]}\n",
      "c: {<<: [[{a: 1}]]}\n", "v: &v 1\nc: {<<: [*v]}\n"})
  @DisplayName("merge: a value that is not a map, an alias of a map or a list of those is an error")
  void mergeOfNonMap(String yaml) {
    assertThat(failure(yaml)).hasMessageContaining("map merge requires map or sequence of maps");
  }

  // ---------------------------------------------------------------------------------------------
  // Duplicate keys

  @ParameterizedTest
  @MethodSource("duplicates")
  @DisplayName("a duplicate key is an error naming both lines")
  void duplicateKeys(String yaml, String key, int line, int firstLine) {
    assertThat(failure(yaml)).hasMessageContaining(
        "line " + line + ": mapping key \"" + key + "\" already defined at line " + firstLine);
  }

  static Stream<Arguments> duplicates() {
    return Stream.of(
        Arguments.of("a: 1\nb: 2\na: 3\n", "a", 3, 1),
        Arguments.of("a: 1\n'a': 2\n", "a", 2, 1),
        Arguments.of("\"a\": 1\na: 2\n", "a", 2, 1),
        Arguments.of("!!str 1: a\n1: b\n", "1", 2, 1),
        Arguments.of("x:\n  - {k: 1,\n     k: 2}\n", "k", 3, 2),
        Arguments.of("a: &a {x: 1,\n  x: 2}\nc: {<<: *a}\n", "x", 2, 1),
        Arguments.of("<<: {a: 1}\n<<: {b: 2}\n", "<<", 2, 1),
        Arguments.of("<<: {a: 1}\n\"<<\": 2\n", "<<", 2, 1),
        Arguments.of("k: &k key\n*k : 1\n*k : 2\n", "k", 3, 2),
        Arguments.of("a: 1\nb: 1\nb: 2\na: 2\n", "a", 4, 1));
  }

  @Test
  @DisplayName("keys with different text are not duplicates, even when they mean the same number")
  void differentTextIsNoDuplicate() {
    assertThat(map("1: a\n0x1: b\n")).containsEntry("1", "a").containsEntry("0x1", "b");
  }

  // ---------------------------------------------------------------------------------------------
  // Aliases

  @Test
  @DisplayName("aliases resolve to (fresh copies of) the anchored value")
  @SuppressWarnings("unchecked")
  void aliases() {
    Map<String, Object> m = map("a: &a {x: [1, 2]}\nb: *a\nc: &c yes\nd: *c\ne: &e 0x10\nf: *e\n");
    assertThat(m.get("b")).isEqualTo(Map.of("x", List.of(1L, 2L)));
    assertThat(m).containsEntry("d", "yes").containsEntry("f", 16L);
    ((Map<String, Object>) m.get("b")).put("y", 3L);
    assertThat(m.get("a")).isEqualTo(Map.of("x", List.of(1L, 2L)));
    assertThat(map("a: &x 1\nb: *x\nc: &x 2\nd: *x\n")).isEqualTo(Map.of("a", 1L, "b", 1L, "c", 2L, "d", 2L));
  }

  @Test
  @DisplayName("an unknown anchor or an anchor inside its own value is an error")
  void badAliases() {
    assertThat(failure("a: *nope\n")).hasMessageContaining("unknown anchor 'nope'");
    assertThat(failure("a: &a [*a]\n")).hasMessageContaining("value contains itself");
    assertThat(failure("a: &a {<<: *a}\n")).hasMessageContaining("value contains itself");
    failure("a: &my.anchor 1\n");
    assertThat(failure("a: &a#b 1\n")).hasMessageContaining("alphabetic or numeric"); // libyaml: [0-9A-Za-z_-]+
    assertThat(map("a: &my_anchor-1 1\nb: *my_anchor-1\n")).containsEntry("b", 1L);
  }

  @Test
  @DisplayName("an alias bomb is refused fast (go-yaml's excessive-aliasing rule)")
  void aliasBomb() {
    StringBuilder lol = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      String prev = String.valueOf((char) (c - 1));
      lol.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        lol.append(i == 0 ? "" : ",").append('*').append(prev);
      }
      lol.append("]\n");
    }
    OracleException e = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> failure(lol.toString()));
    assertThat(e).hasMessageContaining("excessive aliasing");
  }

  @Test
  @DisplayName("ordinary reuse of anchors is no bomb")
  void manyAliasesAreFine() {
    StringBuilder yaml = new StringBuilder("a: &a {x: 1, y: [1, 2]}\n");
    for (int i = 0; i < 2000; i++) {
      yaml.append('k').append(i).append(": *a\n");
    }
    assertThat(map(yaml.toString())).hasSize(2001);
  }

  // ---------------------------------------------------------------------------------------------
  // Documents and syntax

  @Test
  @DisplayName("only the first document counts; later ones are not parsed beyond go-yaml's lookahead")
  void firstDocumentOnly() {
    assertThat(map("a: 1\n---\nb: 2\n")).isEqualTo(Map.of("a", 1L));
    assertThat(map("---\na: 1\n...\n---\nb: 2\n")).isEqualTo(Map.of("a", 1L));
    assertThat(map("a: 1\n---\n[unclosed\n")).isEqualTo(Map.of("a", 1L));
    assertThat(map("a: 1\n---\nb: \"\\q\"\n")).isEqualTo(Map.of("a", 1L));
    // go-yaml's scanner reads two tokens past the end of the first document: an error there still counts
    assertThat(failure("a: 1\n...\n%FOO\n")).hasMessageContaining("unknown directive");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "\n", "# nothing\n# here\n", "---\n", "--- \n# c\n", "\uFEFF"})
  @DisplayName("an empty stream or document is null")
  void emptyIsNull(String yaml) {
    assertThat(read(yaml)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"a: [1, 2\n", "a: 1\n b: 2\n", "a: 'x\n", "- a\nb: 1\n", "a:\n\tb: 1\n", "...\n", "a: \"\\q\"\n",
      "%YAML 1.2\n---\na: 1\n", "%FOO bar\n---\na: 1\n", "a: \"\\uD83D\\uDE00\"\n"})
  @DisplayName("invalid YAML (for go-yaml) is an OracleException")
  void invalidYaml(String yaml) {
    failure(yaml);
  }

  @Test
  @DisplayName("libyaml leniencies: tabs after key:, tab-indented lines in a comment block, |#comment, BOM, CRLF")
  void libyamlLeniencies() {
    assertThat(map("a:\tb\nc: [1,\n\t 2]\n\"d\":\t{e: 1}\n")).isEqualTo(Map.of("a", "b", "c", List.of(1L, 2L), "d", Map.of("e", 1L)));
    assertThat(map("a: 1\n# note\n\t# tabbed note\nb: 2\n")).isEqualTo(Map.of("a", 1L, "b", 2L));
    assertThat(failure("a: 1\n\t# tabbed note without a comment before\n")).isNotNull();
    assertThat(failure("- \tb\n")).isNotNull();
    assertThat(map("a: |#note\n  text\n")).isEqualTo(Map.of("a", "text\n"));
    assertThat(map("\uFEFFa: 1\r\nb: [x, y]\r\n")).isEqualTo(Map.of("a", 1L, "b", List.of("x", "y")));
    assertThat(map("%YAML 1.1\n---\na: \"\\U0001F600\"\n")).isEqualTo(Map.of("a", "\uD83D\uDE00"));
  }

  @Test
  @DisplayName("nesting up to libyaml's 10000 levels is read; deeper is an error")
  void deepNesting() {
    Object v = read("[".repeat(10_000) + "]".repeat(10_000));
    int depth = 0;
    while (v instanceof List && !((List<?>) v).isEmpty()) {
      v = ((List<?>) v).get(0);
      depth++;
    }
    assertThat(depth).isEqualTo(9_999);
    assertThat(failure("[".repeat(10_001) + "]".repeat(10_001))).hasMessageContaining("exceeded max depth of 10000");
  }

  @Test
  @DisplayName("a provisioning file reads as Grafana sees it")
  void grafanaProvisioningFile() {
    Map<String, Object> m = map(String.join("\n",
        "apiVersion: 1",
        "datasources:",
        "  - name: amp",
        "    type: prometheus",
        "    jsonData: &jd",
        "      sigV4Auth: True",
        "      sigV4Region: us-east-1",
        "      timeout: 0x1E",
        "      manageAlerts: yes",
        "    secureJsonData:",
        "      sigV4AccessKey: $AK",
        "  - name: amp2",
        "    type: prometheus",
        "    jsonData:",
        "      <<: *jd",
        "      sigV4Auth: false",
        ""));
    List<?> sources = (List<?>) m.get("datasources");
    assertThat(m).containsEntry("apiVersion", 1L);
    assertThat(((Map<?, ?>) sources.get(0)).get("jsonData")).isEqualTo(
        Map.of("sigV4Auth", true, "sigV4Region", "us-east-1", "timeout", 30L, "manageAlerts", "yes"));
    assertThat(((Map<?, ?>) sources.get(1)).get("jsonData")).isEqualTo(
        Map.of("sigV4Auth", false, "sigV4Region", "us-east-1", "timeout", 30L, "manageAlerts", "yes"));
  }

  // ---------------------------------------------------------------------------------------------
  // Golden table: plain scalars, expected values taken from go-yaml v3.0.4's own output

  private static final Object ERROR = new Object();

  private static Arguments row(String scalar, Object expected) {
    return Arguments.of(scalar, expected);
  }

  @ParameterizedTest(name = "v: {0}")
  @MethodSource("golden")
  @DisplayName("plain scalars resolve as go-yaml resolves them")
  void goldenScalars(String scalar, Object expected) {
    Object actual = value(scalar);
    if (expected instanceof Double && ((Double) expected).isNaN()) {
      assertThat((Double) actual).isNaN();
    } else {
      assertThat(actual).isEqualTo(expected);
      if (expected != null) {
        assertThat(actual).isExactlyInstanceOf(expected.getClass());
      }
    }
  }

  static Stream<Arguments> golden() {
    return Stream.of(
        row("true", true),
        row("True", true),
        row("TRUE", true),
        row("tRUE", "tRUE"),
        row("false", false),
        row("False", false),
        row("FALSE", false),
        row("yes", "yes"),
        row("Yes", "Yes"),
        row("YES", "YES"),
        row("no", "no"),
        row("No", "No"),
        row("NO", "NO"),
        row("on", "on"),
        row("On", "On"),
        row("ON", "ON"),
        row("off", "off"),
        row("Off", "Off"),
        row("OFF", "OFF"),
        row("y", "y"),
        row("Y", "Y"),
        row("n", "n"),
        row("N", "N"),
        row("t", "t"),
        row("f", "f"),
        row("~", null),
        row("null", null),
        row("Null", null),
        row("NULL", null),
        row("nUll", "nUll"),
        row("NuLL", "NuLL"),
        row("none", "none"),
        row("None", "None"),
        row("nil", "nil"),
        row("0", 0L),
        row("-0", 0L),
        row("+0", 0L),
        row("00", 0L),
        row("01", 1L),
        row("012", 10L),
        row("08", 8.0),
        row("09", 9.0),
        row("-012", -10L),
        row("+012", 10L),
        row("0x", "0x"),
        row("0x1F", 31L),
        row("0X1F", 31L),
        row("0x1f", 31L),
        row("-0x10", -16L),
        row("+0x10", 16L),
        row("0xG", "0xG"),
        row("0o17", 15L),
        row("0O17", 15L),
        row("0o8", "0o8"),
        row("-0o17", -15L),
        row("0b101", 5L),
        row("0B101", 5L),
        row("-0b101", -5L),
        row("0b2", "0b2"),
        row("0b", "0b"),
        row("-0b", "-0b"),
        row("0o", "0o"),
        row("1_000", 1000L),
        row("1__0", 10L),
        row("_1", "_1"),
        row("1_", 1L),
        row("-_1", -1L),
        row("0x_1F", 31L),
        row("0b_1", 1L),
        row("0_x1", 1L),
        row("0_b1", 1L),
        row("0_o7", 7L),
        row("1_0.5", 10.5),
        row("1_000e1_0", 10000000000000.0),
        row("9223372036854775807", 9223372036854775807L),
        row("9223372036854775808", new BigInteger("9223372036854775808")),
        row("-9223372036854775808", -9223372036854775808L),
        row("-9223372036854775809", -9.223372036854776e18),
        row("18446744073709551615", new BigInteger("18446744073709551615")),
        row("18446744073709551616", 1.8446744073709552e19),
        row("+18446744073709551615", 1.8446744073709552e19),
        row("0xFFFFFFFFFFFFFFFF", new BigInteger("18446744073709551615")),
        row("0x10000000000000000", "0x10000000000000000"),
        row("0x8000000000000000", new BigInteger("9223372036854775808")),
        row("-0x8000000000000000", -9223372036854775808L),
        row("-0x8000000000000001", "-0x8000000000000001"),
        row("0o1777777777777777777777", new BigInteger("18446744073709551615")),
        row("0b1111111111111111111111111111111111111111111111111111111111111111", new BigInteger("18446744073709551615")),
        row("0b-101", -5L),
        row("0b+101", 5L),
        row("-0b-101", "-0b-101"),
        row("-0b+101", "-0b+101"),
        row("0o-17", -15L),
        row("0o+17", 15L),
        row("-0o-17", "-0o-17"),
        row("0B-1", "0B-1"),
        row("0O-1", "0O-1"),
        row("0b-1000000000000000000000000000000000000000000000000000000000000000", -9223372036854775808L),
        row("1.5", 1.5),
        row("-1.5", -1.5),
        row("+1.5", 1.5),
        row("1.", 1.0),
        row(".5", 0.5),
        row("-.5", -0.5),
        row("+.5", 0.5),
        row(".", "."),
        row("-.", "-."),
        row("+.", "+."),
        row("1e3", 1000.0),
        row("1E3", 1000.0),
        row("1e+3", 1000.0),
        row("1e-3", 0.001),
        row("1.5e3", 1500.0),
        row(".5e3", 500.0),
        row(".5e", ".5e"),
        row("1e", "1e"),
        row("1e400", "1e400"),
        row("-1e400", "-1e400"),
        row("1e-400", 0.0),
        row(".5e400", ".5e400"),
        row(".5e-400", 0.0),
        row("1.7976931348623157e308", 1.7976931348623157e308),
        row("1.7976931348623159e308", "1.7976931348623159e308"),
        row("4.9e-324", 5e-324),
        row("2.5e-324", 5e-324),
        row("0.1", 0.1),
        row("0.30000000000000004", 0.30000000000000004),
        row("123456789012345678901234567890", 1.2345678901234568e29),
        row("1e1_0", 10000000000.0),
        row("1_.5", 1.5),
        row("._5", "._5"),
        row(".1_5", 0.15),
        row("1,5", "1,5"),
        row("1.5.5", "1.5.5"),
        row("0x1p3", "0x1p3"),
        row("0x1.8p1", "0x1.8p1"),
        row("inf", "inf"),
        row("Inf", "Inf"),
        row("-inf", "-inf"),
        row("nan", "nan"),
        row("NaN", "NaN"),
        row(".nan", Double.NaN),
        row(".NaN", Double.NaN),
        row(".NAN", Double.NaN),
        row(".Nan", ".Nan"),
        row("+.nan", "+.nan"),
        row("-.nan", "-.nan"),
        row(".inf", Double.POSITIVE_INFINITY),
        row(".Inf", Double.POSITIVE_INFINITY),
        row(".INF", Double.POSITIVE_INFINITY),
        row(".iNf", ".iNf"),
        row("+.inf", Double.POSITIVE_INFINITY),
        row("+.Inf", Double.POSITIVE_INFINITY),
        row("+.INF", Double.POSITIVE_INFINITY),
        row("-.inf", Double.NEGATIVE_INFINITY),
        row("-.Inf", Double.NEGATIVE_INFINITY),
        row("-.INF", Double.NEGATIVE_INFINITY),
        row("2001-12-14", "2001-12-14T00:00:00Z"),
        row("2001-12-14T21:59:43.10-05:00", "2001-12-14T21:59:43.1-05:00"),
        row("2001-12-14t21:59:43.10-05:00", "2001-12-14T21:59:43.1-05:00"),
        row("2001-12-14T21:59:43Z", "2001-12-14T21:59:43Z"),
        row("2001-12-14T21:59:43z", "2001-12-14T21:59:43z"),
        row("2001-12-14T21:59:43+00:00", "2001-12-14T21:59:43Z"),
        row("2001-12-14T21:59:43-00:00", "2001-12-14T21:59:43Z"),
        row("2001-12-14T21:59:43,5Z", "2001-12-14T21:59:43.5Z"),
        row("2001-12-14T21:59:43.Z", "2001-12-14T21:59:43.Z"),
        row("2001-12-14T21:59:43.000000000Z", "2001-12-14T21:59:43Z"),
        row("2001-12-14T21:59:43.100Z", "2001-12-14T21:59:43.1Z"),
        row("2001-1-2", "2001-01-02T00:00:00Z"),
        row("2001-1-2T3:4:5Z", "2001-01-02T03:04:05Z"),
        row("2001-02-29", "2001-02-29"),
        row("2000-02-29", "2000-02-29T00:00:00Z"),
        row("1900-02-29", "1900-02-29"),
        row("2001-02-30", "2001-02-30"),
        row("2001-13-01", "2001-13-01"),
        row("2001-00-10", "2001-00-10"),
        row("2001-12-00", "2001-12-00"),
        row("2001-12-32", "2001-12-32"),
        row("0000-01-01", "0000-01-01T00:00:00Z"),
        row("9999-12-31", "9999-12-31T00:00:00Z"),
        row("2001-12-14T24:00:00Z", "2001-12-14T24:00:00Z"),
        row("2001-12-14T23:60:00Z", "2001-12-14T23:60:00Z"),
        row("2001-12-14T23:59:60Z", "2001-12-14T23:59:60Z"),
        row("2001-12-14T21:59:43+24:00", "2001-12-14T21:59:43+24:00"),
        row("2001-12-14T21:59:43+01:60", "2001-12-14T21:59:43+02:00"),
        row("2001-12-14T21:59:43+0100", "2001-12-14T21:59:43+0100"),
        row("2001-12-14T21:59:43+1:00", "2001-12-14T21:59:43+1:00"),
        row("2001-12-14T21:59:43", "2001-12-14T21:59:43"),
        row("2001-12-14x", "2001-12-14x"),
        row("20011-12-14", "20011-12-14"),
        row("201-12-14", "201-12-14"),
        row("2001-123-1", "2001-123-1"),
        row("+2001-12-14", "+2001-12-14"),
        row("2001-12-14T", "2001-12-14T"),
        row("<<", "<<"),
        row("=", "="),
        row("--", "--"),
        row("+", "+"),
        row("++", "++"),
        row("0.0", 0.0),
        row("-0.0", -0.0),
        row("+0.0", 0.0),
        row("00.5", 0.5),
        row("0e0", 0.0),
        row("-0e0", -0.0),
        row("0b0", 0L),
        row("0o0", 0L),
        row("0x0", 0L),
        row("0xabcdef", 11259375L),
        row("0xABCDEF", 11259375L),
        row("1e07", 10000000.0),
        row("012e1", 120.0),
        row("0012", 10L),
        row("08.5", 8.5),
        row("0x1e3", 483L),
        row("2001-12-14 21:59:43.10", "2001-12-14T21:59:43.1Z"),
        row("2001-12-14 21:59:43", "2001-12-14T21:59:43Z"),
        row("2001-12-14   21:59:43", "2001-12-14T21:59:43Z"),
        row("2001-12-14 21:59:43.10 -5", "2001-12-14 21:59:43.10 -5"),
        row("2001-12-14 21:59:43 Z", "2001-12-14 21:59:43 Z"),
        row("2001-12-14 21:59:43.5Z", "2001-12-14 21:59:43.5Z"),
        row("hello world", "hello world"),
        row("1 2", "1 2"),
        row("true false", "true false"));
  }

  // ---------------------------------------------------------------------------------------------
  // The shared corpus

  @TestFactory
  @DisplayName("every real provisioning file either reads or throws OracleException")
  Stream<DynamicTest> realCorpus() throws IOException {
    Path real = Path.of(System.getProperty("promshift.shared", "../shared"), "corpus", "real");
    Assumptions.assumeTrue(Files.isDirectory(real), "no shared corpus at " + real.toAbsolutePath());
    List<Path> files;
    try (Stream<Path> walk = Files.walk(real)) {
      files = walk.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".yaml") || p.getFileName().toString().endsWith(".yml"))
          .sorted()
          .collect(Collectors.toList());
    }
    assertThat(files).isNotEmpty();
    return files.stream().map(file -> DynamicTest.dynamicTest(real.relativize(file).toString(), () -> {
      String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      try {
        GoYamlOracle.read(text);
      } catch (OracleException expected) {
        // invalid for go-yaml too: fine
      }
    }));
  }
}
