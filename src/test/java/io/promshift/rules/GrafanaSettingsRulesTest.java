package io.promshift.rules;

import static io.promshift.rules.Validation.at;
import static io.promshift.rules.Validation.findings;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Grafana settings a user states change the verdicts that depend on them, and only those. */
class GrafanaSettingsRulesTest {
  private static final String EC2_ROLE = """
      apiVersion: 1
      datasources:
        - name: AMP
          type: grafana-amazonprometheus-datasource
          url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1/
          jsonData:
            sigV4Auth: true
            sigV4Region: eu-west-1
            sigV4AuthType: ec2_iam_role
            sigV4AssumeRoleArn: arn:aws:iam::123456789012:role/grafana
      """;
  private static final String KEYS = """
      apiVersion: 1
      datasources:
        - name: AMP
          type: grafana-amazonprometheus-datasource
          url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1/
          jsonData:
            sigV4Auth: true
            sigV4Region: eu-west-1
      """;
  private static final String AZURE = """
      apiVersion: 1
      datasources:
        - name: Azure
          type: prometheus
          url: https://x.westeurope.prometheus.monitor.azure.com
          jsonData:
            azureCredentials:
              authType: msi
      """;

  private static ValidationOptions grafana(GrafanaSettings settings) {
    return ValidationOptions.builder().grafana(settings).build();
  }

  @Test
  void withGrafanasDefaultAllowedProvidersEc2IamRoleIsAWarning() {
    assertThat(at("sigv4-auth-type-provider", EC2_ROLE)).containsExactly("9:22 warning");
  }

  @Test
  void aProviderTheStatedListAllowsIsNotReported() {
    List<Diagnostic> found = findings(grafana(GrafanaSettings.DEFAULTS.withAllowedAuthProviders(
        List.of("default", "ec2_iam_role"))), EC2_ROLE);
    assertThat(at("sigv4-auth-type-provider", found)).isEmpty();
  }

  @Test
  void aProviderTheStatedListLeavesOutIsAWarningNamingTheList() {
    List<Diagnostic> found = findings(grafana(GrafanaSettings.DEFAULTS.withAllowedAuthProviders(
        List.of("ec2_iam_role"))), KEYS);
    assertThat(at("sigv4-auth-type-provider", found)).containsExactly("7:18 warning");
    assertThat(found.stream().filter(f -> f.rule().equals("sigv4-auth-type-provider")).findFirst().orElseThrow()
        .message()).contains("sigV4AuthType is not set, so the provider is default", "allowed_auth_providers"
        + " (ec2_iam_role)", "trying to use non-allowed auth method default");
  }

  @Test
  void aRoleArnWithAssumeRoleDisabledIsAnError() {
    assertThat(at("sigv4-assume-role-disabled", EC2_ROLE)).as("Grafana's default allows it").isEmpty();
    List<Diagnostic> found = findings(grafana(GrafanaSettings.DEFAULTS.withAssumeRoleEnabled(false)), EC2_ROLE);
    assertThat(at("sigv4-assume-role-disabled", found)).containsExactly("10:27 error");
  }

  @Test
  void azureAuthStatedOffIsAnErrorAndUnstatedSaysNothing() {
    assertThat(at("azure-auth-disabled", AZURE)).isEmpty();
    assertThat(at("azure-auth-disabled", findings(grafana(GrafanaSettings.DEFAULTS.withAzureAuthEnabled(true)), AZURE)))
        .isEmpty();
    assertThat(at("azure-auth-disabled", findings(grafana(GrafanaSettings.DEFAULTS.withAzureAuthEnabled(false)), AZURE)))
        .containsExactly("8:9 error");
  }

  @Test
  void anExplicitForwardListWithoutTheMigratedPluginIsAnInfoWithGrafanasAdvice() {
    assertThat(at("forward-settings-missing", KEYS)).as("Grafana's default list: not judged").isEmpty();
    List<Diagnostic> found = findings(grafana(GrafanaSettings.DEFAULTS.withAwsForwardSettingsPlugins(
        List.of("cloudwatch", "prometheus"))), KEYS);
    assertThat(at("forward-settings-missing", found)).containsExactly("4:11 info");
    assertThat(found.stream().filter(f -> f.rule().equals("forward-settings-missing")).findFirst().orElseThrow().fix())
        .isEqualTo("add grafana-amazonprometheus-datasource to forward_settings_to_plugins in grafana.ini's [aws]"
            + " section");
  }

  @Test
  void aForwardListNamingThePluginSaysNothing() {
    List<Diagnostic> found = findings(grafana(GrafanaSettings.DEFAULTS.withAwsForwardSettingsPlugins(
        List.of("cloudwatch", "grafana-amazonprometheus-datasource"))), KEYS);
    assertThat(at("forward-settings-missing", found)).isEmpty();
  }

  @Test
  void aSourceTheMigrationMovesIsJudgedByThePluginItMovesTo() {
    List<Diagnostic> found = findings(grafana(GrafanaSettings.DEFAULTS.withAzureForwardSettingsPlugins(
        List.of("grafana-azure-monitor-datasource", "prometheus"))), AZURE);
    assertThat(at("forward-settings-missing", found)).containsExactly("4:11 info");
    assertThat(found.stream().filter(f -> f.rule().equals("forward-settings-missing")).findFirst().orElseThrow()
        .message()).startsWith("Grafana's type migration moves this data source to grafana-azureprometheus-datasource");
  }

  @Test
  void listsAreReadAsGrafanaSplitsThem() {
    assertThat(GrafanaSettings.split(" default, keys  ec2_iam_role,,")).containsExactly("default", "keys",
        "ec2_iam_role");
    assertThat(GrafanaSettings.split("[\"a\", \"b\"]")).containsExactly("a", "b");
  }
}
