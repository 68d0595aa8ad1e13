package io.promshift.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReverseMigrationTest {
  private static final String MIGRATED = """
      apiVersion: 1
      datasources:
        - name: migrated
          type: grafana-amazonprometheus-datasource
          jsonData:
            sigV4Auth: true
            prometheus-type-migration: true
        - name: native
          type: grafana-amazonprometheus-datasource
          jsonData:
            sigV4Auth: true
        - name: azure
          type: grafana-azureprometheus-datasource
          jsonData: {azureCredentials: {authType: msi}, prometheus-type-migration: true}
      """;

  @Test
  void markedSourcesGoBackToPrometheusAndLoseTheMarker() {
    MigrationResult result = MigrationHarness.REVERSE.migrate("t.yaml", MIGRATED);
    assertThat(result.newText()).isEqualTo("""
        apiVersion: 1
        datasources:
          - name: migrated
            type: prometheus
            jsonData:
              sigV4Auth: true
          - name: native
            type: grafana-amazonprometheus-datasource
            jsonData:
              sigV4Auth: true
          - name: azure
            type: prometheus
            jsonData: {azureCredentials: {authType: msi}}
        """);
    assertThat(result.changes()).extracting(Change::marker).containsOnly(Change.MarkerAction.REMOVED);
    assertThat(result.notices()).extracting(n -> n.code().id()).containsExactly("native-plugin-source");
  }

  @Test
  void markerCanBeSetToFalseAsGrafanasRollbackScriptDoes() {
    Migrator rollback = new Migrator(MigrationOptions.reverse().markerFalseOnReverse(true).build());
    String text = rollback.migrate("t.yaml", MIGRATED).newText();
    assertThat(text).contains("    type: prometheus\n    jsonData:\n      sigV4Auth: true\n      prometheus-type-migration: false\n");
    assertThat(text).contains("{azureCredentials: {authType: msi}, prometheus-type-migration: false}");
  }

  @Test
  void nativeSourcesMoveOnlyWhenAsked() {
    Migrator all = new Migrator(MigrationOptions.reverse().reverseUnmarked(true).build());
    String text = all.migrate("t.yaml", MIGRATED).newText();
    assertThat(text).doesNotContain("grafana-amazonprometheus-datasource");
  }

  @Test
  void reverseCanBeLimitedToOnePlugin() {
    Migrator azureOnly = new Migrator(MigrationOptions.reverse().only(Target.AZURE).build());
    MigrationResult result = azureOnly.migrate("t.yaml", MIGRATED);
    assertThat(result.changes()).extracting(Change::dataSource).containsExactly("\"azure\"");
  }
}
