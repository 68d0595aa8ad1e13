package io.promshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate --fix}: the fixes {@code promshift fix --write} makes, in place, said on standard error; then the
 * validation, which reports only what is left and decides the exit code.
 */
class ValidateFixTest {
  /** An AMP-plugin source: {@code sigV4Auth: yes} is fixable, {@code timeInterval: 15} is not (a guess). */
  private static final String AMP_PLUGIN = """
      apiVersion: 1
      datasources:
        - name: AMP
          type: grafana-amazonprometheus-datasource
          url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1
          jsonData:
            sigV4Auth: yes   # turned on in 2022
            sigV4AuthType: default
            sigV4Region: eu-west-1
            timeInterval: 15
      """;

  @TempDir
  Path dir;

  @Test
  void theFixesAreWrittenFirstAndTheReportHasOnlyWhatIsLeft() {
    Path file = Trees.write(dir.resolve("amp.yaml"), AMP_PLUGIN);
    Cli.Run before = Cli.run("validate", file.toString());
    assertThat(before.out()).contains("[sigv4-auth-not-boolean]", "[amp-unsigned]", ":10:21: error [schema]");

    Cli.Run run = Cli.run("validate", "--fix", file.toString());

    assertThat(run.code()).as("the schema finding left is an error").isEqualTo(1);
    assertThat(run.err()).isEqualTo(file + ": rewritten (1 fix)\n1 file rewritten: 1 fix\n");
    assertThat(run.out()).contains(":10:21: error [schema] jsonData.timeInterval is the number 15")
        .doesNotContain("sigV4Auth").endsWith("1 error, 0 warnings, 0 infos in 1 file\n");
    assertThat(Trees.contents(dir)).containsEntry("amp.yaml",
        AMP_PLUGIN.replace("sigV4Auth: yes   #", "sigV4Auth: true   #"));
  }

  @Test
  void aFileWithNothingLeftPassesAndASecondRunRewritesNothing() {
    Path file = Trees.write(dir.resolve("amp.yaml"), AMP_PLUGIN.replace("      timeInterval: 15\n", ""));

    Cli.Run run = Cli.run("validate", "--fix", file.toString());
    assertThat(run.code()).as(run.toString()).isZero();

    Cli.Run again = Cli.run("validate", "--fix", file.toString());
    assertThat(again.code()).as(again.toString()).isZero();
    assertThat(again.err()).isEqualTo("0 files rewritten: 0 fixes (1 file unchanged)\n");
    assertThat(Trees.mtimes(dir).get("amp.yaml")).isNotEqualTo(Trees.OLD);
  }

  @Test
  void verboseListsEachFixUnderItsFile() {
    Path file = Trees.write(dir.resolve("amp.yaml"), AMP_PLUGIN);

    Cli.Run run = Cli.run("validate", "--fix", "--verbose", file.toString());

    assertThat(run.err()).startsWith(file + ": rewritten (1 fix)\n"
        + file + ":7:18: fixed [sigv4-auth-not-boolean] sigV4Auth: yes → true\n");
  }

  @Test
  void quietSaysNothingOfTheFixes() {
    Path file = Trees.write(dir.resolve("amp.yaml"), AMP_PLUGIN);

    Cli.Run run = Cli.run("validate", "--fix", "--quiet", file.toString());

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).isEmpty();
  }

  @Test
  void theReportOnStdoutStaysOneDocument() {
    Path file = Trees.write(dir.resolve("amp.yaml"), AMP_PLUGIN);

    Cli.Run run = Cli.run("validate", "--fix", "--format", "json", file.toString());

    assertThat(run.out()).startsWith("{").doesNotContain("rewritten");
    assertThat(run.err()).contains("rewritten (1 fix)");
  }

  @Test
  void aFileThatDoesNotReadIsReportedOnceByTheValidationAndExitsTwo() {
    Trees.write(dir.resolve("amp.yaml"), AMP_PLUGIN);
    Path broken = Trees.write(dir.resolve("broken.yaml"), "apiVersion: 1\ndatasources: [\n");

    Cli.Run run = Cli.run("validate", "--fix", dir.toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).as("said by the validation's report, not by the fix").doesNotContain(broken.toString())
        .endsWith("1 file rewritten: 1 fix (1 failed)\n");
    assertThat(run.out()).contains(broken + ":");
  }

  @Test
  void aFindingTheFixLeavesIsANoteAndStaysInTheReport() {
    Path file = Trees.write(dir.resolve("shared.yaml"), """
        apiVersion: 1
        datasources:
          - name: P
            type: prometheus
            url: http://p:9090
            jsonData:
              httpMethod: &m post
              customQueryParameters: *m
        """);

    Cli.Run run = Cli.run("validate", "--fix", "--show", "info", file.toString());

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.err()).startsWith(file + ":7:22: note: [http-method-spelling] httpMethod is shared");
    assertThat(run.out()).contains("[http-method-spelling]");
  }

  @Test
  void standardInputIsAUsageError() {
    Cli.Run run = Cli.withInput(AMP_PLUGIN.getBytes(StandardCharsets.UTF_8), "validate", "--fix", "-");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("promshift validate: --fix rewrites files; with - (standard input) run"
        + " promshift fix --write -");
  }
}
