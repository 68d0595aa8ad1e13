package io.promshift.migrate;

import static io.promshift.migrate.MigrationHarness.forward;
import static io.promshift.migrate.MigrationHarness.unchanged;

import org.junit.jupiter.api.Test;

/**
 * Files that only go-yaml's tokens read (see syntax.GoYamlScannerTest) migrate by their spans like any other:
 * the values read back from the file stay exactly as written.
 */
class GoYamlTokensMigrationTest {

  @Test
  void flowValuesThatOnlyGoYamlReadsSurviveTheEdit() {
    forward("""
        apiVersion: 1
        datasources:
          - name: AMP
            type: prometheus
            jsonData: {sigV4Auth: true, list: [a, -], tagged: [!t, x], link: a:}
        """, """
        apiVersion: 1
        datasources:
          - name: AMP
            type: grafana-amazonprometheus-datasource
            jsonData: {sigV4Auth: true, list: [a, -], tagged: [!t, x], link: a:, prometheus-type-migration: true}
        """);
  }

  @Test
  void anAliasKeyAndAnEmptyBlockScalarAsGoYamlReadsThem() {
    forward("""
        apiVersion: 1
        key: &k sigV4Auth
        datasources:
          - name: AMP
            type: prometheus
            jsonData:
              note: |
                        \s
              *k: true
        """, """
        apiVersion: 1
        key: &k sigV4Auth
        datasources:
          - name: AMP
            type: grafana-amazonprometheus-datasource
            jsonData:
              note: |
                        \s
              *k: true
              prometheus-type-migration: true
        """);
  }

  @Test
  void aKeyWithAColonBeforeTheCommaIsAnotherKey() {
    // go-yaml's keys are "sigV4Auth:" (null) and "sigV4Auth" (true): no duplicate, and the source migrates
    forward("""
        apiVersion: 1
        datasources:
          - name: AMP
            type: prometheus
            jsonData: {sigV4Auth:, sigV4Auth: true}
        """, """
        apiVersion: 1
        datasources:
          - name: AMP
            type: grafana-amazonprometheus-datasource
            jsonData: {sigV4Auth:, sigV4Auth: true, prometheus-type-migration: true}
        """);
    unchanged("""
        apiVersion: 1
        datasources:
          - name: AMP
            type: prometheus
            jsonData: {region: eu, sigV4Auth:}
        """);
  }
}
