package io.promshift.migrate;

import static io.promshift.migrate.MigrationHarness.forward;
import static io.promshift.migrate.MigrationHarness.refused;
import static io.promshift.migrate.MigrationHarness.unchanged;
import static org.assertj.core.api.Assertions.assertThat;

import io.promshift.model.MigrationState;
import io.promshift.model.ProvisioningFile;
import io.promshift.model.ProvisioningReader;
import io.promshift.syntax.ReadSettings;
import io.promshift.text.SourceText;
import org.junit.jupiter.api.Test;

class ForwardMigrationTest {

  @Test
  void sigV4SourceMovesToTheAmazonPluginWithTheMarkerAfterItsLastJsonDataEntry() {
    MigrationResult result = forward("""
        apiVersion: 1
        datasources:
          - name: AMP
            type: prometheus
            jsonData:
              sigV4Auth: true
              sigV4Region: eu-west-1 # Ireland

            # trailing comment stays
            editable: false
        """, """
        apiVersion: 1
        datasources:
          - name: AMP
            type: grafana-amazonprometheus-datasource
            jsonData:
              sigV4Auth: true
              sigV4Region: eu-west-1 # Ireland
              prometheus-type-migration: true

            # trailing comment stays
            editable: false
        """);
    assertThat(result.changes()).singleElement().satisfies(change -> {
      assertThat(change.dataSource()).isEqualTo("\"AMP\"");
      assertThat(change.position().line()).isEqualTo(3);
      assertThat(change.fromType()).isEqualTo("prometheus");
      assertThat(change.toType()).isEqualTo("grafana-amazonprometheus-datasource");
      assertThat(change.marker()).isEqualTo(Change.MarkerAction.ADDED);
    });
  }

  @Test
  void azureCredentialsWinOverSigV4AsInGrafana() {
    forward("""
        apiVersion: 1
        datasources:
        - name: both
          type: 'prometheus'
          jsonData:
            sigV4Auth: true
            azureCredentials:
              authType: msi
        """, """
        apiVersion: 1
        datasources:
        - name: both
          type: 'grafana-azureprometheus-datasource'
          jsonData:
            sigV4Auth: true
            azureCredentials:
              authType: msi
            prometheus-type-migration: true
        """);
  }

  @Test
  void quotedTaggedAndAnchoredTypesKeepTheirStyle() {
    forward("""
        apiVersion: 1
        datasources:
          - {name: a, type: "prometheus", jsonData: {sigV4Auth: True}}
          - {name: b, type: !!str prometheus, jsonData: {sigV4Auth: TRUE, sigV4Region: us-east-1}}
          - {name: c, type: &t prometheus, jsonData: {}}
        """, """
        apiVersion: 1
        datasources:
          - {name: a, type: "grafana-amazonprometheus-datasource", jsonData: {sigV4Auth: True, prometheus-type-migration: true}}
          - {name: b, type: !!str grafana-amazonprometheus-datasource, jsonData: {sigV4Auth: TRUE, sigV4Region: us-east-1, prometheus-type-migration: true}}
          - {name: c, type: &t prometheus, jsonData: {}}
        """);
  }

  @Test
  void stringsYaml11WordsAndNumbersDoNotQualifyAndSaySoAsStatusDoes() {
    MigrationResult result = unchanged("""
        apiVersion: 1
        datasources:
          - {name: quoted, type: prometheus, jsonData: {sigV4Auth: "true"}}
          - {name: yes, type: prometheus, jsonData: {sigV4Auth: yes}}
          - {name: on, type: prometheus, jsonData: {sigV4Auth: on}}
          - {name: one, type: prometheus, jsonData: {sigV4Auth: 1}}
          - {name: env, type: prometheus, jsonData: {sigV4Auth: $SIGV4}}
        """);
    assertThat(result.notices()).extracting(n -> n.code().id()).containsExactly("sigv4auth-not-boolean",
        "sigv4auth-not-boolean", "sigv4auth-not-boolean", "sigv4auth-not-boolean", "sigv4auth-placeholder");
    assertThat(result.notices().get(1).message()).contains("YAML 1.1 word yes").endsWith("run promshift fix first (it"
        + " writes sigV4Auth: true), then migrate");
    assertThat(result.notices().get(0).message()).endsWith("run promshift fix first (it writes sigV4Auth: true), then"
        + " migrate");
    assertThat(result.notices().get(3).message()).isEqualTo("\"one\" will not migrate: sigV4Auth is the number 1,"
        + " not the boolean true: the editor shows the notice, but requests are not signed and the migration skips"
        + " it; write sigV4Auth: true (unquoted)");
    ProvisioningFile file = new ProvisioningReader(ReadSettings.DEFAULTS).read(SourceText.of("t.yaml", result.newText()));
    for (int i = 0; i < result.notices().size(); i++) {
      assertThat(result.notices().get(i).message()).as("the reason status gives")
          .endsWith(MigrationState.of(file.dataSources().get(i)).reason());
    }
  }

  @Test
  void aMarkerAlreadyThereIsSetInPlaceNeverDuplicated() {
    MigrationResult result = MigrationHarness.FORWARD.migrate("t.yaml", """
        apiVersion: 1
        datasources:
          - name: a
            type: prometheus
            jsonData:
              prometheus-type-migration: "false"
              sigV4Auth: true
        """);
    assertThat(result.newText()).isEqualTo("""
        apiVersion: 1
        datasources:
          - name: a
            type: grafana-amazonprometheus-datasource
            jsonData:
              prometheus-type-migration: true
              sigV4Auth: true
        """);
  }

  @Test
  void aMergedSigV4AuthQualifiesAndTheMarkerGoesIntoTheSourcesOwnMap() {
    forward("""
        apiVersion: 1
        x-aws: &aws
          sigV4Auth: true
          sigV4AuthType: default
        datasources:
          - name: a
            type: prometheus
            jsonData:
              <<: *aws
              sigV4Region: eu-west-1
          - name: b
            type: prometheus
            jsonData:
              <<: *aws
              sigV4Auth: false
        """, """
        apiVersion: 1
        x-aws: &aws
          sigV4Auth: true
          sigV4AuthType: default
        datasources:
          - name: a
            type: grafana-amazonprometheus-datasource
            jsonData:
              <<: *aws
              sigV4Region: eu-west-1
              prometheus-type-migration: true
          - name: b
            type: prometheus
            jsonData:
              <<: *aws
              sigV4Auth: false
        """);
  }

  @Test
  void jsonDataThatIsOnlyAnAliasBecomesALocalMapWithAMergeKey() {
    forward("""
        apiVersion: 1
        x-aws: &aws
          sigV4Auth: true
        datasources:
          - name: a
            type: prometheus
            jsonData: *aws
          - name: b
            type: loki
            jsonData: *aws
        """, """
        apiVersion: 1
        x-aws: &aws
          sigV4Auth: true
        datasources:
          - name: a
            type: grafana-amazonprometheus-datasource
            jsonData:
              <<: *aws
              prometheus-type-migration: true
          - name: b
            type: loki
            jsonData: *aws
        """);
  }

  @Test
  void aSharedJsonDataMapIsEditedOnceWhenAllItsUsersMove() {
    forward("""
        apiVersion: 1
        datasources:
          - name: a
            type: prometheus
            jsonData: &aws
              sigV4Auth: true
          - name: b
            type: prometheus
            jsonData: *aws
        """, """
        apiVersion: 1
        datasources:
          - name: a
            type: grafana-amazonprometheus-datasource
            jsonData: &aws
              sigV4Auth: true
              prometheus-type-migration: true
          - name: b
            type: grafana-amazonprometheus-datasource
            jsonData: *aws
        """);
  }

  @Test
  void theOwnerOfAnAnchorThatSomethingElseUsesIsRefused() {
    MigrationResult result = refused("""
        apiVersion: 1
        datasources:
          - name: a
            type: prometheus
            jsonData: &aws
              sigV4Auth: true
          - name: b
            type: loki
            jsonData: *aws
        """);
    assertThat(result.refusal().message()).contains("\"a\"").contains("line 9");
    assertThat(result.refusal().position().line()).isEqualTo(5);
  }

  @Test
  void anAliasedTypeBecomesAPlainScalar() {
    // the one shape reverse cannot restore byte for byte: it writes the plain type back, same data
    MigrationResult result = MigrationHarness.FORWARD.migrate("t.yaml", """
        apiVersion: 1
        x-type: &prom prometheus
        datasources:
          - name: a
            type: *prom
            jsonData: {sigV4Auth: true}
        """);
    assertThat(result.newText()).isEqualTo("""
        apiVersion: 1
        x-type: &prom prometheus
        datasources:
          - name: a
            type: grafana-amazonprometheus-datasource
            jsonData: {sigV4Auth: true, prometheus-type-migration: true}
        """);
  }

  @Test
  void aTypeFromAMergeKeyIsOverriddenLocally() {
    forward("""
        apiVersion: 1
        x-amp: &amp
          type: prometheus
        datasources:
          - <<: *amp
            name: a
            jsonData:
              sigV4Auth: true
        """, """
        apiVersion: 1
        x-amp: &amp
          type: prometheus
        datasources:
          - <<: *amp
            name: a
            jsonData:
              sigV4Auth: true
            type: grafana-amazonprometheus-datasource
        """.replace("      sigV4Auth: true\n    type", "      sigV4Auth: true\n      prometheus-type-migration: true\n    type"));
  }

  @Test
  void duplicateKeysAndTemplatesAreRefusedUntouched() {
    assertThat(refused("datasources:\n  - name: a\n    name: b\n").refusal().message()).contains("duplicate key");
    assertThat(refused("datasources:\n  - name: {{ .Values.name }}\n").refusal().position().line()).isEqualTo(2);
  }

  @Test
  void aFixedVersionIsWarnedAbout() {
    MigrationResult result = MigrationHarness.FORWARD.migrate("t.yaml",
        "apiVersion: 1\ndatasources:\n  - {name: a, type: prometheus, version: 3, jsonData: {sigV4Auth: true}}\n");
    assertThat(result.notices()).extracting(n -> n.code().id()).containsExactly("fixed-version");
  }

  @Test
  void amazonOnlyRunSaysWhyItSkipsASourceThatQualifiesForBoth() {
    Migrator amazonOnly = new Migrator(MigrationOptions.forward().only(Target.AMAZON).build());
    MigrationResult result = amazonOnly.migrate("t.yaml",
        "apiVersion: 1\ndatasources:\n  - {name: a, type: prometheus, jsonData: {sigV4Auth: true, azureCredentials: {authType: msi}}}\n");
    assertThat(result.changed()).isFalse();
    assertThat(result.notices()).singleElement().satisfies(n -> {
      assertThat(n.code()).isEqualTo(io.promshift.rules.Code.SKIPPED_TARGET);
      assertThat(n.message()).contains("Azure first");
    });
  }

  @Test
  void legacyVersionZeroUsesJsonDataSnakeCaseAndOnlyTheFirstDocument() {
    MigrationResult result = forward("""
        datasources:
          - name: legacy
            type: prometheus
            json_data:
              sigV4Auth: true
        ---
        datasources:
          - name: second
            type: prometheus
            json_data:
              sigV4Auth: true
        """, """
        datasources:
          - name: legacy
            type: grafana-amazonprometheus-datasource
            json_data:
              sigV4Auth: true
              prometheus-type-migration: true
        ---
        datasources:
          - name: second
            type: prometheus
            json_data:
              sigV4Auth: true
        """);
    assertThat(result.notices()).extracting(n -> n.code().id()).contains("later-documents");
  }

  @Test
  void crlfBomAstralCharactersAndNoFinalNewline() {
    String before = "\uFEFF# 🚀 déploiement\r\napiVersion: 1\r\ndatasources:\r\n  - name: 📈\r\n    type: prometheus\r\n    jsonData:\r\n      sigV4Auth: true";
    String after = "\uFEFF# 🚀 déploiement\r\napiVersion: 1\r\ndatasources:\r\n  - name: 📈\r\n    type: grafana-amazonprometheus-datasource\r\n    jsonData:\r\n      sigV4Auth: true\r\n      prometheus-type-migration: true";
    MigrationResult result = MigrationHarness.FORWARD.migrate("t.yaml", before.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(new String(result.newBytes(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(after);
    MigrationResult back = MigrationHarness.REVERSE.migrate("t.yaml", result.newBytes());
    assertThat(back.newBytes()).isEqualTo(before.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void keepChompedBlockScalarAsTheLastValueKeepsItsLines() {
    forward("""
        apiVersion: 1
        datasources:
          - name: a
            type: prometheus
            jsonData:
              sigV4Auth: true
              note: |+
                kept


            editable: true
        """, """
        apiVersion: 1
        datasources:
          - name: a
            type: grafana-amazonprometheus-datasource
            jsonData:
              sigV4Auth: true
              note: |+
                kept


              prometheus-type-migration: true
            editable: true
        """);
  }

  @Test
  void nestedLastValuesAndIndentlessSequencesWithFourSpaces() {
    forward("""
        apiVersion: 1
        datasources:
        -   name: a
            type: prometheus
            jsonData:
                sigV4Auth: true
                exemplarTraceIdDestinations:
                -   name: traceID
                    datasourceUid: tempo
        # end
        """, """
        apiVersion: 1
        datasources:
        -   name: a
            type: grafana-amazonprometheus-datasource
            jsonData:
                sigV4Auth: true
                exemplarTraceIdDestinations:
                -   name: traceID
                    datasourceUid: tempo
                prometheus-type-migration: true
        # end
        """);
  }

  @Test
  void aFileThatNeedsNoChangeComesBackIdentical() {
    unchanged("# nothing to do\napiVersion: 1\ndatasources:\n  - name: loki\n    type: loki\n");
    unchanged("apiVersion: 1\nproviders: []\n");
  }
}
