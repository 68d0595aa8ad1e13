package io.promshift.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.promshift.embed.FixedTypeAdvice;
import io.promshift.embed.Shape;
import io.promshift.embed.SourceFile;
import io.promshift.embed.SourceReader;
import io.promshift.embed.Unit;
import io.promshift.embed.UnitSettings;
import io.promshift.model.ProvisioningReader;
import io.promshift.syntax.ReadSettings;
import io.promshift.testing.Corpus;
import io.promshift.text.SourceText;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules a unit's shape adds (embedded-shapes S1, S3, S5, S6, §1.3, §1.4): each fails at the outer file's
 * line:column with the value's YAML path, and stays silent where the definition is right.
 */
class ShapeRulesTest {
  private static final SourceReader READER = new SourceReader(new ProvisioningReader(ReadSettings.DEFAULTS),
      UnitSettings.AUTO);
  private static final Validator VALIDATOR = Validator.create();

  private static SourceFile read(String yaml) {
    return READER.read(SourceText.of("values.yaml", yaml));
  }

  private static List<Diagnostic> validate(String yaml) {
    return VALIDATOR.validate(read(yaml));
  }

  /** {@code line:col severity rule path} of every finding. */
  private static List<String> all(List<Diagnostic> findings) {
    return findings.stream().map(f -> f.position() + " " + f.severity().label() + " " + f.rule() + " " + f.path())
        .toList();
  }

  /** {@code line:col severity path} of one rule's findings. */
  private static List<String> at(String rule, List<Diagnostic> findings) {
    return findings.stream().filter(f -> f.rule().equals(rule))
        .map(f -> f.position() + " " + f.severity().label() + " " + f.path()).toList();
  }

  private static Diagnostic only(String rule, List<Diagnostic> findings) {
    List<Diagnostic> matching = findings.stream().filter(f -> f.rule().equals(rule)).toList();
    assertThat(matching).as("one %s in %s", rule, findings).hasSize(1);
    return matching.get(0);
  }

  private static List<String> rules(List<Diagnostic> findings) {
    return findings.stream().map(Diagnostic::rule).toList();
  }

  // ---- S1 grafana chart values

  @Test
  void chartFileWhoseNameGrafanaDoesNotRead() {
    List<Diagnostic> findings = validate("""
        datasources:
          datasources:
            apiVersion: 1
            datasources:
              - name: Loki
                type: loki
                url: http://loki:3100
        """);
    Diagnostic finding = only("chart-file-name", findings);
    assertThat(finding.position()).hasToString("2:3");
    assertThat(finding.severity()).isEqualTo(Severity.ERROR);
    assertThat(finding.path()).isEqualTo("datasources.datasources");
    assertThat(finding.message()).contains("\"datasources\"", ".yaml or .yml", "its data source is never provisioned");
    assertThat(finding.fix()).isEqualTo("rename the key to \"datasources.yaml\"");
  }

  @Test
  void chartFileNameBeforeTheSecretWrapperAndTheCaseOfItsExtension() {
    List<Diagnostic> findings = validate("""
        grafana:
          datasources:
            ds.json:
              secret:
                apiVersion: 1
                datasources:
                  - name: A
                    type: loki
                  - name: B
                    type: loki
            DS.YAML:
              apiVersion: 1
              datasources:
                - name: C
                  type: loki
        """);
    assertThat(at("chart-file-name", findings)).containsExactly(
        "3:5 error grafana.datasources[\"ds.json\"]", "11:5 error grafana.datasources[\"DS.YAML\"]");
    assertThat(findings.get(0).message()).contains("its 2 data sources are never provisioned");
    assertThat(findings.get(1).fix()).isEqualTo("rename the key to \"DS.yaml\"");
  }

  @Test
  void chartFilesThatGrafanaReads() {
    assertThat(all(validate("""
        datasources:
          datasources.yaml:
            apiVersion: 1
            datasources:
              - name: A
                type: loki
          more.yml:
            secret:
              apiVersion: 1
              datasources:
                - name: B
                  type: loki
        """))).isEmpty();
  }

  @Test
  void chartDocumentWithoutApiVersionIsVersionZeroWhereJsonDataAndIsDefaultAreIgnored() {
    List<Diagnostic> findings = validate("""
        datasources:
          datasources.yaml:
            datasources:
              - name: AMP
                type: prometheus
                isDefault: true
                jsonData:
                  sigV4Auth: true
        """);
    assertThat(at("misplaced-key", findings)).containsExactly(
        "6:9 warning datasources[\"datasources.yaml\"].datasources[0].isDefault",
        "7:9 warning datasources[\"datasources.yaml\"].datasources[0].jsonData");
    assertThat(findings.get(0).message()).contains("no apiVersion", "version 0", "is_default");
    assertThat(findings.get(1).message()).contains("version 0", "json_data");
  }

  @Test
  void itemsUnitsAlwaysHaveApiVersionOneSoSnakeCaseKeysAreIgnored() {
    List<Diagnostic> kps = validate("""
        grafana:
          additionalDataSources:
            - name: A
              type: prometheus
              is_default: false
              json_data:
                timeInterval: 30s
        """);
    assertThat(at("misplaced-key", kps)).containsExactly(
        "5:7 warning grafana.additionalDataSources[0].is_default",
        "6:7 warning grafana.additionalDataSources[0].json_data");
    assertThat(kps.get(0).message()).contains("apiVersion 1", "isDefault");
    assertThat(at("misplaced-key", validate("""
        grafana_datasources:
          - name: A
            type: prometheus
            org_id: 1
        """))).containsExactly("4:5 warning grafana_datasources[0].org_id");
  }

  // ---- S3 kube-prometheus-stack

  @Test
  void additionalDefaultNextToTheChartsOwnDefault() {
    List<Diagnostic> findings = validate("""
        grafana:
          additionalDataSources:
            - name: Loki
              type: loki
            - name: AMP
              type: prometheus
              isDefault: yes
        """);
    Diagnostic finding = only("chart-two-defaults", findings);
    assertThat(finding.position()).hasToString("7:18");
    assertThat(finding.severity()).isEqualTo(Severity.ERROR);
    assertThat(finding.path()).isEqualTo("grafana.additionalDataSources[1].isDefault");
    assertThat(finding.message()).contains("grafana.additionalDataSources[1] (line 5)",
        "chart default (grafana.sidecar.datasources.isDefaultDatasource, default true)", "refuses to start");
    assertThat(finding.fix()).contains("isDefault: false", "grafana.sidecar.datasources.isDefaultDatasource: false");
  }

  @Test
  void twoDefaultsUnderACarrierAndWithAQuotedTrue() {
    // Grafana reads isDefault as text and ParseBool: "true" is true too
    List<Diagnostic> findings = validate("""
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        spec:
          values:
            grafana:
              sidecar:
                datasources:
                  isDefaultDatasource: true
              additionalDataSources:
                - name: AMP
                  type: prometheus
                  isDefault: "true"
        """);
    assertThat(at("chart-two-defaults", findings))
        .containsExactly("12:22 error spec.values.grafana.additionalDataSources[0].isDefault");
    assertThat(findings.get(0).message()).contains("spec.values.grafana.sidecar.datasources.isDefaultDatasource");
  }

  @Test
  void noTwoDefaultsWhenTheChartDefaultIsOffOrTheItemIsNotDefault() {
    for (String sidecar : List.of("defaultDatasourceEnabled: false", "isDefaultDatasource: no",
        "isDefaultDatasource: \"false\"", "enabled: false")) {
      assertThat(rules(validate("""
          grafana:
            sidecar:
              datasources:
                %s
            additionalDataSources:
              - name: AMP
                type: prometheus
                isDefault: true
          """.formatted(sidecar)))).as(sidecar).doesNotContain("chart-two-defaults");
    }
    assertThat(rules(validate("""
        grafana:
          additionalDataSources:
            - name: A
              type: prometheus
              isDefault: false
            - name: B
              type: prometheus
              isDefault: true
              orgId: 2
            - name: C
              type: prometheus
        """))).doesNotContain("chart-two-defaults");
  }

  @Test
  void extraJsonDataRepeatsKeysTheChartWrites() {
    List<Diagnostic> findings = validate("""
        grafana:
          sidecar:
            datasources:
              url: http://prometheus:9090
              timeout: 30
              extraJsonData:
                httpMethod: GET
                timeInterval: 15s
                timeout: 60
                customQueryParameters: a=b
                prometheusType: Prometheus
        """);
    assertThat(at("chart-duplicate-jsondata", findings)).containsExactly(
        "7:9 error grafana.sidecar.datasources.extraJsonData.httpMethod",
        "8:9 error grafana.sidecar.datasources.extraJsonData.timeInterval",
        "9:9 error grafana.sidecar.datasources.extraJsonData.timeout");
    Diagnostic method = findings.get(0);
    assertThat(method.message()).contains("extraJsonData.httpMethod", "grafana.sidecar.datasources.httpMethod",
        "twice", "does not start");
    assertThat(method.fix()).isEqualTo(
        "remove httpMethod from extraJsonData and set grafana.sidecar.datasources.httpMethod instead");
    assertThat(findings.get(1).fix()).contains("defaultDatasourceScrapeInterval");
  }

  @Test
  void extraJsonDataWithOnlyItsOwnKeys() {
    assertThat(rules(validate("""
        grafana:
          sidecar:
            datasources:
              url: http://prometheus:9090
              customQueryParameters: ""
              extraJsonData:
                customQueryParameters: a=b
                prometheusType: Prometheus
        """))).doesNotContain("chart-duplicate-jsondata");
  }

  @Test
  void chartsOwnDefaultWithSigV4HasAFixedType() {
    String values = """
        grafana:
          sidecar:
            datasources:
              uid: amp
              url: https://aps-workspaces.us-east-1.amazonaws.com/workspaces/ws-1/
              extraJsonData:
                sigV4Auth: true
                sigV4Region: us-east-1
        """;
    List<Diagnostic> findings = validate(values);
    Diagnostic finding = only("fixed-type", findings);
    assertThat(finding.position()).hasToString("4:7");
    assertThat(finding.severity()).isEqualTo(Severity.ERROR);
    assertThat(finding.path()).isEqualTo("grafana.sidecar.datasources");
    Unit unit = read(values).units().stream().filter(u -> u.shape() == Shape.KPS_DEFAULT).findFirst().orElseThrow();
    assertThat(finding.message()).as("one wording with migrate")
        .isEqualTo(FixedTypeAdvice.message(unit, "grafana-amazonprometheus-datasource"));
    assertThat(finding.message()).contains("defaultDatasourceEnabled: false", "grafana.additionalDataSources");
    assertThat(rules(findings)).as("it cannot be migrated in the file: no migrate advice")
        .doesNotContain("migration-pending");
  }

  @Test
  void chartsOwnDefaultWithoutSigV4() {
    assertThat(rules(validate("""
        grafana:
          sidecar:
            datasources:
              url: http://prometheus:9090
        """))).doesNotContain("fixed-type");
  }

  // ---- S5, S6 grafana-operator

  @Test
  void operatorV5FieldsTheCrdDoesNotHave() {
    List<Diagnostic> findings = validate("""
        apiVersion: grafana.integreatly.org/v1beta1
        kind: GrafanaDatasource
        metadata:
          name: prom
        spec:
          datasource:
            name: Prometheus
            type: prometheus
            url: http://prometheus:9090
            withCredentials: true
            version: 2
            correlations: []
            password: hunter2
            basicAuthPassword: hunter2
            is_default: true
            isDefault: true
        """);
    assertThat(at("pruned-field", findings)).containsExactly(
        "10:5 warning spec.datasource.withCredentials", "11:5 warning spec.datasource.version",
        "12:5 warning spec.datasource.correlations", "13:5 warning spec.datasource.password",
        "14:5 warning spec.datasource.basicAuthPassword", "15:5 warning spec.datasource.is_default");
    assertThat(findings.get(0).message()).contains("withCredentials", "GrafanaDatasource", "Kubernetes drops it");
    assertThat(only("pruned-field", findings.subList(3, 4)).fix())
        .isEqualTo("move it to secureJsonData.password (with spec.valuesFrom to take it from a Secret)");
    assertThat(rules(findings)).as("what Grafana would do with a field it never gets is moot")
        .doesNotContain("misplaced-key");
    assertThat(findings.stream().map(Diagnostic::message)).noneMatch(m -> m.contains("hunter2"));
  }

  @Test
  void operatorV4KeysTheTypedCrdDoesNotList() {
    List<Diagnostic> findings = validate("""
        apiVersion: integreatly.org/v1alpha1
        kind: GrafanaDataSource
        metadata:
          name: prom
        spec:
          datasources:
            - name: Prometheus
              type: prometheus
              is_default: true
              withCredentials: true
              jsonData:
                timeInterval: 5s
                sigV4Endpoint: https://example.com
                prometheus-type-migration: true
              secureJsonData:
                sigV4SessionToken: abc
                sigV4SecretKey: def
        """);
    assertThat(at("pruned-field", findings)).containsExactly(
        "9:7 warning spec.datasources[0].is_default",
        "13:9 warning spec.datasources[0].jsonData.sigV4Endpoint",
        "14:9 warning spec.datasources[0].jsonData.prometheus-type-migration",
        "16:9 warning spec.datasources[0].secureJsonData.sigV4SessionToken");
    assertThat(findings.get(0).fix()).isEqualTo("rename it to isDefault");
    assertThat(findings.stream().filter(f -> f.path().endsWith("sigV4Endpoint")).map(Diagnostic::rule))
        .as("a pruned key's other findings are moot").containsExactly("pruned-field");
    assertThat(findings.stream().filter(f -> f.path().endsWith("prometheus-type-migration")).findFirst().orElseThrow().message())
        .contains("the migration marker cannot be stored here");
  }

  @Test
  void operatorV4CustomJsonDataKeepsAnyKey() {
    assertThat(rules(validate("""
        apiVersion: integreatly.org/v1alpha1
        kind: GrafanaDataSource
        metadata:
          name: prom
        spec:
          datasources:
            - name: Prometheus
              type: prometheus
              jsonData:
                anything: 1
              customJsonData:
                anything: 1
              customSecureJsonData:
                whatever: x
        """))).doesNotContain("pruned-field");
  }

  @Test
  void placeholdersOnTheOperatorsApiPath() {
    List<Diagnostic> findings = validate("""
        apiVersion: grafana.integreatly.org/v1beta1
        kind: GrafanaDatasource
        metadata:
          name: amp
        spec:
          valuesFrom:
            - targetPath: secureJsonData.sigV4SecretKey
              valueFrom:
                secretKeyRef:
                  name: aws
                  key: SECRET
          datasource:
            name: AMP
            type: grafana-amazonprometheus-datasource
            url: ${AMP_URL}
            isDefault: ${DEFAULT}
            jsonData:
              sigV4Auth: true
              sigV4AuthType: keys
              sigV4Region: $__env{AWS_REGION}
            secureJsonData:
              sigV4AccessKey: $__file{/etc/aws/key}
              sigV4SecretKey: ${SECRET}
              sigV4SessionToken: s3cr$tvalue
        """);
    assertThat(all(findings)).containsExactly(
        "15:10 warning api-variable spec.datasource.url",
        "16:16 warning api-variable spec.datasource.isDefault",
        "20:20 error api-grafana-placeholder spec.datasource.jsonData.sigV4Region",
        "22:23 error api-grafana-placeholder spec.datasource.secureJsonData.sigV4AccessKey",
        "24:26 warning api-variable spec.datasource.secureJsonData.sigV4SessionToken");
    assertThat(findings.get(0).message()).contains("url holds ${AMP_URL}", "HTTP API stores as written",
        "Flux postBuild substitution");
    assertThat(findings.get(0).fix()).contains("targetPath: url");
    assertThat(findings.get(2).message()).contains("\"$__env{AWS_REGION}\"", "provisioning file", "HTTP API");
    assertThat(findings.get(3).message()).as("a placeholder names where a secret is: shown")
        .contains("$__file{/etc/aws/key}");
    assertThat(findings.get(4).message()).as("a secret that merely holds a $ is not shown")
        .contains("holds a variable").doesNotContain("s3cr", "tvalue");
  }

  @Test
  void aValuesFromTargetSubstitutesOnlyItsOwnKey() {
    List<Diagnostic> findings = validate("""
        apiVersion: grafana.integreatly.org/v1beta1
        kind: GrafanaDatasource
        metadata:
          name: prom
        spec:
          valuesFrom:
            - targetPath: 'jsonData.exemplarTraceIdDestinations[0].name'
              valueFrom:
                configMapKeyRef:
                  name: settings
                  key: traceId
          datasource:
            name: Prometheus
            type: prometheus
            url: http://prometheus:9090
            jsonData:
              exemplarTraceIdDestinations:
                - name: ${OTHER}
        """);
    Diagnostic finding = only("api-variable", findings);
    assertThat(finding.position()).hasToString("18:17");
    assertThat(finding.message()).contains("${OTHER}", "spec.valuesFrom at this path substitutes only ${traceId}");
  }

  @Test
  void theSamePlaceholdersInAFileTheOperatorWritesAreGrafanas() {
    assertThat(rules(validate("""
        apiVersion: integreatly.org/v1alpha1
        kind: GrafanaDataSource
        metadata:
          name: amp
        spec:
          datasources:
            - name: AMP
              type: grafana-amazonprometheus-datasource
              url: ${AMP_URL}
              jsonData:
                sigV4Auth: true
                sigV4Region: $__env{AWS_REGION}
        """))).doesNotContain("api-variable", "api-grafana-placeholder");
  }

  // ---- the outer reader: Helm templates and YAML 1.1 words

  @Test
  void helmTemplateWhereGrafanaNeedsABoolean() {
    List<Diagnostic> findings = validate("""
        datasources:
          datasources.yaml:
            apiVersion: 1
            datasources:
              - name: AMP
                type: prometheus
                url: https://aps-workspaces.us-east-1.amazonaws.com/workspaces/ws-1/
                jsonData:
                  sigV4Auth: "{{ .Values.sigv4 }}"
                  sigV4Region: us-east-1
                  tlsSkipVerify: '{{ .Values.insecure }}'
        """);
    assertThat(all(findings)).containsExactly(
        "9:22 warning template-boolean datasources[\"datasources.yaml\"].datasources[0].jsonData.sigV4Auth",
        "11:26 warning template-boolean datasources[\"datasources.yaml\"].datasources[0].jsonData.tlsSkipVerify");
    assertThat(findings.get(0).message()).contains("sigV4Auth is the Helm template \"{{ .Values.sigv4 }}\"",
        "toYaml", "quoted string 'true'", "does not sign");
    assertThat(findings.get(0).fix()).contains("sigV4Auth: true (or false)");
  }

  @Test
  void helmTemplateInAVersionZeroGoBoolStopsGrafana() {
    List<Diagnostic> findings = validate("""
        datasources:
          datasources.yaml:
            datasources:
              - name: A
                type: loki
                is_default: "{{ .Values.default }}"
        """);
    Diagnostic finding = only("template-boolean", findings);
    assertThat(finding.position()).hasToString("6:21");
    assertThat(finding.severity()).isEqualTo(Severity.ERROR);
    assertThat(finding.message()).contains("Go bool", "does not start");
    assertThat(rules(findings)).doesNotContain("schema");
  }

  @Test
  void helmTemplatesElsewhereAreValuesHelmDecides() {
    List<Diagnostic> findings = validate("""
        grafana:
          additionalDataSources:
            - name: "{{ .Release.Name }}-prometheus"
              type: prometheus
              url: http://{{ .Release.Name }}-prometheus:9090/api/v1
              isDefault: '{{ .Values.isDefault }}'
              jsonData:
                sigV4Auth: true
                sigV4Region: "{{ .Values.region }}"
        """);
    assertThat(all(findings)).containsExactly(
        "4:13 info migration-pending grafana.additionalDataSources[0].type",
        "6:18 info placeholder-unchecked grafana.additionalDataSources[0].isDefault");
    assertThat(findings.get(1).message()).contains("the template \"{{ .Values.isDefault }}\"",
        "rendered by Helm (tpl) before Grafana reads it");
  }

  @Test
  void jinjaTemplatesInAnsibleVarsAreValuesJinjaDecides() {
    List<Diagnostic> findings = validate("""
        grafana_datasources:
          - name: AMP
            type: prometheus
            jsonData:
              sigV4Auth: "{{ amp_sigv4 }}"
              sigV4Region: "{{ aws_region }}"
        """);
    assertThat(rules(findings)).doesNotContain("template-boolean", "sigv4-auth-not-boolean", "schema");
    assertThat(only("placeholder-unchecked", findings).message()).contains("rendered by Ansible (Jinja)");
  }

  @Test
  void yesThatTheOuterReaderMakesABoolean() {
    List<Diagnostic> findings = validate("""
        grafana:
          additionalDataSources:
            - name: AMP
              type: prometheus
              editable: on
              jsonData:
                sigV4Auth: yes
                sigV4Region: us-east-1
                quoted: "yes"
        """);
    assertThat(at("yaml11-bool-outer", findings)).containsExactly(
        "5:17 info grafana.additionalDataSources[0].editable",
        "7:20 info grafana.additionalDataSources[0].jsonData.sigV4Auth");
    assertThat(findings.stream().filter(f -> f.rule().equals("yaml11-bool-outer")).findFirst().orElseThrow()
        .message()).contains("editable: on", "Helm reads it as true",
            "Grafana receives true", "the string \"on\"");
    assertThat(rules(findings)).as("the file-shape rule is for words Grafana reads itself")
        .doesNotContain("yaml11-bool").contains("migration-pending");
    assertThat(at("yaml11-bool-outer", validate("""
        apiVersion: grafana.integreatly.org/v1beta1
        kind: GrafanaDatasource
        metadata:
          name: a
        spec:
          datasource:
            name: A
            type: loki
            basicAuth: off
        """))).containsExactly("9:16 info spec.datasource.basicAuth");
  }

  @Test
  void inAPlainFileTheSameWordIsGrafanasString() {
    List<Diagnostic> findings = validate("""
        apiVersion: 1
        datasources:
          - name: A
            type: loki
            jsonData:
              tlsSkipVerify: yes
        """);
    assertThat(rules(findings)).contains("yaml11-bool").doesNotContain("yaml11-bool-outer");
  }

  // ---- the corpus

  @Test
  void everyEmbeddedCorpusFileValidatesWithEachFindingInTheOuterFile() {
    for (Path file : Corpus.files("embedded")) {
      assertThatCode(() -> {
        SourceFile source = READER.read(file);
        for (Diagnostic finding : VALIDATOR.validate(source)) {
          assertThat(finding.line()).as("%s: %s", file, finding).isPositive();
          assertThat(finding.hasPath() || source.isPlain()).as("%s: %s", file, finding).isTrue();
        }
      }).as(file.toString()).doesNotThrowAnyException();
    }
  }

  @Test
  void thePendingMigrationSaysWhoFlipsTheTypeBackForEachShape() {
    String operator = validate("""
        apiVersion: grafana.integreatly.org/v1beta1
        kind: GrafanaDatasource
        spec:
          datasource:
            name: AMP
            type: prometheus
            jsonData:
              sigV4Auth: true
              sigV4Region: us-east-1
        """).stream().filter(f -> f.rule().equals("migration-pending")).findFirst().orElseThrow().message();
    assertThat(operator).contains("grafana-operator, still sending type: prometheus, flips it back at its next push");
    String chart = validate("""
        grafana:
          additionalDataSources:
            - name: AMP
              type: prometheus
              jsonData:
                sigV4Auth: true
                sigV4Region: us-east-1
        """).stream().filter(f -> f.rule().equals("migration-pending")).findFirst().orElseThrow().message();
    assertThat(chart).contains("the file the chart renders", "k8s-sidecar");
  }

  // ---- the file around the units

  @Test
  void aKeyWrittenTwiceInValuesIsAWarningWithBothPositionsAndTheLastWins() {
    List<Diagnostic> findings = validate("""
        grafana:
          additionalDataSources:
            - name: AMP
              type: prometheus
              jsonData:
                sigV4Auth: false
                sigV4Region: us-east-1
                sigV4Auth: true
        """);
    Diagnostic duplicate = only("outer-duplicate-key", findings);
    assertThat(duplicate.severity()).isEqualTo(Severity.WARNING);
    assertThat(duplicate.position()).hasToString("8:9");
    assertThat(duplicate.message()).contains("\"sigV4Auth\"", "line 6, column 9", "keep this later value");
    assertThat(rules(findings)).as("the last value is the one Grafana receives: true, so it migrates")
        .contains("migration-pending").doesNotContain("duplicate-key");
  }

  @Test
  void additionalDataSourcesOutsideGrafanaOrMisspeltIsIgnoredByTheChart() {
    List<Diagnostic> findings = validate("""
        additionalDataSources:
          - name: AMP
            type: prometheus
        grafana:
          additionalDatasources:
            - name: Loki
              type: loki
        """);
    assertThat(at("chart-ignored-key", findings)).containsExactly(
        "1:1 warning additionalDataSources", "5:3 warning grafana.additionalDatasources");
    assertThat(READER.read(SourceText.of("values.yaml", "additionalDataSources:\n  - name: AMP\n")).units())
        .as("not a unit: the chart never reads it").isEmpty();
  }
}
