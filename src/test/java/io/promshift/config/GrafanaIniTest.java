package io.promshift.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.promshift.rules.GrafanaSettings;
import io.promshift.text.SourceException;
import org.junit.jupiter.api.Test;

/** grafana.ini as Grafana's INI library reads it; only the settings that change a verdict. */
class GrafanaIniTest {
  @Test
  void theSettingsThatChangeVerdictsAreRead() {
    GrafanaIni ini = GrafanaIni.parse("grafana.ini", """
        ; a comment
        # another
        [database]
        password = """ + "\"\"\"#p;w\"\"\"" + """

        [aws]
        allowed_auth_providers = default,keys , ec2_iam_role ; inline comment
        assume_role_enabled = false
        forward_settings_to_plugins = cloudwatch prometheus

        [auth]
        azure_auth_enabled = true

        [azure]
        forward_settings_to_plugins = "grafana-azure-monitor-datasource, grafana-azureprometheus-datasource"
        """);
    GrafanaSettings settings = ini.settings();
    assertThat(settings.allowedAuthProviders()).containsExactly("default", "keys", "ec2_iam_role");
    assertThat(settings.assumeRoleEnabled()).isFalse();
    assertThat(settings.awsForwardSettingsPlugins()).containsExactly("cloudwatch", "prometheus");
    assertThat(settings.azureAuthEnabled()).isTrue();
    assertThat(settings.azureForwardSettingsPlugins()).containsExactly("grafana-azure-monitor-datasource",
        "grafana-azureprometheus-datasource");
    assertThat(ini.notes()).isEmpty();
  }

  @Test
  void aSettingNotWrittenKeepsGrafanasDefault() {
    assertThat(GrafanaIni.parse("g.ini", "[aws]\n;allowed_auth_providers = ec2_iam_role\n").settings())
        .isEqualTo(GrafanaSettings.DEFAULTS);
  }

  @Test
  void aPlaceholderIsNotExpandedAndLeavesTheDefaultWithANote() {
    GrafanaIni ini = GrafanaIni.parse("g.ini", "[aws]\nallowed_auth_providers = ${AWS_PROVIDERS}\n");
    assertThat(ini.settings().allowedAuthProviders()).isNull();
    assertThat(ini.notes()).containsExactly("g.ini:2: [aws] allowed_auth_providers is expanded when Grafana starts;"
        + " promshift does not expand it and judges with Grafana's default for it");
  }

  @Test
  void keysAreReadAsWritten() {
    assertThat(GrafanaIni.parse("g.ini", "[AWS]\nAllowed_Auth_Providers = ec2_iam_role\n").settings())
        .isEqualTo(GrafanaSettings.DEFAULTS);
  }

  @Test
  void aLineGrafanaRefusesIsNamedByFileAndLineWithoutItsText() {
    SourceException e = catchThrowableOfType(SourceException.class,
        () -> GrafanaIni.parse("g.ini", "[database]\nhunter2\n"));
    assertThat(e.file()).isEqualTo("g.ini");
    assertThat(e.position().line()).isEqualTo(2);
    assertThat(e.getMessage()).doesNotContain("hunter2");
  }
}
