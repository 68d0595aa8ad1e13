package io.promshift.embed;

import static org.assertj.core.api.Assertions.assertThat;

import io.promshift.migrate.MigrationOptions;
import io.promshift.migrate.MigrationResult;
import io.promshift.migrate.Migrator;
import io.promshift.model.ProvisioningReader;
import io.promshift.syntax.ReadSettings;
import io.promshift.text.SourceText;
import org.junit.jupiter.api.Test;

/**
 * Crossplane provider-grafana's {@code DataSource}: Terraform's keys under {@code spec.forProvider}, its jsonData a
 * JSON string; the type and the JSON member are edited where they are written.
 */
class CrossplaneTest {
  private static final ProvisioningReader PROVISIONING = new ProvisioningReader(ReadSettings.DEFAULTS);
  private static final Migrator FORWARD = new Migrator(PROVISIONING, MigrationOptions.forward().build());
  private static final Migrator REVERSE = new Migrator(PROVISIONING, MigrationOptions.reverse().build());

  private static final String RESOURCE = """
      apiVersion: oss.grafana.crossplane.io/v1alpha1
      kind: DataSource
      metadata:
        name: amp
      spec:
        forProvider:
          name: AMP
          type: prometheus
          url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1
          accessMode: proxy
          jsonDataEncoded: |
            {"sigV4Auth": true, "sigV4Region": "eu-west-1", "httpMethod": "POST"}
        providerConfigRef:
          name: grafana
      """;

  @Test
  void theItemIsReadWithItsJsonDataFromTheString() {
    SourceFile file = new SourceReader(PROVISIONING, UnitSettings.AUTO).read(SourceText.of("ds.yaml", RESOURCE));
    Unit unit = file.units().get(0);
    assertThat(unit.shape()).isEqualTo(Shape.CROSSPLANE);
    assertThat(unit.shape().delivery()).isEqualTo(Delivery.PROVIDER_POLL);
    var ds = unit.file().dataSources().get(0);
    assertThat(ds.jsonData()).hasValueSatisfying(json -> assertThat(json.get("sigV4Auth").orElseThrow().isTrue())
        .isTrue());
    assertThat(unit.describe("/datasources/0/jsonData/sigV4Region"))
        .isEqualTo("spec.forProvider.jsonDataEncoded.sigV4Region");
    assertThat(unit.file().position(ds.jsonData().orElseThrow().entry("sigV4Region").orElseThrow().valueNode()))
        .hasToString("12:42");
  }

  @Test
  void migratesTheTypeAndTheJsonStringAndComesBack() {
    MigrationResult result = FORWARD.migrate("ds.yaml", RESOURCE);
    assertThat(result.refusal()).isNull();
    assertThat(result.newText()).isEqualTo(RESOURCE
        .replace("type: prometheus", "type: grafana-amazonprometheus-datasource")
        .replace("\"httpMethod\": \"POST\"}", "\"httpMethod\": \"POST\", \"prometheus-type-migration\": true}"));
    assertThat(FORWARD.migrate("ds.yaml", result.newText()).changed()).isFalse();
    assertThat(REVERSE.migrate("ds.yaml", result.newText()).newText()).isEqualTo(RESOURCE);
  }

  @Test
  void aTerraformExpressionWhereTheJsonShouldBeIsReportedAndLeft() {
    String generated = RESOURCE.replace("jsonDataEncoded: |\n      {\"sigV4Auth\": true, \"sigV4Region\": \"eu-west-1\","
        + " \"httpMethod\": \"POST\"}", "jsonDataEncoded: ${jsonencode({sigV4Auth = true})}");
    SourceFile file = new SourceReader(PROVISIONING, UnitSettings.AUTO).read(SourceText.of("ds.yaml", generated));
    assertThat(file.problems()).singleElement().satisfies(problem ->
        assertThat(problem.error().problem()).contains("not a JSON object"));
    assertThat(FORWARD.migrate("ds.yaml", generated).changed()).isFalse();
  }
}
