package io.promshift.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.promshift.rules.Code;
import io.promshift.rules.RulePolicy;
import io.promshift.text.SourceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A .promshift.yaml: every key read, every mistake named at file:line:col, found upward from a root. */
class ProjectConfigReaderTest {
  @TempDir
  Path dir;

  private Path write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  private SourceException refusal(String yaml) throws IOException {
    Path file = write(".promshift.yaml", yaml);
    return org.assertj.core.api.Assertions.catchThrowableOfType(SourceException.class,
        () -> ProjectConfigReader.read(file));
  }

  @Test
  void everyKeyIsRead() throws IOException {
    write("grafana.ini", """
        [aws]
        allowed_auth_providers = default, ec2_iam_role
        """);
    ProjectConfig config = ProjectConfigReader.read(write(".promshift.yaml", """
        rules:
          sigv4-region-missing: off
          literal-aws-key: error
        fail-on: warning
        include: ['**/datasources/*.yaml']
        exclude: [charts/**]
        embedded: off
        units: [spec.values.ds=items]
        grafana-ini: grafana.ini
        grafana:
          aws:
            assume_role_enabled: false
            forward_settings_to_plugins: cloudwatch, prometheus
          azure:
            azure_auth_enabled: true
            forward_settings_to_plugins: [grafana-azure-monitor-datasource]
        """));
    assertThat(config.rules().level(Code.SIGV4_REGION_MISSING)).isEqualTo(RulePolicy.Level.OFF);
    assertThat(config.rules().level(Code.LITERAL_AWS_KEY)).isEqualTo(RulePolicy.Level.ERROR);
    assertThat(config.failOn()).isEqualTo("warning");
    assertThat(config.include()).containsExactly("**/datasources/*.yaml");
    assertThat(config.exclude()).containsExactly("charts/**");
    assertThat(config.embedded()).isEqualTo("off");
    assertThat(config.units()).containsExactly("spec.values.ds=items");
    assertThat(config.grafanaIni()).isEqualTo(dir.resolve("grafana.ini").toAbsolutePath().normalize());
    assertThat(config.grafana().allowedAuthProviders()).containsExactly("default", "ec2_iam_role");
    assertThat(config.grafana().assumeRoleEnabled()).isFalse();
    assertThat(config.grafana().awsForwardSettingsPlugins()).containsExactly("cloudwatch", "prometheus");
    assertThat(config.grafana().azureAuthEnabled()).isTrue();
    assertThat(config.grafana().azureForwardSettingsPlugins()).containsExactly("grafana-azure-monitor-datasource");
  }

  @Test
  void anEmptyFileStatesNothing() throws IOException {
    ProjectConfig config = ProjectConfigReader.read(write(".promshift.yaml", "# nothing yet\n"));
    assertThat(config.rules().isDefault()).isTrue();
    assertThat(config.failOnWord()).isEmpty();
    assertThat(config.includes()).isEmpty();
  }

  @Test
  void aKeyWithEverythingCommentedOutStatesNothing() throws IOException {
    ProjectConfig config = ProjectConfigReader.read(write(".promshift.yaml", """
        rules:
        #  literal-aws-key: off
        grafana:
          aws:
            allowed_auth_providers:
        """));
    assertThat(config.rules().isDefault()).isTrue();
    assertThat(config.grafana()).isEqualTo(io.promshift.rules.GrafanaSettings.DEFAULTS);
  }

  @Test
  void anUnknownKeyIsNamedAtItsLineAndColumn() throws IOException {
    SourceException e = refusal("""
        fail-on: error
        grafana:
          aws:
            allowed_providers: default
        """);
    assertThat(e.file()).endsWith(".promshift.yaml");
    assertThat(e.position().line()).isEqualTo(4);
    assertThat(e.position().column()).isEqualTo(5);
    assertThat(e.problem()).isEqualTo("unknown key grafana.aws.allowed_providers (known: allowed_auth_providers,"
        + " assume_role_enabled, forward_settings_to_plugins)");
    assertThat(refusal("failOn: error\n").problem()).startsWith("unknown key failOn (known: rules, fail-on,");
  }

  @Test
  void aValueOfTheWrongTypeIsNamedWithoutItsValue() throws IOException {
    SourceException e = refusal("""
        include: 42
        """);
    assertThat(e.position().line()).isEqualTo(1);
    assertThat(e.position().column()).isEqualTo(10);
    assertThat(e.problem()).isEqualTo("include must be a list of text items, not a number");
    assertThat(refusal("grafana:\n  aws:\n    assume_role_enabled: s3cr3t\n").problem())
        .isEqualTo("grafana.aws.assume_role_enabled must be true or false").doesNotContain("s3cr3t");
  }

  @Test
  void aBadRuleOrLevelIsNamedAtItsPlace() throws IOException {
    SourceException rule = refusal("""
        rules:
          literal-aws-keys: off
        """);
    assertThat(rule.position().line()).isEqualTo(2);
    assertThat(rule.problem()).startsWith("rules: unknown rule 'literal-aws-keys'; did you mean literal-aws-key?");
    SourceException level = refusal("""
        rules:
          literal-aws-key: fatal
        """);
    assertThat(level.position().line()).isEqualTo(2);
    assertThat(level.position().column()).isEqualTo(20);
    assertThat(level.problem()).isEqualTo("rules: literal-aws-key: unknown level 'fatal'; use off, error, warning or"
        + " info");
    assertThat(refusal("rules:\n  yaml-syntax: off\n").problem()).isEqualTo("rules: yaml-syntax cannot be turned off:"
        + " Grafana cannot read the file, so it stays an error");
  }

  @Test
  void aKeyGivenTwiceIsRefused() throws IOException {
    SourceException e = refusal("fail-on: error\nfail-on: info\n");
    assertThat(e.kind()).isEqualTo(SourceException.Kind.DUPLICATE_KEY);
    assertThat(e.position().line()).isEqualTo(2);
  }

  @Test
  void yamlThatDoesNotParseIsASyntaxErrorAtItsPlace() throws IOException {
    SourceException e = refusal("include: [a\nfail-on: error\n");
    assertThat(e.kind()).isEqualTo(SourceException.Kind.SYNTAX);
    assertThat(e.problem()).startsWith("not valid YAML: ");
    assertThat(e.position().line()).isGreaterThan(1);
  }

  @Test
  void theFileIsFoundUpwardFromARootAndNotAboveTheRepository() throws IOException {
    Path config = write("repo/.promshift.yaml", "fail-on: warning\n");
    Files.createDirectories(dir.resolve("repo/.git"));
    Path file = write("repo/deploy/datasources/a.yaml", "apiVersion: 1\n");
    assertThat(ProjectConfigReader.find(file)).contains(config);
    assertThat(ProjectConfigReader.find(dir.resolve("repo/deploy"))).contains(config);
    write(".promshift.yaml", "fail-on: info\n"); // above the repository: not this repository's
    Files.delete(config);
    assertThat(ProjectConfigReader.find(file)).isEmpty();
  }

  @Test
  void rootsThatFindDifferentFilesAreRefusedNamingBoth() throws IOException {
    Files.createDirectories(dir.resolve("a/.git"));
    Files.createDirectories(dir.resolve("b/.git"));
    Path first = write("a/.promshift.yaml", "fail-on: warning\n");
    Path second = write("b/.promshift.yaml", "fail-on: info\n");
    assertThatThrownBy(() -> ProjectConfigReader.forRoots(List.of(dir.resolve("a"), dir.resolve("b"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(first.toString()).hasMessageContaining(second.toString())
        .hasMessageEndingWith("run them separately, or choose one with --config FILE");
    assertThat(ProjectConfigReader.forRoots(List.of(dir.resolve("a"), dir.resolve("a/x.yaml"))))
        .get().extracting(ProjectConfig::failOn).isEqualTo("warning");
  }
}
