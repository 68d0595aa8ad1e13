package io.promshift.embed;

import static org.assertj.core.api.Assertions.assertThat;

import io.promshift.migrate.MigrationOptions;
import io.promshift.migrate.MigrationResult;
import io.promshift.migrate.Migrator;
import io.promshift.model.ProvisioningReader;
import io.promshift.rules.Diagnostic;
import io.promshift.rules.Validator;
import io.promshift.syntax.ReadSettings;
import io.promshift.text.SourceText;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Data sources in rendered output (Helm, kube-prometheus' jsonnet) are read and can be changed, with a warning. */
class GeneratedTest {
  private static final ProvisioningReader PROVISIONING = new ProvisioningReader(ReadSettings.DEFAULTS);

  private static final String RENDERED = """
      ---
      # Source: grafana/templates/configmap.yaml
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: grafana
        labels:
          helm.sh/chart: grafana-12.11.1
      data:
        datasources.yaml: |
          apiVersion: 1
          datasources:
          - name: AMP
            type: prometheus
            jsonData:
              sigV4Auth: true
              sigV4Region: us-east-1
      """;

  @Test
  void validateWarnsThatTheNextRenderOverwritesAnEdit() {
    SourceFile file = new SourceReader(PROVISIONING, UnitSettings.AUTO).read(SourceText.of("out.yaml", RENDERED));
    List<Diagnostic> findings = Validator.create().validate(file);
    assertThat(findings).filteredOn(f -> f.rule().equals("generated-file")).singleElement().satisfies(f -> {
      assertThat(f.message()).contains("helm template", "overwritten by the next render");
      assertThat(f.path()).isEqualTo("data[\"datasources.yaml\"]");
      assertThat(f.position().line()).isEqualTo(11);
    });
  }

  @Test
  void migrateChangesItAndSaysTheChangeDoesNotLast() {
    MigrationResult result = new Migrator(PROVISIONING, MigrationOptions.forward().build()).migrate("out.yaml", RENDERED);
    assertThat(result.changes()).hasSize(1);
    assertThat(result.notices()).anySatisfy(n -> assertThat(n.rule()).isEqualTo("generated-file-changed"));
  }

  @Test
  void kubePrometheusLabelsSayJsonnet() {
    String secret = """
        apiVersion: v1
        kind: Secret
        metadata:
          labels:
            app.kubernetes.io/part-of: kube-prometheus
        stringData:
          datasources.yaml: |-
            {"apiVersion": 1, "datasources": [{"name": "p", "type": "prometheus"}]}
        """;
    SourceFile file = new SourceReader(PROVISIONING, UnitSettings.AUTO).read(SourceText.of("s.yaml", secret));
    assertThat(Validator.create().validate(file)).anySatisfy(f ->
        assertThat(f.message()).contains("kube-prometheus' jsonnet"));
  }

  @Test
  void aSecretKeyInBothDataAndStringDataIsAWarning() {
    String secret = """
        apiVersion: v1
        kind: Secret
        data:
          ds.yaml: YXBpVmVyc2lvbjogMQpkYXRhc291cmNlczogW10K
        stringData:
          ds.yaml: |
            apiVersion: 1
            datasources: []
        """;
    SourceFile file = new SourceReader(PROVISIONING, UnitSettings.AUTO).read(SourceText.of("s.yaml", secret));
    assertThat(Validator.create().validate(file)).filteredOn(f -> f.rule().equals("secret-data-shadowed"))
        .singleElement().satisfies(f -> {
          assertThat(f.position()).hasToString("4:3");
          assertThat(f.message()).contains("line 6, column 3", "keeps the stringData value");
        });
  }
}
