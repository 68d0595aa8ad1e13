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
 * kube-prometheus-stack's {@code grafana.additionalDataSourcesString}: data source items written as YAML text in a
 * string, which Helm renders and indents into the file Grafana reads.
 */
class ItemsStringTest {
  private static final ProvisioningReader PROVISIONING = new ProvisioningReader(ReadSettings.DEFAULTS);
  private static final SourceReader READER = new SourceReader(PROVISIONING, UnitSettings.AUTO);
  private static final Migrator FORWARD = new Migrator(PROVISIONING, MigrationOptions.forward().build());
  private static final Migrator REVERSE = new Migrator(PROVISIONING, MigrationOptions.reverse().build());

  private static final String VALUES = """
      grafana:
        additionalDataSourcesString: |
          - name: AMP
            type: prometheus
            url: http://{{ .Release.Name }}-amp
            jsonData:
              sigV4Auth: true
              sigV4Region: eu-west-1
          - name: Loki
            type: loki
      """;

  @Test
  void theItemsAreReadWithTheirPlaceInTheFile() {
    SourceFile file = READER.read(SourceText.of("values.yaml", VALUES));
    Unit unit = file.units().get(0);
    assertThat(unit.shape()).isEqualTo(Shape.KPS_STRING);
    assertThat(unit.file().dataSources()).hasSize(2);
    assertThat(unit.outer(unit.file().position(unit.file().dataSources().get(1).node()))).hasToString("9:7");
    assertThat(unit.describeItem(unit.file().dataSources().get(1))).isEqualTo(
        "grafana.additionalDataSourcesString ▸ [1]");
  }

  @Test
  void migratesInsideTheStringAndComesBackByteForByte() {
    MigrationResult result = FORWARD.migrate("values.yaml", VALUES);
    assertThat(result.newText()).isEqualTo(VALUES
        .replace("type: prometheus", "type: grafana-amazonprometheus-datasource")
        .replace("        sigV4Region: eu-west-1\n", "        sigV4Region: eu-west-1\n        prometheus-type-migration: true\n"));
    assertThat(result.changes()).singleElement().satisfies(change ->
        assertThat(change.path()).isEqualTo("grafana.additionalDataSourcesString ▸ [0]"));
    assertThat(FORWARD.migrate("values.yaml", result.newText()).changed()).isFalse();
    assertThat(REVERSE.migrate("values.yaml", result.newText()).newText()).isEqualTo(VALUES);
  }

  @Test
  void aTemplateThatIsNotYamlIsRefusedAloneAtItsPlace() {
    String values = """
        grafana:
          additionalDataSourcesString: |
            {{- if .Values.amp }}
            - name: AMP
              type: prometheus
            {{- end }}
          additionalDataSources:
            - name: AMP2
              type: prometheus
              jsonData:
                sigV4Auth: true
        """;
    SourceFile file = READER.read(SourceText.of("values.yaml", values));
    assertThat(file.problems()).singleElement().satisfies(problem -> {
      assertThat(problem.path()).hasToString("grafana.additionalDataSourcesString");
      assertThat(problem.error().position()).hasToString("3:5");
    });
    List<Diagnostic> findings = Validator.create().validate(file);
    assertThat(findings).anySatisfy(f -> {
      assertThat(f.rule()).isEqualTo("template");
      assertThat(f.position()).hasToString("3:5");
    });
    MigrationResult result = FORWARD.migrate("values.yaml", values);
    assertThat(result.changes()).as("the other unit still migrates").hasSize(1);
    assertThat(result.notices()).anySatisfy(n -> assertThat(n.rule()).isEqualTo("template"));
  }
}
