package io.promshift.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.promshift.grafana.GoYaml;
import io.promshift.grafana.YamlDialect;
import io.promshift.migrate.MigrationOptions;
import io.promshift.migrate.MigrationResult;
import io.promshift.migrate.Migrator;
import io.promshift.rules.Code;
import io.promshift.rules.Diagnostic;
import io.promshift.rules.Severity;
import io.promshift.rules.Validator;
import io.promshift.syntax.AliasNode;
import io.promshift.syntax.MappingNode;
import io.promshift.syntax.ReadSettings;
import io.promshift.syntax.SequenceNode;
import io.promshift.syntax.YamlDocument;
import io.promshift.syntax.YamlReader;
import io.promshift.text.SourceException;
import io.promshift.text.SourceText;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Class A of issue 14: go-yaml v3 decodes a provisioning file into Grafana's structs and never decodes the value of a
 * key that is not one of their fields (nor of a null key in a string-keyed map, nor of a merged key that loses). A
 * duplicate key, a tag its text does not fit or an alias of its own collection there does not stop Grafana: promshift
 * reads such a file, warns (ignored-key-problem) and migrates it. Wherever Grafana decodes, they stay refusals.
 */
class IgnoredKeysTest {
  private static final ProvisioningReader READER = new ProvisioningReader(ReadSettings.DEFAULTS);
  private static final Migrator FORWARD = new Migrator(MigrationOptions.forward().build());

  private static ProvisioningFile read(String yaml) {
    return READER.read(SourceText.of("t.yaml", yaml));
  }

  private static SourceException refusal(String yaml) {
    SourceException e = catchThrowableOfType(SourceException.class, () -> read(yaml));
    assertThat(e).as("refused: %s", yaml).isNotNull();
    return e;
  }

  private static List<Diagnostic> warnings(String yaml) {
    return Validator.create().validate(read(yaml)).stream().filter(d -> d.code() == Code.IGNORED_KEY_PROBLEM).toList();
  }

  @Test
  void aDuplicateKeyInsideAKeyGrafanaNeverReadsIsAWarningNamingBothPlaces() {
    String yaml = """
        apiVersion: 1
        extra:
          a: 1
          a: 2
        datasources:
          - name: x
            type: prometheus
        """;
    List<Diagnostic> found = warnings(yaml);
    assertThat(found).singleElement().satisfies(d -> {
      assertThat(d.severity()).isEqualTo(Severity.WARNING);
      assertThat(d.position()).hasToString("4:3");
      assertThat(d.pointer()).isEqualTo("/extra");
      assertThat(d.message()).startsWith("Grafana ignores this key: extra is not a field of the file")
          .contains("duplicate key \"a\": already defined at line 3, column 3");
    });
    assertThat(read(yaml).ignored()).singleElement().satisfies(i -> assertThat(i.reason())
        .isEqualTo(GoYaml.Reason.NOT_A_FIELD));
  }

  @Test
  void tagMismatchesRecursiveAliasesAndBrokenMergesThereAreWarningsToo() {
    List<Diagnostic> found = warnings("""
        apiVersion: 1
        extra: !!int abc
        loop: &a [*a]
        merge: {<<: 1}
        datasources:
          - name: x
            foo: {a: 1, a: 2}
            bar: !!bool yes
            baz: &b {self: *b}
        """);
    assertThat(found).extracting(d -> d.pointer() + " " + d.position()).containsExactly(
        "/extra 2:8", "/loop 3:11", "/merge 4:13", "/datasources/0/foo 7:17", "/datasources/0/bar 8:10",
        "/datasources/0/baz 9:20");
  }

  @Test
  void keysOfTheOtherVersionAreNeverDecoded() {
    assertThat(warnings("""
        apiVersion: 1
        delete_datasources:
          - {name: a, name: b}
        datasources:
          - name: x
            json_data: {a: 1, a: 2}
        """)).extracting(Diagnostic::pointer).containsExactly("/delete_datasources", "/datasources/0/json_data");
    assertThat(warnings("""
        datasources:
          - name: x
            jsonData: {a: 1, a: 2}
            uid: !!int abc
        """)).extracting(Diagnostic::pointer).containsExactly("/datasources/0/jsonData", "/datasources/0/uid");
  }

  @Test
  void aNullKeyOfAStringKeyedMapAndAMergedKeyThatLosesAreNeverDecoded() {
    assertThat(read("""
        apiVersion: 1
        datasources:
          - name: x
            jsonData:
              ~: {a: 1, a: 2}
              <<: {sigV4Auth: !!bool yes, region: {b: 1, b: 2}}
              sigV4Auth: true
              region: eu-west-1
        """).ignored()).extracting(GoYaml.Ignored::reason, GoYaml.Ignored::keyText).containsExactly(
        org.assertj.core.groups.Tuple.tuple(GoYaml.Reason.NULL_KEY, "~"),
        org.assertj.core.groups.Tuple.tuple(GoYaml.Reason.MERGED_KEY_LOST, "sigV4Auth"),
        org.assertj.core.groups.Tuple.tuple(GoYaml.Reason.MERGED_KEY_LOST, "region"));
  }

  @Test
  void theMigrationProceedsOverAProblemGrafanaNeverReads() {
    MigrationResult result = FORWARD.migrate("t.yaml", """
        apiVersion: 1
        notes:
          owner: a
          owner: b
        datasources:
          - name: amp
            type: prometheus
            extra: &e [*e]
            jsonData:
              sigV4Auth: true
              sigV4Region: eu-west-1
        """);
    assertThat(result.refused()).as("%s", result.refusal()).isFalse();
    assertThat(result.newText()).contains("type: grafana-amazonprometheus-datasource");
    MigrationResult refused = FORWARD.migrate("t.yaml", """
        apiVersion: 1
        datasources:
          - name: amp
            type: prometheus
            jsonData:
              sigV4Auth: true
              sigV4Auth: true
        """);
    assertThat(refused.refused()).isTrue();
    assertThat(refused.refusal().code()).isEqualTo(Code.DUPLICATE_KEY);
  }

  @Test
  void whereGrafanaDecodesTheyStayRefusals() {
    // every key of a struct's own mapping is decoded (into its name): two equal keys are refused even if unknown
    assertThat(refusal("apiVersion: 1\nfoo: 1\nfoo: 2\ndatasources: []\n").kind())
        .isEqualTo(SourceException.Kind.DUPLICATE_KEY);
    assertThat(refusal("apiVersion: 1\ndatasources:\n  - name: x\n    foo: 1\n    foo: 2\n").position())
        .hasToString("5:5");
    // jsonData, secureJsonData, correlations, prune: decoded whole
    assertThat(refusal("apiVersion: 1\ndatasources:\n  - jsonData: {n: {a: 1, a: 2}}\n").kind())
        .isEqualTo(SourceException.Kind.DUPLICATE_KEY);
    assertThat(refusal("apiVersion: 1\ndatasources:\n  - secureJsonData: {a: 1, a: 2}\n").kind())
        .isEqualTo(SourceException.Kind.DUPLICATE_KEY);
    assertThat(refusal("apiVersion: 1\ndatasources:\n  - correlations: [{a: 1, a: 2}]\n").kind())
        .isEqualTo(SourceException.Kind.DUPLICATE_KEY);
    assertThat(refusal("apiVersion: 1\nprune: {a: 1, a: 2}\n").kind()).isEqualTo(SourceException.Kind.DUPLICATE_KEY);
    // a text field holding a map: go-yaml checks its keys before it fails on the type
    assertThat(refusal("apiVersion: 1\ndatasources:\n  - name: {b: 1, b: 2}\n").kind())
        .isEqualTo(SourceException.Kind.DUPLICATE_KEY);
    // two keys that decode to one field ("field name already set")
    SourceException twice = refusal("apiVersion: 1\ndatasources:\n  - &k name: x\n    *k : y\n");
    assertThat(twice.kind()).isEqualTo(SourceException.Kind.DUPLICATE_KEY);
    assertThat(twice.related()).hasValueSatisfying(first -> assertThat(first).hasToString("3:5"));
    assertThat(refusal("apiVersion: 1\ndatasources:\n  - name: !!int abc\n").problem()).contains("!!int");
    assertThat(refusal("apiVersion: 1\ndatasources:\n  - jsonData: &a {x: *a}\n").problem())
        .contains("value contains itself");
  }

  @Test
  void keysCollideByKindAndWrittenText() {
    assertThat(refusal("apiVersion: 1\ndatasources:\n  - jsonData: {1: a, \"1\": b}\n").kind())
        .isEqualTo(SourceException.Kind.DUPLICATE_KEY);
    assertThat(read("apiVersion: 1\ndatasources:\n  - jsonData: {1: a, 01: b}\n").dataSources().get(0).jsonData()
        .orElseThrow().toPlain()).isEqualTo(java.util.Map.of("1", "a", "01", "b"));
  }

  @Test
  void parseLevelErrorsStayRefusalsEverywhere() {
    assertThat(refusal("apiVersion: 1\nextra: *nope\ndatasources: []\n").problem()).contains("refers to no anchor");
  }

  @Test
  void theParsedTreeKeepsWhatOnlyDecodingRefuses() {
    YamlReader yaml = new YamlReader();
    YamlDocument parsed = yaml.readParsed(SourceText.of("t.yaml", "a: 1\na: 2\nb: &x [*x]\nc: &y 1\nd: &y [*y]\n"));
    assertThat(parsed.duplicateKeys()).hasSize(1);
    MappingNode root = (MappingNode) parsed.root();
    assertThat(((SequenceNode) root.entry("b").value()).items().get(0))
        .isInstanceOfSatisfying(AliasNode.class, alias -> assertThat(alias.recursive()).isTrue());
    // an anchor names the collection from its start on, even over an earlier node of the same name
    assertThat(((SequenceNode) root.entry("d").value()).items().get(0))
        .isInstanceOfSatisfying(AliasNode.class, alias -> assertThat(alias.recursive()).isTrue());
    SourceException refused = catchThrowableOfType(SourceException.class,
        () -> yaml.read(SourceText.of("t.yaml", "c: &y 1\nd: &y [*y]\n")));
    assertThat(refused.problem()).contains("refers to the collection that contains it");
  }

  @Test
  void aUnitReadByAYaml11ReaderKeepsItsBehaviour() {
    YamlDocument values = new YamlReader().readStream(SourceText.of("values.yaml", """
        apiVersion: 1
        extra: {a: 1, a: 2}
        datasources:
          - name: x
            jsonData: {k: 1, k: 2}
        """), true).documents().get(0);
    ProvisioningFile unit = ProvisioningFile.of(values, YamlDialect.YAML_1_1);
    assertThat(unit.ignored()).isEmpty();
    assertThat(unit.dataSources().get(0).jsonData().orElseThrow().toPlain()).isEqualTo(java.util.Map.of("k", 2L));
  }
}
