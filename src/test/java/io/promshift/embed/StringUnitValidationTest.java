package io.promshift.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.promshift.Promshift;
import io.promshift.migrate.MigrationOptions;
import io.promshift.migrate.MigrationResult;
import io.promshift.migrate.Migrator;
import io.promshift.model.ProvisioningReader;
import io.promshift.report.FileOutcome;
import io.promshift.report.SourceStatus;
import io.promshift.report.UnifiedDiff;
import io.promshift.rules.Code;
import io.promshift.rules.Diagnostic;
import io.promshift.rules.Validator;
import io.promshift.syntax.ReadSettings;
import io.promshift.text.SourceText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading and validating provisioning files inside strings as Grafana reads a file (go-yaml v3, duplicate keys fatal),
 * every finding at the outer file's line and column with the string's path ▸ the inner path; status lists the string's
 * items; diffs never show a secret of the inner file or a value of a Secret.
 */
class StringUnitValidationTest {
  private static final ProvisioningReader READER = new ProvisioningReader(ReadSettings.DEFAULTS);
  private static final Migrator FORWARD = new Migrator(READER, MigrationOptions.forward().build());

  @TempDir
  Path dir;

  private static SourceFile read(String name, String text) {
    return new SourceReader(READER, UnitSettings.AUTO).read(SourceText.of(name, text));
  }

  private static List<Diagnostic> validate(String name, String text) {
    return Validator.create().validate(read(name, text));
  }

  private static List<Diagnostic> findings(List<Diagnostic> all, Code code) {
    return all.stream().filter(d -> d.code() == code).toList();
  }

  private static final String NO_REGION = """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: g
      data:
        ds.yaml: |
          apiVersion: 1
          datasources:
            - name: AMP
              type: prometheus
              jsonData:
                sigV4Auth: true
                sigV4AuthType: default
      """;

  @Test
  void anInnerFindingIsAtTheOuterLineAndColumnWithTheStringsPathAndTheInnerPath() {
    List<Diagnostic> all = validate("cm.yaml", NO_REGION);
    assertThat(findings(all, Code.SIGV4_REGION_MISSING))
        .extracting(Diagnostic::line, Diagnostic::column, Diagnostic::path)
        .containsExactly(tuple(11, 9, "data[\"ds.yaml\"] ▸ datasources[0].jsonData.sigV4Region"));
    assertThat(findings(all, Code.MIGRATION_PENDING))
        .extracting(Diagnostic::line, Diagnostic::column, Diagnostic::path)
        .containsExactly(tuple(10, 15, "data[\"ds.yaml\"] ▸ datasources[0].type"));
  }

  @Test
  void findingsOfADoubleQuotedStringAreAtTheCharactersThatWriteThem() {
    String text = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: g
        data:
          ds.yaml: "apiVersion: 1\\n\\
            datasources:\\n\\
            - name: AMP\\n\\
            \\  type: prometheus\\n\\
            \\  jsonData:\\n\\
            \\    sigV4Auth: true\\n"
        """;
    List<Diagnostic> all = validate("cm.yaml", text);
    assertThat(findings(all, Code.MIGRATION_PENDING)).extracting(Diagnostic::line, Diagnostic::column)
        .containsExactly(tuple(9, 14));
    assertThat(findings(all, Code.SIGV4_REGION_MISSING)).extracting(Diagnostic::line, Diagnostic::column)
        .containsExactly(tuple(10, 8));
  }

  @Test
  void aDuplicateKeyInsideTheStringIsFatalForGrafanaAndReportedAtTheOuterPositionOfTheSecondKey() {
    String text = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: g
        data:
          ds.yaml: |
            apiVersion: 1
            datasources:
              - name: AMP
                type: prometheus
                jsonData:
                  sigV4Auth: true
                  sigV4Auth: false
                  sigV4Region: eu-west-1
        """;
    SourceFile file = read("cm.yaml", text);
    assertThat(file.units()).isEmpty();
    assertThat(file.problems()).hasSize(1);

    List<Diagnostic> all = validate("cm.yaml", text);
    List<Diagnostic> duplicate = findings(all, Code.DUPLICATE_KEY);
    assertThat(duplicate).extracting(Diagnostic::line, Diagnostic::column, Diagnostic::path)
        .containsExactly(tuple(13, 11, "data[\"ds.yaml\"]"));
    assertThat(duplicate.get(0).message()).isEqualTo("duplicate key \"sigV4Auth\": already defined at line 12,"
        + " column 11; Grafana refuses to start on a duplicate key");
    assertThat(duplicate.get(0).fix()).isEqualTo("keep one of the two: remove this key or the one at line 12, column 11");

    MigrationResult result = FORWARD.migrate("cm.yaml", text);
    assertThat(result.newText()).isEqualTo(text);
    assertThat(result.changes()).isEmpty();
    assertThat(result.notices()).extracting(Diagnostic::code, Diagnostic::line, Diagnostic::column)
        .containsExactly(tuple(Code.DUPLICATE_KEY, 13, 11));
  }

  @Test
  void onlyTheFirstDocumentOfTheStringCountsAndAMissingApiVersionIsLegacy() {
    String text = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: g
        data:
          ds.yaml: |
            datasources:
              - name: AMP
                type: prometheus
                jsonData:
                  sigV4Auth: true
                  sigV4Region: eu-west-1
            ---
            datasources:
              - name: Never read
                type: prometheus
        """;
    Unit unit = read("cm.yaml", text).units().get(0);
    assertThat(unit.file().dataSources()).hasSize(1);
    assertThat(unit.file().dataSources().get(0).legacy()).isTrue();
  }

  @Test
  void aFoldedBlockIsReadAndValidated() {
    String text = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: g
        data:
          ds.yaml: >
            apiVersion: 1

            datasources:

              - name: AMP
                type: prometheus
                jsonData:
                  sigV4Auth: true
        """;
    // a folded text cannot be mapped char by char: every finding is at the scalar's first character
    assertThat(findings(validate("cm.yaml", text), Code.SIGV4_REGION_MISSING))
        .extracting(Diagnostic::line, Diagnostic::column, Diagnostic::path)
        .containsExactly(tuple(6, 12, "data[\"ds.yaml\"] ▸ datasources[0].jsonData.sigV4Region"));
  }

  private static final String SECRETS = """
      apiVersion: v1
      kind: Secret
      metadata:
        name: both
      type: Opaque
      data:
        ds.yaml: %s
      stringData:
        ds.yaml: |
          apiVersion: 1
          datasources:
            - name: AMP
              type: prometheus
              jsonData:
                sigV4Auth: true
                sigV4Region: eu-west-1
              secureJsonData:
                sigV4SecretKey: string-data-secret
      """.formatted(Base64.getEncoder().encodeToString("""
      apiVersion: 1
      datasources:
        - name: AMP
          type: prometheus
          jsonData:
            sigV4Auth: true
      """.getBytes(StandardCharsets.UTF_8)));

  @Test
  void base64FindingsAreAtTheScalarAndAnEarlierItemIsNamedByItsOuterLine() {
    List<Diagnostic> all = validate("secret.yaml", SECRETS);
    assertThat(findings(all, Code.SIGV4_REGION_MISSING))
        .extracting(Diagnostic::line, Diagnostic::column, Diagnostic::path)
        .containsExactly(tuple(7, 12, "data[\"ds.yaml\"] ▸ datasources[0].jsonData.sigV4Region"));
    List<Diagnostic> sameName = findings(all, Code.DUPLICATE_NAME);
    assertThat(sameName).extracting(Diagnostic::line, Diagnostic::column, Diagnostic::path)
        .containsExactly(tuple(12, 15, "stringData[\"ds.yaml\"] ▸ datasources[0].name"));
    assertThat(sameName.get(0).message()).contains("named \"AMP\" at line 7:");
  }

  @Test
  void statusListsTheStringsItemsWithTheirOuterPositionAndPath() throws IOException {
    Path file = dir.resolve("cm.yaml");
    Files.writeString(file, NO_REGION.replace("sigV4AuthType: default", "sigV4Region: eu-west-1"));
    FileOutcome outcome = Promshift.create().status(file);
    assertThat(outcome.sources()).extracting(SourceStatus::line, SourceStatus::column, SourceStatus::path,
            SourceStatus::shape, SourceStatus::name)
        .containsExactly(tuple(9, 9, "data[\"ds.yaml\"] ▸ datasources[0]", Shape.STRING_FILE, "AMP"));
    assertThat(outcome.sources().get(0).embedded()).isTrue();
  }

  @Test
  void statusReportsATemplatedStringAndAListOfBytesAtTheirPlaces() throws IOException {
    Path file = dir.resolve("cm.yaml");
    Files.writeString(file, """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: templated
        data:
          datasources.yaml: |
            apiVersion: 1
            datasources:
            {{- range .Values.sources }}
              - name: {{ .name }}
            {{- end }}
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: bytes
        stringData: {datasources.yaml: [1, 2, 3]}
        """);
    FileOutcome outcome = Promshift.create().status(file);
    assertThat(outcome.sources()).isEmpty();
    assertThat(outcome.diagnostics()).extracting(Diagnostic::code, Diagnostic::line, Diagnostic::column,
            Diagnostic::path)
        .containsExactly(tuple(Code.TEMPLATE, 9, 5, "data[\"datasources.yaml\"]"),
            tuple(Code.YAML_SYNTAX, 17, 32, "stringData[\"datasources.yaml\"]"));
  }

  @Test
  void theDiffOfAConfigMapMasksTheInnerSecretsEvenOnAChangedLine() {
    String text = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: g
        data:
          ds.yaml: "apiVersion: 1\\ndatasources:\\n- name: AMP\\n  type: prometheus\\n  jsonData:\\n    sigV4Auth: true\\n    sigV4Region: eu-west-1\\n  secureJsonData:\\n    sigV4SecretKey: one-line-secret\\n"
          block.yaml: |
            apiVersion: 1
            datasources:
              - name: AMP block
                type: prometheus
                basicAuth: true
                jsonData:
                  sigV4Auth: true
                  sigV4Region: eu-west-1
                secureJsonData:
                  sigV4SecretKey: block-secret
                  basicAuthPassword: "quoted \\"block\\" password"
        """;
    MigrationResult result = FORWARD.migrate("cm.yaml", text);
    assertThat(result.changes()).hasSize(2);
    String diff = UnifiedDiff.of(result);
    assertThat(diff).contains("+  ds.yaml: \"apiVersion: 1\\ndatasources:\\n- name: AMP\\n  type:"
            + " grafana-amazonprometheus-datasource\\n")
        .contains("+          prometheus-type-migration: true\n")
        .doesNotContain("one-line-secret").doesNotContain("block-secret").doesNotContain("password\"");
  }

  @Test
  void theDiffOfASecretShowsNoneOfItsValues() {
    MigrationResult result = FORWARD.migrate("secret.yaml", SECRETS);
    assertThat(result.changes()).hasSize(1);
    String diff = UnifiedDiff.of(result);
    assertThat(diff).startsWith("--- a/secret.yaml\n+++ b/secret.yaml\n@@ ")
        .doesNotContain("string-data-secret").doesNotContain("eu-west-1").doesNotContain("sigV4Auth")
        .doesNotContain(SECRETS.substring(SECRETS.indexOf("ds.yaml: ") + 9, SECRETS.indexOf("ds.yaml: ") + 30));
  }
}
