package io.promshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code promshift validate}: output formats, exit codes, env files and skipped files. */
class ValidateCommandTest {
  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = PromshiftCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void anErrorExitsOneInCompilerStyle() {
    Run run = run("validate", "--show", "info", "samples/invalid/empty-region.yaml");
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.out()).isEqualTo("""
        samples/invalid/empty-region.yaml:7:11: info [migration-pending] Grafana's type migration moves this prometheus \
        data source to grafana-amazonprometheus-datasource (jsonData.sigV4Auth is true) at every start (Grafana 13; 12 \
        with prometheusTypeMigration), and this file, still saying type: prometheus, flips it back at the next start
          fix: run promshift migrate --write to write type: grafana-amazonprometheus-datasource and the migration marker
        samples/invalid/empty-region.yaml:13:20: error [sigv4-region-missing] sigV4Auth is true but sigV4Region is empty: \
        requests are signed for the region as given, so signing fails and every query fails
          fix: add sigV4Region: ap-south-1 (the workspace URL's region)
        1 error, 0 warnings, 1 info in 1 file
        """);
  }

  @Test
  void failOnDecidesWhichSeverityFails() {
    String file = "samples/provisioning/datasources/70-staging-org2.yaml";
    assertThat(run("validate", file).code()).as("warnings only").isZero();
    assertThat(run("validate", "--fail-on", "warning", file).code()).isEqualTo(1);
    assertThat(run("validate", "--fail-on", "info", "samples/provisioning/datasources/50-amp-plugin.yaml").code())
        .isEqualTo(1);
    assertThat(run("validate", "--fail-on", "warning", "samples/provisioning/datasources/50-amp-plugin.yaml").code())
        .isZero();
  }

  @Test
  void anUnreadableFileExitsTwoAndTheOthersAreStillValidated() {
    Run run = run("validate", "samples/invalid/syntax-error.yaml", "samples/invalid/is-default-yes.yaml",
        "samples/invalid/no-such-file.yaml");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.out()).contains("syntax-error.yaml:14:13: error [yaml-syntax]",
        "is-default-yes.yaml:10:16: error [bool-not-parsebool]", "no-such-file.yaml:1:1: error [unreadable]",
        "3 errors, 0 warnings, 1 info in 3 files");
  }

  @Test
  void filesThatAreNotDataSourceProvisioningAreSkippedWithANote() {
    Run run = run("validate", "samples/provisioning");
    assertThat(run.code()).isZero();
    assertThat(run.err()).contains("dashboards.yaml: note: not a data source provisioning file");
    assertThat(run.out()).contains(" in 10 files");
  }

  @Test
  void jsonAndSarifAreMachineReadable() {
    JsonMapper mapper = JsonMapper.builder().build();
    JsonNode json = mapper.readTree(run("validate", "--format", "json", "samples/invalid/empty-region.yaml").out());
    assertThat(json.at("/findings/1/pointer").asString()).isEqualTo("/datasources/0/jsonData/sigV4Region");
    assertThat(json.at("/findings/1/line").asInt()).isEqualTo(13);
    JsonNode sarif = mapper.readTree(run("validate", "--format", "SARIF", "samples/invalid/empty-region.yaml").out());
    assertThat(sarif.at("/version").asString()).isEqualTo("2.1.0");
    assertThat(sarif.at("/runs/0/results/1/ruleId").asString()).isEqualTo("sigv4-region-missing");
    assertThat(sarif.at("/runs/0/results/1/locations/0/physicalLocation/region/startColumn").asInt()).isEqualTo(20);
  }

  @Test
  void jsonHasASummaryBesideTheFindingsCountingBySeverityAndByFileState() {
    JsonNode json = JsonMapper.builder().build().readTree(run("validate", "--format", "json",
        "samples/invalid/syntax-error.yaml", "samples/invalid/is-default-yes.yaml", "samples/provisioning").out());
    JsonNode summary = json.get("summary");
    assertThat(summary.get("findings").asInt()).isEqualTo(json.get("findings").size());
    assertThat(summary.at("/severities/error").asInt()).isEqualTo(countOf(json, "error"));
    assertThat(summary.at("/severities/warning").asInt()).isEqualTo(countOf(json, "warning"));
    assertThat(summary.at("/severities/info").asInt()).isEqualTo(countOf(json, "info"));
    assertThat(summary.at("/states/unreadable").asInt()).isEqualTo(1);
    assertThat(summary.at("/states/skipped").asInt()).as("samples/provisioning holds files of other kinds").isPositive();
    assertThat(summary.at("/states/validated").asInt() + summary.at("/states/unreadable").asInt())
        .isEqualTo(summary.get("files").asInt());
  }

  private static int countOf(JsonNode json, String severity) {
    int count = 0;
    for (JsonNode finding : json.get("findings")) {
      count += finding.get("severity").asString().equals(severity) ? 1 : 0;
    }
    return count;
  }

  @Test
  void githubFormatPrintsWorkflowCommandsAndNothingElseOnStdout() {
    Run run = run("validate", "--format", "github", "--show", "info", "samples/invalid/empty-region.yaml");
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.out().lines()).containsExactly(
        "::notice file=samples/invalid/empty-region.yaml,line=7,col=11,title=migration-pending::" + run.out().lines()
            .findFirst().orElseThrow().split("title=migration-pending::", 2)[1],
        "::error file=samples/invalid/empty-region.yaml,line=13,col=20,title=sigv4-region-missing::sigV4Auth is true"
            + " but sigV4Region is empty: requests are signed for the region as given, so signing fails and every query"
            + " fails%0Afix: add sigV4Region: ap-south-1 (the workspace URL's region)");
  }

  @Test
  void anEnvFileExpandsPlaceholdersBeforeJudging(@TempDir Path dir) throws IOException {
    Path env = dir.resolve("grafana.env");
    Files.writeString(env, "# staging\nexport AMP_SANDBOX_SIGV4=\"true\"\n");
    String file = "samples/provisioning/datasources/70-staging-org2.yaml";
    assertThat(run("validate", "--show", "info", file).out()).contains("57:18: info [placeholder-unchecked]");
    Run expanded = run("validate", "--show", "info", "--env-file", env.toString(), file);
    assertThat(expanded.out()).doesNotContain("placeholder-unchecked").contains("53:11: info [migration-pending]");
  }

  @Test
  void includeAndExcludeNarrowTheWalkAsForTheOtherCommands() {
    Run all = run("validate", "samples");
    Run invalidOnly = run("validate", "--include", "invalid/**", "samples");
    Run needsFixOnly = run("validate", "--include", "needs-fix/**", "samples");
    Run valid = run("validate", "--exclude", "invalid/**", "--exclude", "needs-fix/**", "samples");
    assertThat(invalidOnly.out()).contains("samples/invalid/").doesNotContain("samples/provisioning/");
    assertThat(valid.out()).contains("samples/provisioning/").doesNotContain("samples/invalid/")
        .doesNotContain("samples/needs-fix/");
    assertThat(valid.code()).as("no unreadable file, warnings only").isZero();
    assertThat(needsFixOnly.code()).as("a URL ending in /api/v1 is an error promshift fix resolves").isEqualTo(1);
    assertThat(all.code()).isEqualTo(2);
    assertThat(all.out().lines().filter(line -> line.startsWith("samples/")).count())
        .isEqualTo(invalidOnly.out().lines().filter(line -> line.startsWith("samples/")).count()
            + needsFixOnly.out().lines().filter(line -> line.startsWith("samples/")).count()
            + valid.out().lines().filter(line -> line.startsWith("samples/")).count());
  }

  @Test
  void theReportIsTheSameWhateverTheNumberOfThreads() {
    for (String format : new String[] {"text", "json", "sarif"}) {
      Run one = run("validate", "-j", "1", "--format", format, "samples", "src/it");
      Run four = run("validate", "-j", "4", "--format", format, "samples", "src/it");
      assertThat(four).as(format).isEqualTo(one);
    }
  }

  @Test
  void quietPrintsTheErrorsAloneAndVerboseCountsEachFilesFindings() {
    Run quiet = run("validate", "-q", "samples");
    assertThat(quiet.code()).as("the exit code tells the rest").isEqualTo(2);
    assertThat(quiet.err()).isEmpty();
    assertThat(quiet.out().lines().filter(line -> !line.startsWith("  fix: ")))
        .isNotEmpty().allMatch(line -> line.contains(": error ["));
    Run json = run("validate", "-q", "--format", "json", "samples");
    assertThat(json.out()).as("a machine-readable report stays whole").isEqualTo(run("validate", "--format", "json", "samples").out());

    Run verbose = run("validate", "-v", "samples/provisioning");
    assertThat(verbose.err()).contains("samples/provisioning/datasources/70-staging-org2.yaml: ")
        .containsPattern("samples/provisioning/datasources/30-cloudwatch.yaml: \\d+ findings?\n");
    assertThat(verbose.out()).isEqualTo(run("validate", "samples/provisioning").out());
  }

  @Test
  void verboseListsFilesInPathOrderAndASkippedFileAsSkippedNotAsZeroFindings(@TempDir Path dir) throws IOException {
    Path notes = Files.writeString(dir.resolve("a-notes.yaml"), "title: not a provisioning file\n");
    Run run = run("validate", "-v", "samples/invalid/empty-region.yaml", notes.toString(),
        "samples/invalid/duplicate-key.yaml");
    List<String> listed = run.err().lines().filter(line -> line.matches(".*: (unreadable, )?(\\d+ findings?|skipped.*)")).toList();
    List<String> paths = new java.util.ArrayList<>(List.of(notes.toString(), "samples/invalid/empty-region.yaml",
        "samples/invalid/duplicate-key.yaml"));
    paths.sort(java.util.Comparator.comparing(Path::of));
    assertThat(listed).as(run.toString()).hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertThat(listed.get(i)).startsWith(paths.get(i) + ": ");
    }
    assertThat(listed).contains(notes + ": skipped (provisions no data source)",
            "samples/invalid/duplicate-key.yaml: unreadable, 1 finding")
        .noneMatch(line -> line.startsWith(notes + ": 0 findings"));
  }

  @Test
  void anEmptyPathIsAUsageError() {
    Run run = run("validate", "samples/provisioning", "");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("an empty PATH names no file");
  }

  @Test
  void badOptionsAreUsageErrors(@TempDir Path dir) {
    assertThat(run("validate", "--format", "xml", "samples").err()).contains("--format: unknown value 'xml'");
    assertThat(run("validate", "--fail-on", "fatal", "samples").code()).isEqualTo(2);
    assertThat(run("validate", "--file-root", dir.toString(), "samples").err()).contains("--file-root needs --env-file");
    assertThat(run("validate", "--env-file", dir.resolve("none.env").toString(), "samples").err())
        .contains("--env-file: cannot read");
  }
}
