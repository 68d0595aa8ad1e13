package io.promshift.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.promshift.migrate.Change;
import io.promshift.migrate.MigrationOptions;
import io.promshift.migrate.MigrationResult;
import io.promshift.migrate.Migrator;
import io.promshift.model.ProvisioningReader;
import io.promshift.rules.Code;
import io.promshift.rules.Diagnostic;
import io.promshift.syntax.ReadSettings;
import io.promshift.text.SourceText;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Migrating provisioning files that live inside strings (embedded-shapes §2, S2, S8): each case writes out the whole
 * outer text after the migration — only the inner {@code type} value and one marker line (or JSON member) change, in
 * the scalar's own style — and checks that a second forward run changes nothing and that reverse gives back the input
 * byte for byte. A string that cannot be edited exactly is refused alone, with the reason, and the others go on.
 */
class StringUnitMigrationTest {
  private static final ProvisioningReader READER = new ProvisioningReader(ReadSettings.DEFAULTS);
  private static final Migrator FORWARD = new Migrator(READER, MigrationOptions.forward().build());
  private static final Migrator REVERSE = new Migrator(READER, MigrationOptions.reverse().build());
  private static final String AMP = "grafana-amazonprometheus-datasource";

  /** Forward gives exactly {@code after}, is idempotent, and reverse restores {@code before}. */
  private static MigrationResult roundTrip(String name, String before, String after) {
    MigrationResult result = FORWARD.migrate(name, before);
    assertThat(result.refusal()).as("refusal").isNull();
    assertThat(refusals(result)).as("units refused").isEmpty();
    assertThat(result.newText()).isEqualTo(after);
    MigrationResult again = FORWARD.migrate(name, after);
    assertThat(again.refusal()).as("second forward refusal").isNull();
    assertThat(again.newText()).as("forward twice equals forward once").isEqualTo(after);
    assertThat(again.changes()).as("second forward changes").isEmpty();
    MigrationResult back = REVERSE.migrate(name, after);
    assertThat(back.refusal()).as("reverse refusal").isNull();
    assertThat(refusals(back)).as("units refused by reverse").isEmpty();
    assertThat(back.newText()).as("reverse(forward(x)) == x").isEqualTo(before);
    return result;
  }

  private static List<Diagnostic> refusals(MigrationResult result) {
    return result.notices().stream().filter(n -> n.code() == Code.MIGRATION_REFUSED).toList();
  }

  private static List<String> moved(MigrationResult result) {
    return result.changes().stream().map(c -> c.path() + " " + c.fromType() + " -> " + c.toType()).toList();
  }

  private static SourceFile read(String name, String text) {
    return new SourceReader(READER, UnitSettings.AUTO).read(SourceText.of(name, text));
  }

  // ---- literal blocks ----------------------------------------------------------------------------------------

  private static final String CONFIG_MAP = """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: grafana-datasources
      data:
        ds.yaml: |
          apiVersion: 1
          datasources:
            - name: AMP
              type: prometheus
              url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1
              jsonData:
                sigV4Auth: true
                sigV4AuthType: default
                sigV4Region: eu-west-1
              secureJsonData:
                sigV4SecretKey: s3cr3tKey
            - name: Loki
              type: loki
              url: http://loki:3100
        other: plain
      """;

  private static final String CONFIG_MAP_AFTER = """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: grafana-datasources
      data:
        ds.yaml: |
          apiVersion: 1
          datasources:
            - name: AMP
              type: grafana-amazonprometheus-datasource
              url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1
              jsonData:
                sigV4Auth: true
                sigV4AuthType: default
                sigV4Region: eu-west-1
                prometheus-type-migration: true
              secureJsonData:
                sigV4SecretKey: s3cr3tKey
            - name: Loki
              type: loki
              url: http://loki:3100
        other: plain
      """;

  @Test
  void aLiteralBlockGetsTheInnerTypeAndOneMarkerLineAtTheBlocksIndentation() {
    MigrationResult result = roundTrip("cm.yaml", CONFIG_MAP, CONFIG_MAP_AFTER);
    assertThat(moved(result)).containsExactly("data[\"ds.yaml\"] ▸ datasources[0] prometheus -> " + AMP);
    Change change = result.changes().get(0);
    assertThat(change.marker()).isEqualTo(Change.MarkerAction.ADDED);
    assertThat(change.position().line()).as("the item's outer line").isEqualTo(9);
    assertThat(change.position().column()).isEqualTo(9);
  }

  @Test
  void stripChompingStaysStrip() {
    roundTrip("cm.yaml", CONFIG_MAP.replace("ds.yaml: |\n", "ds.yaml: |-\n"),
        CONFIG_MAP_AFTER.replace("ds.yaml: |\n", "ds.yaml: |-\n"));
  }

  @Test
  void keepChompingKeepsItsTrailingBlankLinesAfterTheMarker() {
    roundTrip("cm.yaml", """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: g
        data:
          ds.yaml: |+
            apiVersion: 1
            datasources:
              - name: AMP
                type: prometheus
                jsonData:
                  sigV4Auth: true
                  sigV4Region: eu-west-1


          other: x
        """, """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: g
        data:
          ds.yaml: |+
            apiVersion: 1
            datasources:
              - name: AMP
                type: grafana-amazonprometheus-datasource
                jsonData:
                  sigV4Auth: true
                  sigV4Region: eu-west-1
                  prometheus-type-migration: true


          other: x
        """);
  }

  @Test
  void keepChompingAtTheVeryEndOfTheFile() {
    String before = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: g
        data:
          ds.yaml: |+
            apiVersion: 1
            datasources:
              - name: AMP
                type: prometheus
                jsonData:
                  sigV4Auth: true
                  sigV4Region: eu-west-1

        """;
    assertThat(read("cm.yaml", before).units().get(0).inner().text()).endsWith("eu-west-1\n\n");
    roundTrip("cm.yaml", before, """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: g
        data:
          ds.yaml: |+
            apiVersion: 1
            datasources:
              - name: AMP
                type: grafana-amazonprometheus-datasource
                jsonData:
                  sigV4Auth: true
                  sigV4Region: eu-west-1
                  prometheus-type-migration: true

        """);
  }

  @Test
  void explicitIndentationIndicatorsStayAndSetTheMarkersIndentation() {
    String before = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: g
        data:
          ds.yaml: |2
              # a first line indented more than the block
            apiVersion: 1
            datasources:
              - name: AMP
                type: prometheus
                jsonData:
                  sigV4Auth: true
                  sigV4Region: eu-west-1
          other.yaml: |4-
                apiVersion: 1
                datasources:
                  - name: AMP 2
                    type: prometheus
                    jsonData:
                      sigV4Auth: true
                      sigV4Region: eu-west-1
        """;
    // the indicator counts from the parent's indentation (2): |2 is 4 spaces, |4- is 6 of the 8 written
    assertThat(read("cm.yaml", before).units()).extracting(u -> u.inner().text().substring(0, 6))
        .containsExactly("  # a ", "  apiV");
    MigrationResult result = roundTrip("cm.yaml", before, """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: g
        data:
          ds.yaml: |2
              # a first line indented more than the block
            apiVersion: 1
            datasources:
              - name: AMP
                type: grafana-amazonprometheus-datasource
                jsonData:
                  sigV4Auth: true
                  sigV4Region: eu-west-1
                  prometheus-type-migration: true
          other.yaml: |4-
                apiVersion: 1
                datasources:
                  - name: AMP 2
                    type: grafana-amazonprometheus-datasource
                    jsonData:
                      sigV4Auth: true
                      sigV4Region: eu-west-1
                      prometheus-type-migration: true
        """);
    assertThat(moved(result)).containsExactly("data[\"ds.yaml\"] ▸ datasources[0] prometheus -> " + AMP,
        "data[\"other.yaml\"] ▸ datasources[0] prometheus -> " + AMP);
  }

  @Test
  void whitespaceOnlyLinesBlankLinesAndTabsInsideTheBlockAreContentAndStay() {
    String before = String.join("\n",
        "apiVersion: v1",
        "kind: ConfigMap",
        "metadata:",
        "  name: g",
        "data:",
        "  ds.yaml: |",
        "    apiVersion: 1",
        "  ",                                  // shorter than the indentation: an empty line of the value
        "    datasources:",
        "      - name: AMP",
        "        type: prometheus",
        "",
        "        url: \"http://amp\tspace\"",   // a tab inside an inner value
        "        jsonData:",
        "          sigV4Auth: true\t# a tab before an inner comment",
        "      ",                              // whitespace only, longer than the indentation: content
        "          sigV4Region: eu-west-1",
        "");
    Unit unit = read("cm.yaml", before).units().get(0);
    assertThat(unit.inner().text()).isEqualTo("apiVersion: 1\n\ndatasources:\n  - name: AMP\n    type: prometheus\n\n"
        + "    url: \"http://amp\tspace\"\n    jsonData:\n      sigV4Auth: true\t# a tab before an inner comment\n  \n"
        + "      sigV4Region: eu-west-1\n");
    roundTrip("cm.yaml", before, before
        .replace("type: prometheus", "type: " + AMP)
        .replace("sigV4Region: eu-west-1\n", "sigV4Region: eu-west-1\n          prometheus-type-migration: true\n"));
  }

  @Test
  void aCrlfFileHasLfInnerTextAndItsNewLineEndsWithCrlf() {
    String before = CONFIG_MAP.replace("\n", "\r\n");
    Unit unit = read("cm.yaml", before).units().get(0);
    assertThat(unit.inner().text()).doesNotContain("\r").startsWith("apiVersion: 1\ndatasources:\n");
    MigrationResult result = roundTrip("cm.yaml", before, CONFIG_MAP_AFTER.replace("\n", "\r\n"));
    assertThat(result.newText()).contains("eu-west-1\r\n          prometheus-type-migration: true\r\n        secure");
  }

  @Test
  void aBlockThatEndsTheFileWithoutAFinalNewline() {
    roundTrip("cm.yaml", """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: g
        data:
          ds.yaml: |-
            apiVersion: 1
            datasources:
              - name: AMP
                type: prometheus
                jsonData:
                  sigV4Auth: true
                  sigV4Region: eu-west-1""", """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: g
        data:
          ds.yaml: |-
            apiVersion: 1
            datasources:
              - name: AMP
                type: grafana-amazonprometheus-datasource
                jsonData:
                  sigV4Auth: true
                  sigV4Region: eu-west-1
                  prometheus-type-migration: true""");
  }

  @Test
  void aCrlfBlockThatEndsTheFileWithoutAFinalNewline() {
    roundTrip("cm.yaml", """
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
                  sigV4Region: eu-west-1""".replace("\n", "\r\n"), """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: g
        data:
          ds.yaml: |
            apiVersion: 1
            datasources:
              - name: AMP
                type: grafana-amazonprometheus-datasource
                jsonData:
                  sigV4Auth: true
                  sigV4Region: eu-west-1
                  prometheus-type-migration: true""".replace("\n", "\r\n"));
  }

  // ---- JSON --------------------------------------------------------------------------------------------------

  @Test
  void prettyJsonInABlockGetsTheTypeAndTheMarkerAsAMemberOfJsonDataAfterItsLastOne() {
    // the flow-mapping editor writes the new member after the last one, on its line, as it does in a plain file
    MigrationResult result = roundTrip("cm.yaml", """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: grafana-datasources
        data:
          datasources.yaml: |-
            {
                "apiVersion": 1,
                "datasources": [
                    {
                        "name": "AMP",
                        "type": "prometheus",
                        "jsonData": {
                            "sigV4Auth": true,
                            "sigV4Region": "eu-west-1"
                        },
                        "secureJsonData": {"sigV4SecretKey": "inner-json-secret"}
                    },
                    {"name": "Prometheus", "type": "prometheus", "url": "http://prometheus:9090"}
                ]
            }
        """, """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: grafana-datasources
        data:
          datasources.yaml: |-
            {
                "apiVersion": 1,
                "datasources": [
                    {
                        "name": "AMP",
                        "type": "grafana-amazonprometheus-datasource",
                        "jsonData": {
                            "sigV4Auth": true,
                            "sigV4Region": "eu-west-1", "prometheus-type-migration": true
                        },
                        "secureJsonData": {"sigV4SecretKey": "inner-json-secret"}
                    },
                    {"name": "Prometheus", "type": "prometheus", "url": "http://prometheus:9090"}
                ]
            }
        """);
    assertThat(moved(result)).containsExactly("data[\"datasources.yaml\"] ▸ datasources[0] prometheus -> " + AMP);
  }

  @Test
  void jsonOnOneLineInABlockAndInADoubleQuotedString() {
    roundTrip("cm.yaml", """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: g
        data:
          a.yaml: |
            {"apiVersion":1,"datasources":[{"name":"A","type":"prometheus","jsonData":{"sigV4Auth":true,"sigV4Region":"eu-west-1"}}]}
          b.yaml: "{\\"apiVersion\\": 1, \\"datasources\\": [{\\"name\\": \\"B\\", \\"type\\": \\"prometheus\\", \\"jsonData\\": {\\"sigV4Auth\\": true}}]}"
        """, """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: g
        data:
          a.yaml: |
            {"apiVersion":1,"datasources":[{"name":"A","type":"grafana-amazonprometheus-datasource","jsonData":{"sigV4Auth":true,"sigV4Region":"eu-west-1", "prometheus-type-migration": true}}]}
          b.yaml: "{\\"apiVersion\\": 1, \\"datasources\\": [{\\"name\\": \\"B\\", \\"type\\": \\"grafana-amazonprometheus-datasource\\", \\"jsonData\\": {\\"sigV4Auth\\": true, \\"prometheus-type-migration\\": true}}]}"
        """);
  }

  @Test
  void jsonWithoutAJsonDataObjectHasNothingToMoveAndIsLeftAloneInBothDirections() {
    // Grafana moves a data source only for jsonData.sigV4Auth or jsonData.azureCredentials: without jsonData there is
    // no marker to add, so the editor never has to create the object
    String text = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: g
        data:
          datasources.yaml: |-
            {
                "apiVersion": 1,
                "datasources": [
                    {"name": "Prometheus", "type": "prometheus", "url": "http://prometheus:9090"},
                    {"name": "Amazon", "type": "grafana-amazonprometheus-datasource", "url": "https://aps.example"}
                ]
            }
        """;
    assertThat(read("cm.yaml", text).units()).hasSize(1);
    for (Migrator migrator : List.of(FORWARD, REVERSE)) {
      MigrationResult result = migrator.migrate("cm.yaml", text);
      assertThat(result.refusal()).isNull();
      assertThat(refusals(result)).isEmpty();
      assertThat(result.changes()).isEmpty();
      assertThat(result.newText()).isEqualTo(text);
    }
  }

  // ---- double-quoted -----------------------------------------------------------------------------------------

  @Test
  void aDoubleQuotedStringWithEscapedLineBreaksGetsTheMarkerAsAnEscapedLineBreakAndTheSiblingsIndentation() {
    roundTrip("cm.yaml", """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: g
        data:
          ds.yaml: "apiVersion: 1\\ndatasources:\\n- name: AMP\\n  type: prometheus\\n  jsonData:\\n    sigV4Auth: true\\n    sigV4Region: eu-west-1\\n"
        """, """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: g
        data:
          ds.yaml: "apiVersion: 1\\ndatasources:\\n- name: AMP\\n  type: grafana-amazonprometheus-datasource\\n  jsonData:\\n    sigV4Auth: true\\n    sigV4Region: eu-west-1\\n    prometheus-type-migration: true\\n"
        """);
  }

  @Test
  void aDoubleQuotedStringWithBackslashFoldsIsEditedWhereThePlaceIsPlainCharacters() {
    String before = """
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
            \\    sigV4Auth: true\\n\\
            \\    sigV4Region: eu-west-1\\n"
        """;
    assertThat(read("cm.yaml", before).units().get(0).inner().text()).isEqualTo(
        "apiVersion: 1\ndatasources:\n- name: AMP\n  type: prometheus\n  jsonData:\n    sigV4Auth: true\n"
        + "    sigV4Region: eu-west-1\n");
    roundTrip("cm.yaml", before, """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: g
        data:
          ds.yaml: "apiVersion: 1\\n\\
            datasources:\\n\\
            - name: AMP\\n\\
            \\  type: grafana-amazonprometheus-datasource\\n\\
            \\  jsonData:\\n\\
            \\    sigV4Auth: true\\n\\
            \\    sigV4Region: eu-west-1\\n    prometheus-type-migration: true\\n"
        """);
  }

  @Test
  void aMarkerPlaceOnAFoldIsRefusedForThatStringWhileAnotherStringOfTheFileMigrates() {
    String folded = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: folded
        data:
          ds.yaml: "apiVersion: 1\\ndatasources:\\n- name: AMP\\n  type: prometheus\\n\\
            \\  jsonData:\\n    sigV4Auth: true\\n    sigV4Region: eu-west-1\\n\\
            - name: Loki\\n  type: loki\\n"
        """;
    String before = folded + "---\n" + CONFIG_MAP;
    MigrationResult result = FORWARD.migrate("cm.yaml", before);
    assertThat(result.refusal()).isNull();
    assertThat(result.newText()).isEqualTo(folded + "---\n" + CONFIG_MAP_AFTER);
    assertThat(moved(result)).containsExactly("data[\"ds.yaml\"] ▸ datasources[0] prometheus -> " + AMP);
    assertThat(result.changes().get(0).position().line()).as("the second document's item").isEqualTo(18);
    List<Diagnostic> refused = refusals(result);
    assertThat(refused).hasSize(1);
    assertThat(refused.get(0).message()).isEqualTo("the data sources in this string are left as they are: the change"
        + " falls on a folded line break of the quoted string");
    assertThat(refused.get(0).path()).isEqualTo("data[\"ds.yaml\"]");
    assertThat(refused.get(0).line()).isEqualTo(6);
    assertThat(refused.get(0).column()).isEqualTo(13);
    assertThat(REVERSE.migrate("cm.yaml", result.newText()).newText()).isEqualTo(before);
  }

  // ---- single-quoted -----------------------------------------------------------------------------------------

  @Test
  void aSingleQuotedDocumentOfFlowItemsGetsTheTypeAndTheMarkerOnTheItemsLine() {
    // a single-quoted string drops the leading blanks of its lines, so its items are flow mappings
    roundTrip("cm.yaml", """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: g
        data:
          ds.yaml: 'apiVersion: 1

            datasources:

            - {name: AMP, type: prometheus, jsonData: {sigV4Auth: true, sigV4Region: eu-west-1}}

            - {name: It''s Loki, type: loki}

            '
        """, """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: g
        data:
          ds.yaml: 'apiVersion: 1

            datasources:

            - {name: AMP, type: grafana-amazonprometheus-datasource, jsonData: {sigV4Auth: true, sigV4Region: eu-west-1, prometheus-type-migration: true}}

            - {name: It''s Loki, type: loki}

            '
        """);
  }

  @Test
  void aNewLineCannotBeWrittenIntoASingleQuotedStringExactly() {
    String text = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: g
        data:
          ds.yaml: 'apiVersion: 1

            datasources: [{name: AMP, type: prometheus, jsonData: {sigV4Auth: true}}]'
        """;
    InnerText inner = read("cm.yaml", text).units().get(0).inner();
    assertThat(inner.text()).isEqualTo("apiVersion: 1\ndatasources: [{name: AMP, type: prometheus, jsonData:"
        + " {sigV4Auth: true}}]");
    int end = inner.text().indexOf("}}]");
    assertThatThrownBy(() -> inner.edit(end, end, "\n  prometheus-type-migration: true"))
        .hasMessage("a new line cannot be written into a single-quoted string exactly");
    assertThat(inner.edit(end, end, ", it's: true")).isEqualTo(
        new InnerText.OuterEdit(text.indexOf("}}]"), text.indexOf("}}]"), ", it''s: true"));
  }

  // ---- folded ------------------------------------------------------------------------------------------------

  @Test
  void aFoldedBlockIsReadButRefusedWithTheReasonWhileTheFilesOtherStringsMigrate() {
    String folded = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: folded
        data:
          ds.yaml: >
            apiVersion: 1

            datasources:

              - name: AMP
                type: prometheus
                jsonData:
                  sigV4Auth: true
                  sigV4Region: eu-west-1
        """;
    SourceFile file = read("cm.yaml", folded);
    assertThat(file.units()).hasSize(1);
    assertThat(file.units().get(0).inner().editable()).isFalse();
    assertThat(file.units().get(0).file().dataSources()).hasSize(1);

    String before = folded + "---\n" + CONFIG_MAP;
    MigrationResult result = FORWARD.migrate("cm.yaml", before);
    assertThat(result.refusal()).isNull();
    assertThat(result.newText()).isEqualTo(folded + "---\n" + CONFIG_MAP_AFTER);
    List<Diagnostic> refused = refusals(result);
    assertThat(refused).hasSize(1);
    assertThat(refused.get(0).message()).isEqualTo("the data sources in this string are left as they are: a folded"
        + " block scalar (>): its line breaks are folded into spaces, so an edit would re-fold the text; write it as a"
        + " literal block (|)");
    assertThat(refused.get(0).path()).isEqualTo("data[\"ds.yaml\"]");
    assertThat(refused.get(0).line()).isEqualTo(6);
  }

  // ---- Secrets -----------------------------------------------------------------------------------------------

  private static final String INNER_B64 = java.util.Base64.getEncoder().encodeToString("""
      apiVersion: 1
      datasources:
        - name: AMP
          type: prometheus
          jsonData:
            sigV4Auth: true
          secureJsonData:
            sigV4SecretKey: base64-inner-secret
      """.getBytes(java.nio.charset.StandardCharsets.UTF_8));

  @Test
  void aSidecarSecretsStringDataMigratesAndItsBase64DataIsLeftWithTheReason() {
    String before = """
        apiVersion: v1
        kind: Secret
        metadata:
          name: grafana-datasources
          labels:
            grafana_datasource: "1"
        type: Opaque
        stringData:
          ds.yaml: |-
            apiVersion: 1
            datasources:
              - name: AMP
                type: prometheus
                jsonData:
                  sigV4Auth: true
                  sigV4Region: eu-west-1
                secureJsonData:
                  sigV4SecretKey: string-data-secret
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: encoded
        type: Opaque
        data:
          b64.yaml: %s
        """.formatted(INNER_B64);
    SourceFile file = read("secret.yaml", before);
    assertThat(file.units()).extracting(Unit::shape, u -> u.path().toString())
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Shape.SIDECAR_FILE, "stringData[\"ds.yaml\"]"),
            org.assertj.core.groups.Tuple.tuple(Shape.STRING_FILE, "data[\"b64.yaml\"]"));

    MigrationResult result = FORWARD.migrate("secret.yaml", before);
    assertThat(result.refusal()).isNull();
    assertThat(result.newText()).isEqualTo(before
        .replace("type: prometheus", "type: " + AMP)
        .replace("sigV4Region: eu-west-1\n", "sigV4Region: eu-west-1\n          prometheus-type-migration: true\n"));
    assertThat(moved(result)).containsExactly("stringData[\"ds.yaml\"] ▸ datasources[0] prometheus -> " + AMP);
    List<Diagnostic> refused = refusals(result);
    assertThat(refused).hasSize(1);
    assertThat(refused.get(0).message()).isEqualTo("the data sources in this string are left as they are: a base64"
        + " value (b64.yaml): promshift reads it but rewrites it only when asked (--rewrite-base64)");
    assertThat(refused.get(0).path()).isEqualTo("data[\"b64.yaml\"]");
    assertThat(refused.get(0).line()).isEqualTo(26);
    assertThat(refused.get(0).column()).isEqualTo(13);
    assertThat(REVERSE.migrate("secret.yaml", result.newText()).newText()).isEqualTo(before);
  }

  @Test
  void aSecretWithDataAndStringDataForOneKeyReadsBothAndMigratesTheStringData() {
    String before = """
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
        """.formatted(INNER_B64);
    assertThat(read("secret.yaml", before).units()).extracting(u -> u.path().toString())
        .containsExactly("data[\"ds.yaml\"]", "stringData[\"ds.yaml\"]");
    MigrationResult result = FORWARD.migrate("secret.yaml", before);
    assertThat(result.refusal()).isNull();
    assertThat(moved(result)).containsExactly("stringData[\"ds.yaml\"] ▸ datasources[0] prometheus -> " + AMP);
    assertThat(refusals(result)).extracting(Diagnostic::path).containsExactly("data[\"ds.yaml\"]");
    assertThat(result.newText()).isEqualTo(before
        .replace("    type: prometheus", "    type: " + AMP)
        .replace("sigV4Region: eu-west-1\n", "sigV4Region: eu-west-1\n          prometheus-type-migration: true\n"));
    assertThat(REVERSE.migrate("secret.yaml", result.newText()).newText()).isEqualTo(before);
  }

  // ---- strings that are not a provisioning file yet, or not strings ------------------------------------------

  @Test
  void aTemplatedStringIsRefusedAtItsTemplateTagAndAnotherConfigMapOfTheStreamMigrates() {
    String templated = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: templated
        data:
          datasources.yaml: |
            apiVersion: 1
            datasources:
            {{- if .Values.amp }}
              - name: AMP
                type: prometheus
            {{- end }}
        """;
    String before = templated + "---\n" + CONFIG_MAP;
    SourceFile file = read("cm.yaml", before);
    assertThat(file.units()).hasSize(1);
    assertThat(file.problems()).hasSize(1);
    UnitProblem problem = file.problems().get(0);
    assertThat(problem.path()).hasToString("data[\"datasources.yaml\"]");
    assertThat(problem.error().position().line()).as("the {{- if line of the outer file").isEqualTo(9);
    assertThat(problem.error().position().column()).isEqualTo(5);

    MigrationResult result = FORWARD.migrate("cm.yaml", before);
    assertThat(result.refusal()).isNull();
    assertThat(result.newText()).isEqualTo(templated + "---\n" + CONFIG_MAP_AFTER);
    List<Diagnostic> template = result.notices().stream().filter(n -> n.code() == Code.TEMPLATE).toList();
    assertThat(template).hasSize(1);
    assertThat(template.get(0).line()).isEqualTo(9);
    assertThat(template.get(0).column()).isEqualTo(5);
    assertThat(template.get(0).path()).isEqualTo("data[\"datasources.yaml\"]");
    assertThat(REVERSE.migrate("cm.yaml", result.newText()).newText()).isEqualTo(before);
  }

  @Test
  void aListOfBytesWhereAFileIsExpectedIsReportedAndNeverCrashes() {
    String text = """
        apiVersion: v1
        kind: Secret
        metadata:
          name: bytes
        stringData:
          datasources.yaml: [97, 112, 105, 86, 101, 114, 115, 105, 111, 110]
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: flow
        stringData: {datasources.yaml: [1, 2, 3]}
        """;
    SourceFile file = read("secret.yaml", text);
    assertThat(file.units()).isEmpty();
    assertThat(file.problems()).extracting(p -> p.path().toString(), p -> p.error().position().toString())
        .containsExactly(org.assertj.core.groups.Tuple.tuple("stringData[\"datasources.yaml\"]", "6:21"),
            org.assertj.core.groups.Tuple.tuple("stringData[\"datasources.yaml\"]", "12:32"));
    assertThat(file.problems().get(0).error().problem()).isEqualTo("stringData[\"datasources.yaml\"] is a list, not a"
        + " string: Kubernetes refuses a Secret whose files are not strings, so Grafana never gets this file");

    MigrationResult result = FORWARD.migrate("secret.yaml", text);
    assertThat(result.refusal()).isNull();
    assertThat(result.newText()).isEqualTo(text);
    assertThat(result.notices()).extracting(Diagnostic::line).containsExactly(6, 12);
  }

  // ---- compose, cloud-init, Ansible --------------------------------------------------------------------------

  @Test
  void composeConfigsContent() {
    String before = """
        services:
          grafana:
            image: grafana/grafana:12.0.0
            configs:
              - source: datasources
                target: /etc/grafana/provisioning/datasources/ds.yaml
        configs:
          datasources:
            content: |
              apiVersion: 1
              datasources:
                - name: AMP
                  type: prometheus
                  url: ${AMP_URL:-https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1}
                  jsonData:
                    sigV4Auth: true
                    sigV4Region: eu-west-1
        """;
    assertThat(read("compose.yaml", before).units()).extracting(Unit::shape).containsExactly(Shape.STRING_FILE);
    MigrationResult result = roundTrip("compose.yaml", before, """
        services:
          grafana:
            image: grafana/grafana:12.0.0
            configs:
              - source: datasources
                target: /etc/grafana/provisioning/datasources/ds.yaml
        configs:
          datasources:
            content: |
              apiVersion: 1
              datasources:
                - name: AMP
                  type: grafana-amazonprometheus-datasource
                  url: ${AMP_URL:-https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1}
                  jsonData:
                    sigV4Auth: true
                    sigV4Region: eu-west-1
                    prometheus-type-migration: true
        """);
    assertThat(moved(result)).containsExactly("configs.datasources.content ▸ datasources[0] prometheus -> " + AMP);
  }

  @Test
  void cloudInitWriteFilesContent() {
    String before = """
        #cloud-config
        write_files:
          - path: /etc/grafana/provisioning/datasources/amp.yaml
            permissions: '0644'
            content: |
              apiVersion: 1
              datasources:
                - name: AMP
                  type: prometheus
                  jsonData:
                    sigV4Auth: true
                    sigV4Region: eu-west-1
        runcmd:
          - systemctl restart grafana-server
        """;
    assertThat(read("user-data.yaml", before).units()).extracting(Unit::shape).containsExactly(Shape.STRING_FILE);
    MigrationResult result = roundTrip("user-data.yaml", before, """
        #cloud-config
        write_files:
          - path: /etc/grafana/provisioning/datasources/amp.yaml
            permissions: '0644'
            content: |
              apiVersion: 1
              datasources:
                - name: AMP
                  type: grafana-amazonprometheus-datasource
                  jsonData:
                    sigV4Auth: true
                    sigV4Region: eu-west-1
                    prometheus-type-migration: true
        runcmd:
          - systemctl restart grafana-server
        """);
    assertThat(moved(result)).containsExactly("write_files[0].content ▸ datasources[0] prometheus -> " + AMP);
  }

  @Test
  void ansibleCopyContent() {
    String before = """
        - name: Provision data sources
          hosts: grafana
          tasks:
            - name: Write the provisioning file
              ansible.builtin.copy:
                dest: /etc/grafana/provisioning/datasources/amp.yml
                content: |
                  apiVersion: 1
                  datasources:
                    - name: AMP
                      type: prometheus
                      jsonData:
                        sigV4Auth: true
                        sigV4Region: eu-west-1
              notify: restart grafana
        """;
    assertThat(read("playbook.yml", before).units()).extracting(Unit::shape).containsExactly(Shape.STRING_FILE);
    MigrationResult result = roundTrip("playbook.yml", before, """
        - name: Provision data sources
          hosts: grafana
          tasks:
            - name: Write the provisioning file
              ansible.builtin.copy:
                dest: /etc/grafana/provisioning/datasources/amp.yml
                content: |
                  apiVersion: 1
                  datasources:
                    - name: AMP
                      type: grafana-amazonprometheus-datasource
                      jsonData:
                        sigV4Auth: true
                        sigV4Region: eu-west-1
                        prometheus-type-migration: true
              notify: restart grafana
        """);
    assertThat(moved(result)).containsExactly(
        "[0].tasks[0][\"ansible.builtin.copy\"].content ▸ datasources[0] prometheus -> " + AMP);
  }
}
