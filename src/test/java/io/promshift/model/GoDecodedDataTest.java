package io.promshift.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.promshift.grafana.GoMap;
import io.promshift.syntax.ReadSettings;
import io.promshift.text.SourceText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Class C of issue 14: files both Grafana and promshift read, where promshift read other data than go-yaml v3
 * decodes into Grafana's structs. Each expectation is what the real go-yaml v3 printed for the same text.
 */
class GoDecodedDataTest {
  private static final ProvisioningReader READER = new ProvisioningReader(ReadSettings.DEFAULTS);

  private static ProvisioningFile read(String yaml) {
    return READER.read(SourceText.of("t.yaml", yaml));
  }

  /** The first data source's jsonData, as plain Java values. */
  private static Object jsonData(String jsonData) {
    return read("apiVersion: 1\ndatasources:\n  - name: x\n    jsonData: " + jsonData + "\n").dataSources().get(0)
        .jsonData().orElseThrow().toPlain();
  }

  private static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  @Test
  void aNestedMapWithAKeyThatIsNoStringIsKeyedByValueAndShownAsGoPrintsTheValue() {
    // go-yaml: map[interface{}]interface{}{1:"b", true:"c", interface{}(nil):"d"}; 1 and 01 are the int 1
    assertThat(jsonData("{n: {1: a, 01: b, true: c, ~: d}}")).isEqualTo(map("n", map("1", "b", "true", "c", "<nil>", "d")));
    // an int and a float are two keys, even when shown alike; 1e6 is shown as %v shows it
    GoMap typed = (GoMap) ((GoMap) read("apiVersion: 1\ndatasources:\n  - jsonData: {n: {1: a, 1.0: c, 1e6: f}}\n")
        .dataSources().get(0).jsonData().orElseThrow().get("n").orElseThrow());
    assertThat(typed.entries()).extracting(GoMap.Entry::key).containsExactly("1", "1", "1e+06");
    // only a string-keyed map keeps keys as written (jsonData itself always does)
    assertThat(jsonData("{1: a, 01: b, n: {a: 1, 0x1: 2}}")).isEqualTo(map("1", "a", "01", "b", "n", map("a", 1L, "1", 2L)));
  }

  @Test
  void aDotFloatWithUnderscoresIsAFloat() {
    assertThat(jsonData("{a: .5_0, b: .5, c: ._5, d: .5_}")).isEqualTo(map("a", 0.5, "b", 0.5, "c", "._5", "d", ".5_"));
  }

  @Test
  void anApiVersionWithAFractionIsCutAsGrafanasInt64CutsIt() {
    ProvisioningFile file = read("apiVersion: 1.5\ndatasources:\n  - name: x\n    jsonData: {a: 1}\n");
    assertThat(file.apiVersion()).isEqualTo(1);
    assertThat(file.isLegacy()).isFalse();
    assertThat(file.dataSources().get(0).jsonData()).isPresent();
    assertThat(read("apiVersion: 0.5\ndatasources:\n  - name: x\n").isLegacy()).isTrue();
  }

  @Test
  void aMergeKeyTaggedWithTheNonSpecificTagStillMerges() {
    assertThat(jsonData("{! <<: {k: merged, j: 2}, j: 3}")).isEqualTo(map("j", 3L, "k", "merged"));
    assertThat(jsonData("{! \"<<\": {k: 1}}")).isEqualTo(map("<<", map("k", 1L)));
  }

  @Test
  void aMergedKeyOfAnotherGoTypeThanTheOwnKeyIsNotStoppedByIt() {
    // jsonData is a map[string]interface{}: the merged key is the text "1", the own key the int 1 to the merge
    assertThat(jsonData("{<<: {1: merged}, 1: explicit}")).isEqualTo(map("1", "merged"));
    assertThat(jsonData("{<<: {true: m, 1.0: f}, true: e, 1.0: g}")).isEqualTo(map("true", "m", "1.0", "f"));
    assertThat(jsonData("{<<: {a: merged}, a: explicit}")).isEqualTo(map("a", "explicit"));
    // in a map keyed by values both are the int 1: the own key wins
    assertThat(jsonData("{n: {<<: {1: merged}, 1: explicit, a: b}}")).isEqualTo(map("n", map("1", "explicit", "a", "b")));
    // earlier merged maps win over later ones by the key decoded for the map
    assertThat(jsonData("{<<: [{\"1\": first}, {1: second}], 1: own}")).isEqualTo(map("1", "first"));
  }

  @Test
  void aliasKeysThatAreOneKeyKeepTheLaterOwnValueAndTheEarlierMergedOne() {
    assertThat(jsonData("{&k foo: 1, *k : 2}")).isEqualTo(map("foo", 2L));
    assertThat(jsonData("{n: {&k foo: 1, *k : 2}}")).isEqualTo(map("n", map("foo", 2L)));
    assertThat(jsonData("{<<: {&k foo: 1, *k : 2}}")).isEqualTo(map("foo", 1L));
  }

  @Test
  void aMergedMapsOwnMergeKeyAppliesAfterItsOwnKeys() {
    assertThat(jsonData("{n: {<<: {a: 1, <<: {b: 2, a: 0}}, c: 3}}")).isEqualTo(map("n", map("c", 3L, "a", 1L, "b", 2L)));
  }

  @Test
  void aBinaryScalarIsTheTextItEncodes() {
    // bytes that are not UTF-8 are stored as Go's JSON encoding stores them: each such byte is U+FFFD
    assertThat(jsonData("{a: !!binary aGk=, b: !!binary /w==, c: !!binary 4oI=}"))
        .isEqualTo(map("a", "hi", "b", "\uFFFD", "c", "\uFFFD\uFFFD"));
    assertThat(read("apiVersion: 1\ndatasources:\n  - name: !!binary aGk=\n").dataSources().get(0).name())
        .contains("hi");
    assertThat(read("apiVersion: 1\ndatasources:\n  - secureJsonData: {!!binary a2V5: !!binary aGk=}\n")
        .dataSources().get(0).secureJsonData().orElseThrow().toPlain()).isEqualTo(map("key", "hi"));
  }

  @Test
  void correlationsOfVersion1AreUntypedValues() {
    assertThat(read("apiVersion: 1\ndatasources:\n  - correlations: [{1: a, 01: b}]\n").dataSources().get(0)
        .value(Field.CORRELATIONS).orElseThrow().toPlain()).isEqualTo(List.of(map("1", "b")));
  }
}
