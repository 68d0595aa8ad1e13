package io.promshift.rules;

import static io.promshift.rules.Validation.all;
import static io.promshift.rules.Validation.at;
import static io.promshift.rules.Validation.findings;
import static io.promshift.rules.Validation.only;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Warnings Grafana logs or hides, migration state and YAML 1.1 words: each failing and passing, at line:col. */
class DataSourceHygieneRulesTest {

  @Test
  void uidGrafanaDoesNotAccept() {
    assertThat(at("uid-invalid", """
        apiVersion: 1
        datasources:
          - name: A
            uid: my uid!
          - name: B
            uid: aaaaaaaaaabbbbbbbbbbccccccccccddddddddddX
        """)).containsExactly("4:10 warning", "6:10 warning");
    assertThat(only("uid-invalid", "apiVersion: 1\ndatasources:\n  - name: A\n    uid: my uid!\n").fix())
        .endsWith("e.g. my-uid");
    assertThat(at("uid-invalid", """
        apiVersion: 1
        datasources:
          - name: A
            uid: amp-prod_1
          - name: B
            uid: aaaaaaaaaabbbbbbbbbbccccccccccdddddddddd
          - name: C
            uid: ${UID}
        """)).isEmpty();
  }

  @Test
  void accessNeitherProxyNorDirect() {
    assertThat(at("access-invalid", """
        apiVersion: 1
        datasources:
          - name: A
            access: browser
          - name: B
            access: Proxy
        """)).containsExactly("4:13 warning", "6:13 warning");
    assertThat(at("access-invalid", """
        apiVersion: 1
        datasources:
          - name: A
            access: proxy
          - name: B
            access: direct
          - name: C
            access: ""
        """)).isEmpty();
  }

  @Test
  void keysGrafanaIgnoresWhereTheyAreWritten() {
    String yaml = """
        apiVersion: 1
        delete_datasources:
          - name: old
        datasources:
          - name: A
            is_default: true
            sigV4Region: eu-west-1
            password: hunter2hunter2
            json_data:
              httpMethod: POST
        """;
    assertThat(at("misplaced-key", yaml)).containsExactly("2:1 warning", "6:5 warning", "7:5 warning",
        "8:5 warning", "9:5 warning");
    assertThat(findings(yaml)).allSatisfy(f -> assertThat(f.message()).doesNotContain("hunter2"));
    assertThat(at("misplaced-key", """
        datasources:
          - name: A
            uid: a
            jsonData:
              sigV4Auth: true
        """)).as("version 0 ignores camelCase keys and has no uid").containsExactly("3:5 warning", "4:5 warning");
    assertThat(at("misplaced-key", """
        apiVersion: 1
        deleteDatasources:
          - name: old
        datasources:
          - name: A
            isDefault: true
            jsonData:
              httpMethod: POST
            secureJsonData:
              password: $__env{PW}
        """)).isEmpty();
  }

  @Test
  void yaml11Words() {
    assertThat(at("yaml11-bool", """
        apiVersion: 1
        prune: yes
        datasources:
          - name: Tempo
            type: tempo
            jsonData:
              nodeGraph:
                enabled: yes
              tracesToLogsV2:
                filterByTraceID: off
            correlations:
              - target: {enabled: n}
        """)).containsExactly("2:8 warning", "8:18 warning", "10:26 warning", "12:27 warning");
    assertThat(at("yaml11-bool", """
        datasources:
          - name: Legacy
            is_default: yes
            basic_auth: off
        """)).containsExactly("3:17 warning", "4:17 warning");
    assertThat(at("yaml11-bool", """
        apiVersion: 1
        prune: true
        datasources:
          - name: Tempo
            type: tempo
            jsonData:
              nodeGraph:
                enabled: true
              note: "yes"
        """)).isEmpty();
  }

  @Test
  void aYaml11WordWhereTheSchemaAlreadyReportsGivesWay() {
    assertThat(all(findings("""
        apiVersion: 1
        datasources:
          - name: P
            type: prometheus
            jsonData:
              manageAlerts: yes
        """))).containsExactly("6:21 error schema");
  }

  @Test
  void migrationPendingAndMigrated() {
    assertThat(at("migration-pending", """
        apiVersion: 1
        datasources:
          - name: AMP
            type: prometheus
            jsonData:
              sigV4Auth: true
              sigV4Region: eu-west-1
          - name: Azure
            type: prometheus
            jsonData:
              azureCredentials:
                authType: msi
              sigV4Auth: true
              sigV4Region: eu-west-1
        """)).containsExactly("4:11 info", "9:11 info");
    assertThat(only("migration-pending", """
        apiVersion: 1
        datasources:
          - name: Azure
            type: prometheus
            jsonData:
              azureCredentials:
                authType: msi
        """).message()).contains("grafana-azureprometheus-datasource", "azureCredentials");
    assertThat(at("migrated", """
        apiVersion: 1
        datasources:
          - name: AMP
            type: grafana-amazonprometheus-datasource
            jsonData:
              sigV4Auth: true
              sigV4Region: eu-west-1
              prometheus-type-migration: true
        """)).containsExactly("8:34 info");
    assertThat(all(findings("""
        apiVersion: 1
        datasources:
          - name: AMP
            type: grafana-amazonprometheus-datasource
            jsonData:
              sigV4Auth: true
              sigV4Region: eu-west-1
              prometheus-type-migration: false
          - name: Plain
            type: prometheus
            jsonData:
              sigV4Auth: false
              azureCredentials: null
        """))).isEmpty();
  }

  @Test
  void fixedVersionOnASourceTheMigrationChanges() {
    assertThat(at("fixed-version-migrated", """
        apiVersion: 1
        datasources:
          - name: AMP
            type: prometheus
            version: 3
            jsonData:
              sigV4Auth: true
              sigV4Region: eu-west-1
        """)).containsExactly("5:14 warning");
    assertThat(at("fixed-version-migrated", """
        apiVersion: 1
        datasources:
          - name: Plain
            type: prometheus
            version: 3
          - name: AMP
            type: prometheus
            version: 0
            jsonData:
              sigV4Auth: true
              sigV4Region: eu-west-1
        """)).isEmpty();
  }

  @Test
  void placeholdersInAVersionZeroFileAreNotExpanded() {
    assertThat(at("placeholder-not-expanded", """
        datasources:
          - name: A
            url: http://$PROM_HOST:9090
            secure_json_data:
              basicAuthPassword: ${PW}
        """)).containsExactly("3:10 warning", "5:26 warning");
    assertThat(at("placeholder-not-expanded", """
        apiVersion: 1
        datasources:
          - name: A
            url: http://$PROM_HOST:9090
          - name: B
            url: http://prometheus:9090/?q=$$x
        """)).isEmpty();
  }

  @Test
  void aVersionZeroPlaceholderTheSchemaRejectsIsOneError() {
    assertThat(all(findings("""
        datasources:
          - name: A
            type: prometheus
            json_data:
              httpMethod: $METHOD
        """))).containsExactly("5:19 error schema");
    Diagnostic sigV4 = only("sigv4-auth-not-boolean", """
        datasources:
          - name: A
            json_data:
              sigV4Auth: $SIGV4
        """);
    assertThat(sigV4.position()).hasToString("4:18");
    assertThat(sigV4.message()).contains("version-0 file", "does not expand");
  }
}
