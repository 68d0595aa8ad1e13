package io.promshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -} as the one PATH reads one file from standard input, named by {@code --stdin-name} in messages. */
class StandardInputTest {
  private static final String PENDING = """
      apiVersion: 1
      datasources:
        - name: AMP
          type: prometheus   # house comment
          url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1/
          jsonData:
            sigV4Auth: true
            sigV4Region: ""
      """;

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void validateNamesTheFileAsToldAndFindsWhatAFileWouldHave() {
    Cli.Run run = Cli.withInput(bytes(PENDING), "validate", "--stdin-name", "provisioning/datasources/amp.yaml", "-");

    assertThat(run.code()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).contains("provisioning/datasources/amp.yaml:8:20: error")
        .contains("sigv4-region-missing");
  }

  @Test
  void withoutANameTheFileIsCalledStdin() {
    Cli.Run run = Cli.withInput(bytes(PENDING), "validate", "--format", "json", "-");

    assertThat(run.out()).contains("\"file\": \"stdin\"").doesNotContain("\"-\"");
  }

  @Test
  void aFileThatCannotBeReadIsExitTwoWithItsPosition() {
    Cli.Run run = Cli.withInput(bytes("apiVersion: 1\ndatasources:\n  - name: [\n"), "validate", "-");

    assertThat(run.code()).as(run.toString()).isEqualTo(2);
    assertThat(run.out() + run.err()).contains("stdin:").contains("yaml-syntax");
  }

  @Test
  void migrateDryRunPrintsTheDiffOfTheInput() {
    Cli.Run run = Cli.withInput(bytes(PENDING), "migrate", "--stdin-name", "amp.yaml", "-");

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).contains("--- a/amp.yaml").contains("+++ b/amp.yaml")
        .contains("-    type: prometheus   # house comment")
        .contains("+    type: grafana-amazonprometheus-datasource   # house comment");
  }

  @Test
  void migrateCheckSaysTheInputWouldChange() {
    Cli.Run run = Cli.withInput(bytes(PENDING), "migrate", "--check", "-");

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.out()).isEqualTo("stdin\n");
  }

  @Test
  void migrateWritePrintsTheWholeFileEveryOtherByteKept() {
    Cli.Run run = Cli.withInput(bytes(PENDING), "migrate", "--write", "--quiet", "-");

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).isEqualTo(PENDING.replace("type: prometheus", "type: grafana-amazonprometheus-datasource")
        .replace("sigV4Region: \"\"\n", "sigV4Region: \"\"\n      prometheus-type-migration: true\n"));
  }

  @Test
  void migrateWriteOfAFileThatDoesNotChangePrintsItUnchanged() {
    String loki = "apiVersion: 1\ndatasources:\n  - name: Logs\n    type: loki\n";

    Cli.Run run = Cli.withInput(bytes(loki), "migrate", "--write", "-");

    assertThat(run.code()).isZero();
    assertThat(run.out()).isEqualTo(loki);
  }

  @Test
  void statusListsTheInputsDataSources() {
    Cli.Run run = Cli.withInput(bytes(PENDING), "status", "--stdin-name", "amp.yaml", "-");

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).contains("amp.yaml").contains("AMP");
  }

  @Test
  void inspectShowsWhatGrafanaStores() {
    Cli.Run run = Cli.withInput(bytes(PENDING), "inspect", "--format", "json", "-");

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).contains("\"stdin\"").contains("\"sigV4Region\": \"\"");
  }

  @Test
  void dashAmongOtherPathsIsAUsageError(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a.yaml"), PENDING);

    Cli.Run run = Cli.withInput(bytes(PENDING), "validate", "-", dir.toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("- reads one file from standard input");
  }

  @Test
  void stdinNameWithoutDashIsAUsageError(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a.yaml"), PENDING);

    Cli.Run run = Cli.run("validate", "--stdin-name", "x.yaml", dir.toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("--stdin-name").contains("give - as the PATH");
  }

  @Test
  void migrateOutWithDashIsAUsageError() {
    Cli.Run run = Cli.withInput(bytes(PENDING), "migrate", "--out", "somewhere", "-");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("--out writes files");
  }

  @Test
  void aFileOverTheSizeLimitIsRefusedWithoutReadingItAll() {
    byte[] huge = new byte[64 * 1024 * 1024 + 10];

    Cli.Run run = Cli.withInput(huge, "validate", "-");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("standard input is over the file size limit");
  }
}
