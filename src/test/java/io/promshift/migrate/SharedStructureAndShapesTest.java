package io.promshift.migrate;

import static io.promshift.migrate.MigrationHarness.forward;
import static io.promshift.migrate.MigrationHarness.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.promshift.Promshift;
import io.promshift.model.ProvisioningFile;
import io.promshift.report.UnifiedDiff;
import io.promshift.text.SourceException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SharedStructureAndShapesTest {

  @Test
  void anAnchoredTypeSharedWithASourceThatDoesNotMoveIsRefused() {
    MigrationResult result = refused("""
        apiVersion: 1
        datasources:
          - name: amp
            type: &prom prometheus
            jsonData: {sigV4Auth: true}
          - name: plain
            type: *prom
        """);
    assertThat(result.refusal().message()).contains("type of \"amp\" is anchored (&prom)").contains("line 7");
    assertThat(result.refusal().position()).hasToString("4:17");
  }

  @Test
  void anAnchoredTypeSharedOnlyBySourcesThatMoveTogetherIsEditedOnce() {
    forward("""
        apiVersion: 1
        datasources:
          - name: a
            type: &prom prometheus
            jsonData: {sigV4Auth: true}
          - name: b
            type: *prom
            jsonData: {sigV4Auth: true, sigV4Region: us-east-1}
        """, """
        apiVersion: 1
        datasources:
          - name: a
            type: &prom grafana-amazonprometheus-datasource
            jsonData: {sigV4Auth: true, prometheus-type-migration: true}
          - name: b
            type: *prom
            jsonData: {sigV4Auth: true, sigV4Region: us-east-1, prometheus-type-migration: true}
        """);
  }

  @Test
  void thePlannersRefusalIsOfItsOwnKindNotAReadingError() {
    ProvisioningFile file = Promshift.create().read("t.yaml", """
        apiVersion: 1
        datasources:
          - {name: a, type: &prom prometheus, jsonData: {sigV4Auth: true}}
          - {name: b, type: *prom}
        """);
    assertThatThrownBy(() -> new MigrationPlanner(file, MigrationOptions.forward().build()).plan())
        .isInstanceOfSatisfying(SourceException.class,
            e -> assertThat(e.kind()).isEqualTo(SourceException.Kind.UNEDITABLE));
  }

  @Test
  void sourcesSharingATypeButMovingToDifferentPluginsAreRefused() {
    refused("""
        apiVersion: 1
        datasources:
          - {name: a, type: &prom prometheus, jsonData: {sigV4Auth: true}}
          - {name: b, type: *prom, jsonData: {azureCredentials: {authType: msi}}}
        """);
  }

  @Test
  void aBlockScalarEndingTheFileWithoutALineBreakCannotBeFollowedSoTheFileIsRefused() {
    // any line after "note: |" at EOF would turn its value "x" into "x\n": refused, with the source named
    MigrationResult result = refused("apiVersion: 1\ndatasources:\n  - name: a\n    type: prometheus\n"
        + "    jsonData:\n      sigV4Auth: true\n      note: |\n        x");
    assertThat(result.refusal().message()).startsWith("cannot edit \"a\"");
    assertThat(result.refusal().position().line()).isEqualTo(3);
  }

  @Test
  void amazonAndAzureInOneFile() {
    forward("""
        apiVersion: 1
        datasources:
          - name: aws
            type: prometheus
            jsonData:
              sigV4Auth: true
          - name: azure
            type: prometheus
            jsonData:
              azureCredentials: {authType: workloadidentity}
          - name: plain
            type: prometheus
        """, """
        apiVersion: 1
        datasources:
          - name: aws
            type: grafana-amazonprometheus-datasource
            jsonData:
              sigV4Auth: true
              prometheus-type-migration: true
          - name: azure
            type: grafana-azureprometheus-datasource
            jsonData:
              azureCredentials: {authType: workloadidentity}
              prometheus-type-migration: true
          - name: plain
            type: prometheus
        """);
  }

  @Test
  void documentMarkersAndDirectivesStay() {
    forward("""
        %YAML 1.1
        ---
        apiVersion: 1
        datasources:
          - name: a
            type: prometheus
            jsonData:
              sigV4Auth: true
        ...
        """, """
        %YAML 1.1
        ---
        apiVersion: 1
        datasources:
          - name: a
            type: grafana-amazonprometheus-datasource
            jsonData:
              sigV4Auth: true
              prometheus-type-migration: true
        ...
        """);
  }

  @Test
  void commentLinesInsideJsonDataStayAndTheMarkerFollowsTheLastEntry() {
    forward("""
        apiVersion: 1
        datasources:
          - name: a
            type: prometheus   # core type
            jsonData:
              # signing
              sigV4Auth: true
              # region below
              sigV4Region: eu-west-1
              # a comment after the last entry, at the entries' indentation
            # a comment at the source's indentation
        """, """
        apiVersion: 1
        datasources:
          - name: a
            type: grafana-amazonprometheus-datasource   # core type
            jsonData:
              # signing
              sigV4Auth: true
              # region below
              sigV4Region: eu-west-1
              prometheus-type-migration: true
              # a comment after the last entry, at the entries' indentation
            # a comment at the source's indentation
        """);
  }

  @Test
  void multiLineFlowJsonDataKeepsItsLines() {
    forward("""
        apiVersion: 1
        datasources:
          - name: a
            type: prometheus
            jsonData: {
              sigV4Auth: true,
              sigV4Region: eu-west-1
            }
        """, """
        apiVersion: 1
        datasources:
          - name: a
            type: grafana-amazonprometheus-datasource
            jsonData: {
              sigV4Auth: true,
              sigV4Region: eu-west-1, prometheus-type-migration: true
            }
        """);
  }

  @Test
  void theDiffMasksSecretsEvenInContextLines() {
    MigrationResult result = MigrationHarness.FORWARD.migrate("t.yaml", """
        apiVersion: 1
        datasources:
          - name: a
            type: prometheus
            secureJsonData:
              sigV4SecretKey: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
            jsonData:
              sigV4AccessKey: AKIAIOSFODNN7EXAMPLE
              sigV4Auth: true
        """);
    String diff = UnifiedDiff.of(result);
    assertThat(diff).contains("+    type: grafana-amazonprometheus-datasource")
        .doesNotContain("wJalrXUtnFEMI").doesNotContain("AKIAIOSFODNN7EXAMPLE").contains("sigV4SecretKey: ••••••");
  }

  @Test
  void oneMigratorServesManyFilesInParallelWithTheSameResults() throws Exception {
    List<String> files = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      files.add("apiVersion: 1\ndatasources:\n  - name: s" + i + "\n    type: prometheus\n    jsonData:\n      sigV4Auth: "
          + (i % 3 == 0 ? "yes" : "true") + "\n");
    }
    List<String> sequential = files.stream().map(f -> MigrationHarness.FORWARD.migrate("f.yaml", f).newText()).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> parallel = new ArrayList<>();
      for (String file : files) {
        parallel.add(pool.submit((Callable<String>) () -> MigrationHarness.FORWARD.migrate("f.yaml", file).newText()));
      }
      for (int i = 0; i < files.size(); i++) {
        assertThat(parallel.get(i).get()).isEqualTo(sequential.get(i));
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(sequential.get(0)).isEqualTo(files.get(0));
    assertThat(sequential.get(1)).contains("grafana-amazonprometheus-datasource");
  }
}
