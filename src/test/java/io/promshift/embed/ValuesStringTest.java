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

/**
 * Helm values written as a string (Argo CD's {@code helm.values}): its data sources are found as in a values file and
 * edited inside the string, two levels down, byte for byte.
 */
class ValuesStringTest {
  private static final ProvisioningReader PROVISIONING = new ProvisioningReader(ReadSettings.DEFAULTS);
  private static final Migrator FORWARD = new Migrator(PROVISIONING, MigrationOptions.forward().build());
  private static final Migrator REVERSE = new Migrator(PROVISIONING, MigrationOptions.reverse().build());

  private static final String APPLICATION = """
      apiVersion: argoproj.io/v1alpha1
      kind: Application
      metadata:
        name: monitoring
      spec:
        source:
          chart: kube-prometheus-stack
          helm:
            values: |
              grafana:
                additionalDataSources:
                  - name: AMP
                    type: prometheus
                    jsonData:
                      sigV4Auth: yes
                      sigV4Region: eu-west-1
                datasources:
                  datasources.yaml:
                    apiVersion: 1
                    datasources:
                      - name: Loki
                        type: loki
      """;

  @Test
  void theValuesUnitsAreFoundWithTheirPathInsideTheString() {
    SourceFile file = new SourceReader(PROVISIONING, UnitSettings.AUTO).read(SourceText.of("app.yaml", APPLICATION));
    assertThat(file.units()).extracting(Unit::shape).containsExactly(Shape.KPS_ADDITIONAL, Shape.CHART_VALUES);
    Unit amp = file.units().get(0);
    assertThat(amp.describeItem(amp.file().dataSources().get(0)))
        .isEqualTo("spec.source.helm.values ▸ grafana.additionalDataSources[0]");
    assertThat(amp.outer(amp.file().position(amp.file().dataSources().get(0).node()))).hasToString("12:15");
    List<Diagnostic> findings = Validator.create().validate(file);
    assertThat(findings).anySatisfy(f -> {
      assertThat(f.rule()).isEqualTo("yaml11-bool-outer");
      assertThat(f.position()).hasToString("15:28");
      assertThat(f.path()).isEqualTo("spec.source.helm.values ▸ grafana.additionalDataSources[0].jsonData.sigV4Auth");
    });
  }

  @Test
  void migratesInsideTheValuesStringAndComesBackByteForByte() {
    MigrationResult result = FORWARD.migrate("app.yaml", APPLICATION);
    assertThat(result.refusal()).isNull();
    assertThat(result.newText()).isEqualTo(APPLICATION
        .replace("type: prometheus", "type: grafana-amazonprometheus-datasource")
        .replace("                sigV4Region: eu-west-1\n",
            "                sigV4Region: eu-west-1\n                prometheus-type-migration: true\n"));
    assertThat(FORWARD.migrate("app.yaml", result.newText()).changed()).isFalse();
    assertThat(REVERSE.migrate("app.yaml", result.newText()).newText()).isEqualTo(APPLICATION);
  }
}
