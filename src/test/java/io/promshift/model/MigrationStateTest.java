package io.promshift.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.promshift.Promshift;
import io.promshift.model.MigrationState.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MigrationStateTest {
  private final Promshift promshift = Promshift.create();

  private MigrationState state(String type, String jsonData) {
    return state("apiVersion: 1\n", type, jsonData);
  }

  private MigrationState state(String header, String type, String jsonData) {
    String json = jsonData == null ? "" : "    jsonData: " + jsonData + "\n";
    ProvisioningFile file = promshift.read("p.yaml", header + "datasources:\n  - name: S\n    type: " + type + "\n" + json);
    return MigrationState.of(file.dataSources().get(0));
  }

  @Test
  void pendingWhenGrafanaMovesTheSourceAzureFirst() {
    MigrationState amazon = state("prometheus", "{sigV4Auth: true, sigV4Region: eu-west-1}");
    assertThat(amazon.state()).isEqualTo(State.PENDING);
    assertThat(amazon.targetType()).hasValue(PromTypeMigration.AMAZON);
    assertThat(amazon.reason()).isEqualTo("jsonData.sigV4Auth is true");

    MigrationState azure = state("prometheus", "{sigV4Auth: true, azureCredentials: {authType: msi}}");
    assertThat(azure.state()).isEqualTo(State.PENDING);
    assertThat(azure.targetType()).hasValue(PromTypeMigration.AZURE);
    assertThat(state("\"prometheus\"", "{sigV4Auth: TRUE}").state()).isEqualTo(State.PENDING);
  }

  @Test
  void migratedWhenAPluginTypeCarriesTheMarker() {
    MigrationState marked = state(PromTypeMigration.AMAZON, "{sigV4Auth: true, prometheus-type-migration: true}");
    assertThat(marked.state()).isEqualTo(State.MIGRATED);
    assertThat(marked.reason()).isEqualTo("prometheus-type-migration: true");
    assertThat(state(PromTypeMigration.AZURE, "{prometheus-type-migration: true}").state()).isEqualTo(State.MIGRATED);
    // the editor's banner tests JavaScript truthiness: the string "false" shows it too
    MigrationState stringFalse = state(PromTypeMigration.AMAZON, "{prometheus-type-migration: \"false\"}");
    assertThat(stringFalse.state()).isEqualTo(State.MIGRATED);
    assertThat(stringFalse.reason()).contains("the string \"false\"").contains("rollback looks for the boolean true");
    assertThat(state(PromTypeMigration.AMAZON, "{prometheus-type-migration: false}").state()).isEqualTo(State.NOTHING_TO_DO);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "'\"true\"'           | the string \"true\", not the boolean true | run promshift fix first",
      "yes                  | the YAML 1.1 word yes (a string for Grafana 9.4+) | run promshift fix first",
      "on                   | the YAML 1.1 word on | run promshift fix first (it writes sigV4Auth: true)",
      "1                    | the number 1 | write sigV4Auth: true (unquoted)",
      "'\"false\"'          | the string \"false\" | write sigV4Auth: false, or drop it",
      "off                  | the YAML 1.1 word off | write sigV4Auth: false, or drop it",
      "$SIGV4               | a placeholder ($SIGV4) | only if it expands to true at run time",
      "'\"${AMP_SIGV4}\"'   | a placeholder (${AMP_SIGV4}) | only if it expands to true at run time"})
  void willNotMigrateWhenTheNoticeShowsButTheMigrationSkipsIt(String value, String what, String advice) {
    MigrationState state = state("prometheus", "{sigV4Auth: " + value.strip() + "}");
    assertThat(state.state()).isEqualTo(State.WILL_NOT_MIGRATE);
    assertThat(state.reason()).contains(what.strip()).contains(advice.strip());
    assertThat(state.targetType()).isEmpty();
  }

  @Test
  void aVersionZeroFileIsNotInterpolatedSoAPlaceholderIsJustAString() {
    ProvisioningFile file = promshift.read("p.yaml", """
        datasources:
          - name: S
            type: prometheus
            json_data:
              sigV4Auth: $SIGV4
        """);
    MigrationState state = MigrationState.of(file.dataSources().get(0));
    assertThat(state.state()).isEqualTo(State.WILL_NOT_MIGRATE);
    assertThat(state.reason()).contains("the string \"$SIGV4\" (version-0 files are not interpolated)");
  }

  @Test
  void nothingToDoOtherwise() {
    assertThat(state("prometheus", null).reason()).isEqualTo("core Prometheus without SigV4 or Azure auth");
    assertThat(state("prometheus", "{sigV4Auth: false}").state()).isEqualTo(State.NOTHING_TO_DO);
    assertThat(state("prometheus", "{sigV4Auth: \"\"}").state()).isEqualTo(State.NOTHING_TO_DO);
    assertThat(state("prometheus", "{sigV4Auth: 0}").state()).isEqualTo(State.NOTHING_TO_DO);
    assertThat(state("prometheus", "{sigV4Auth: ~, azureCredentials: ~}").state()).isEqualTo(State.NOTHING_TO_DO);
    assertThat(state("loki", "{sigV4Auth: true}").reason()).isEqualTo("not a Prometheus type");
    MigrationState nativePlugin = state(PromTypeMigration.AMAZON, "{sigV4Auth: true}");
    assertThat(nativePlugin.state()).isEqualTo(State.NOTHING_TO_DO);
    assertThat(nativePlugin.reason()).contains("created as grafana-amazonprometheus-datasource");
  }
}
