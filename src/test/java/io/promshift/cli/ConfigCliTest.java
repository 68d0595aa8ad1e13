package io.promshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** validate with a .promshift.yaml, --config, --no-config, rule flags and --grafana-ini. */
class ConfigCliTest {
  private static final String EMPTY_REGION = "samples/invalid/empty-region.yaml";
  private static final String AMP_EC2 = "samples/provisioning/datasources/10-amp-eu-west-1.yaml";

  @TempDir
  Path dir;

  /** A repository in the temporary folder holding the empty-region sample and this configuration. */
  private Path repo(String config) throws IOException {
    Path repo = dir.resolve("repo");
    Files.createDirectories(repo.resolve(".git"));
    Files.createDirectories(repo.resolve("datasources"));
    Files.copy(Path.of(EMPTY_REGION), repo.resolve("datasources/amp.yaml"));
    if (config != null) {
      Files.writeString(repo.resolve(".promshift.yaml"), config);
    }
    return repo;
  }

  @Test
  void theConfigurationFoundUpwardTurnsARuleOffAndTheRunPasses() throws IOException {
    Path repo = repo("rules:\n  sigv4-region-missing: off\n");
    Cli.Run run = Cli.run("validate", repo.resolve("datasources").toString());
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).doesNotContain("sigv4-region-missing").contains("0 errors, 0 warnings, 1 info in 1 file");
  }

  @Test
  void noConfigIgnoresItAndEnableOverridesItsOff() throws IOException {
    Path repo = repo("rules:\n  sigv4-region-missing: off\n");
    assertThat(Cli.run("validate", "--no-config", repo.toString()).code()).isEqualTo(1);
    Cli.Run enabled = Cli.run("validate", "--enable", "sigv4-region-missing", repo.toString());
    assertThat(enabled.code()).isEqualTo(1);
    assertThat(enabled.out()).contains("error [sigv4-region-missing]");
  }

  @Test
  void theCommandLinesFailOnOverridesTheConfigurations() throws IOException {
    Path repo = repo("fail-on: info\nrules:\n  sigv4-region-missing: warning\n");
    assertThat(Cli.run("validate", repo.toString()).code()).as("info fails by the configuration").isEqualTo(1);
    Cli.Run run = Cli.run("validate", "--fail-on", "error", repo.toString());
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).contains("warning [sigv4-region-missing]");
  }

  @Test
  void theCommandLinesGlobsReplaceTheConfigurations() throws IOException {
    Path repo = repo("exclude: ['datasources/**']\n");
    assertThat(Cli.run("validate", repo.toString()).code()).as("nothing left: a usage error").isEqualTo(2);
    assertThat(Cli.run("validate", "--exclude", "nothing/**", repo.toString()).code()).isEqualTo(1);
  }

  @Test
  void severityAndDisableChangeFindingsAndExitCode() {
    Cli.Run lowered = Cli.run("validate", "--no-config", "--severity", "sigv4-region-missing=warning", EMPTY_REGION);
    assertThat(lowered.code()).isZero();
    assertThat(lowered.out()).contains("warning [sigv4-region-missing]");
    Cli.Run off = Cli.run("validate", "--no-config", "--disable", "migration-pending", "--fail-on", "info",
        "--disable", "sigv4-region-missing", EMPTY_REGION);
    assertThat(off.code()).isZero();
    assertThat(off.out()).isEqualTo("0 errors, 0 warnings, 0 infos in 1 file\n");
  }

  @Test
  void anUnknownRuleOrLevelIsAUsageErrorNamingTheValidOnes() {
    Cli.Run rule = Cli.run("validate", "--disable", "sigv4-region", EMPTY_REGION);
    assertThat(rule.code()).isEqualTo(2);
    assertThat(rule.err()).contains("--disable: unknown rule 'sigv4-region'; did you mean sigv4-region-missing?");
    Cli.Run level = Cli.run("validate", "--severity", "literal-aws-key=fatal", EMPTY_REGION);
    assertThat(level.code()).isEqualTo(2);
    assertThat(level.err()).contains("--severity: literal-aws-key: unknown level 'fatal'; use off, error, warning or info");
  }

  @Test
  void aReadRefusalCannotBeTurnedOff() {
    Cli.Run run = Cli.run("validate", "--disable", "yaml-syntax", "samples/invalid/syntax-error.yaml");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("--disable: yaml-syntax cannot be turned off: Grafana cannot read the file");
  }

  @Test
  void aBadConfigurationIsAUsageErrorAtItsLineAndColumn() throws IOException {
    Path repo = repo("rules:\n  sigv4-region-missing: off\nfailOn: warning\n");
    Cli.Run run = Cli.run("validate", repo.toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains(repo.resolve(".promshift.yaml") + ":3:1: unknown key failOn (known: rules, fail-on,");
  }

  @Test
  void twoRootsWithDifferentConfigurationsAreAUsageError() throws IOException {
    Path first = repo("fail-on: warning\n");
    Path second = dir.resolve("other");
    Files.createDirectories(second.resolve(".git"));
    Files.copy(Path.of(EMPTY_REGION), second.resolve("amp.yaml"));
    Files.writeString(second.resolve(".promshift.yaml"), "fail-on: info\n");
    Cli.Run run = Cli.run("validate", first.toString(), second.toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("find different configuration files", first.resolve(".promshift.yaml").toString(),
        second.resolve(".promshift.yaml").toString(), "run them separately, or choose one with --config FILE");
    Cli.Run chosen = Cli.run("validate", "--config", first.resolve(".promshift.yaml").toString(), first.toString(),
        second.toString());
    assertThat(chosen.code()).as(chosen.toString()).isEqualTo(1);
  }

  @Test
  void grafanaIniDecidesWhetherAnAuthProviderIsAllowed() throws IOException {
    assertThat(Cli.run("validate", "--no-config", "--fail-on", "warning", AMP_EC2).out())
        .contains("warning [sigv4-auth-type-provider]");
    Cli.Run allowed = Cli.run("validate", "--no-config", "--grafana-ini", "samples/grafana.ini", "--fail-on",
        "warning", AMP_EC2);
    assertThat(allowed.out()).as(allowed.toString()).doesNotContain("sigv4-auth-type-provider");
    Path ini = dir.resolve("grafana.ini");
    Files.writeString(ini, "[aws]\nallowed_auth_providers = default,keys\n");
    assertThat(Cli.run("validate", "--no-config", "--grafana-ini", ini.toString(), AMP_EC2).out())
        .contains("warning [sigv4-auth-type-provider] sigV4AuthType ec2_iam_role is not in Grafana's [aws]"
            + " allowed_auth_providers (default,keys)");
  }

  @Test
  void anExplicitForwardListWithoutThePluginGivesGrafanasAdvice() throws IOException {
    Path ini = dir.resolve("grafana.ini");
    Files.writeString(ini, "[aws]\nforward_settings_to_plugins = cloudwatch, prometheus\n");
    Cli.Run run = Cli.run("validate", "--no-config", "--show", "info", "--grafana-ini", ini.toString(), EMPTY_REGION);
    assertThat(run.out()).contains("info [forward-settings-missing] Grafana's type migration moves this data source"
        + " to grafana-amazonprometheus-datasource, which is not in Grafana's [aws] forward_settings_to_plugins"
        + " (cloudwatch, prometheus)");
    assertThat(Cli.run("validate", "--no-config", EMPTY_REGION).out()).doesNotContain("forward-settings-missing");
  }

  @Test
  void aGrafanaIniLineGrafanaRefusesIsAUsageErrorAtItsLine() throws IOException {
    Path ini = dir.resolve("grafana.ini");
    Files.writeString(ini, "[aws]\nnot a setting\n");
    Cli.Run run = Cli.run("validate", "--grafana-ini", ini.toString(), EMPTY_REGION);
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("--grafana-ini: " + ini + ":2:1: a line that is neither");
  }

  @Test
  void statusAndMigrateTakeTheConfigurationsGlobs() throws IOException {
    Path repo = repo("exclude: ['datasources/**']\n");
    assertThat(Cli.run("status", repo.toString()).code()).as("nothing left to look at").isEqualTo(2);
    assertThat(Cli.run("status", "--no-config", repo.toString()).code()).isZero();
    assertThat(Cli.run("migrate", repo.toString()).code()).isEqualTo(2);
  }
}
