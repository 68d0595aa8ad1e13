package io.promshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code promshift fix}: the findings Grafana would misread, fixed byte for byte, with {@code migrate}'s modes and
 * safety — a diff by default, {@code --check}, {@code --write}, {@code --out}, {@code --patch}, standard input — and
 * {@code --rule} to fix only some rules.
 */
class FixCommandTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** A data source with ten fixable findings, and one ({@code timeInterval: 15}) whose fix would be a guess. */
  static final String AMP = """
      apiVersion: "1"
      datasources:
        - name: AMP
          type: prometheus
          url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1/api/v1
          isDefault: yes
          jsonData:
            sigV4Auth: yes   # turned on in 2022
            authType: arn
            assumeRoleArn: arn:aws:iam::123456789012:role/grafana
            defaultRegion: eu-west-1
            httpMethod: post
            manageAlerts: "true"
            seriesLimit: "100"
            timeInterval: 15
      """;

  static final String AMP_FIXED = """
      apiVersion: 1
      datasources:
        - name: AMP
          type: prometheus
          url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1
          isDefault: true
          jsonData:
            sigV4Auth: true   # turned on in 2022
            sigV4AuthType: default
            sigV4AssumeRoleArn: arn:aws:iam::123456789012:role/grafana
            sigV4Region: eu-west-1
            httpMethod: POST
            manageAlerts: true
            seriesLimit: 100
            timeInterval: 15
      """;

  /** Nothing to fix. */
  private static final String LOKI = """
      apiVersion: 1
      datasources:
        - name: Logs
          type: loki
          url: http://loki:3100
      """;

  @TempDir
  Path dir;

  private Path tree;
  private Path amp;
  private Path loki;

  @BeforeEach
  void writeATree() {
    tree = dir.resolve("repo");
    amp = Trees.write(tree.resolve("amp.yaml"), AMP);
    loki = Trees.write(tree.resolve("loki.yaml"), LOKI);
  }

  @Test
  void aDryRunPrintsTheDiffOnStdoutAndTheSummaryOnStderrAndWritesNothing() {
    Map<String, FileTime> before = Trees.mtimes(tree);

    Cli.Run run = Cli.run("fix", tree.toString());

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).startsWith("--- a/" + amp + "\n+++ b/" + amp + "\n")
        .contains("-      sigV4Auth: yes   # turned on in 2022\n", "+      sigV4Auth: true   # turned on in 2022\n",
            "-      assumeRoleArn: arn:aws:iam::123456789012:role/grafana\n",
            "+      sigV4AssumeRoleArn: arn:aws:iam::123456789012:role/grafana\n")
        .doesNotContain("loki.yaml");
    assertThat(run.out()).as("lines no fix changes are context, even when later passes changed the file")
        .contains("\n datasources:\n   - name: AMP\n     type: prometheus\n").doesNotContain("-datasources:");
    assertThat(run.err()).isEqualTo("1 file would change: 10 fixes (1 file unchanged)\n");
    assertThat(Trees.contents(tree)).containsEntry("amp.yaml", AMP).containsEntry("loki.yaml", LOKI);
    assertThat(Trees.mtimes(tree)).isEqualTo(before);
    assertThat(Cli.run("fix", "--dry-run", tree.toString())).isEqualTo(run);
  }

  @Test
  void checkListsTheFilesThatWouldChangeAndExitsOne() {
    Cli.Run run = Cli.run("fix", "--check", tree.toString());

    assertThat(run.code()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).isEqualTo(amp + "\n");
    assertThat(run.err()).isEqualTo("1 file would change: 10 fixes (1 file unchanged)\n");
    assertThat(Trees.contents(tree)).containsEntry("amp.yaml", AMP);
  }

  @Test
  void writeRewritesInPlaceKeepingCommentsAndLayoutAndASecondRunChangesNothing() {
    Cli.Run run = Cli.run("fix", "--write", tree.toString());

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).isEqualTo(amp + "\n");
    assertThat(run.err()).isEqualTo("1 file rewritten: 10 fixes (1 file unchanged)\n");
    assertThat(Trees.contents(tree)).containsEntry("amp.yaml", AMP_FIXED).containsEntry("loki.yaml", LOKI);
    assertThat(Trees.mtimes(tree).get("loki.yaml")).as("an unchanged file is not touched").isEqualTo(Trees.OLD);

    Map<String, FileTime> settled = Trees.mtimes(tree);
    Cli.Run check = Cli.run("fix", "--check", tree.toString());
    assertThat(check.code()).as(check.toString()).isZero();
    assertThat(check.out()).isEmpty();
    assertThat(check.err()).isEqualTo("0 files would change: 0 fixes (2 files unchanged)\n");
    Cli.Run again = Cli.run("fix", "--write", tree.toString());
    assertThat(again.code()).isZero();
    assertThat(again.out()).isEmpty();
    assertThat(Trees.mtimes(tree)).isEqualTo(settled);
  }

  @Test
  void outWritesEveryProcessedFileUnderTheFolderAndLeavesTheInputsAsTheyWere() {
    Path out = dir.resolve("out");

    Cli.Run run = Cli.run("fix", "--out", out.toString(), tree.toString());

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.err()).isEqualTo("1 file changed: 10 fixes (1 file unchanged); 2 files written to " + out + "\n");
    assertThat(Trees.contents(out)).containsExactlyInAnyOrderEntriesOf(Map.of("amp.yaml", AMP_FIXED, "loki.yaml", LOKI));
    assertThat(Trees.contents(tree)).containsEntry("amp.yaml", AMP);
  }

  @Test
  void thePatchIsForItsOwnerAloneAndTurnsACopyIntoTheFixedFile() throws Exception {
    Path patch = dir.resolve("fix.patch");

    Cli.Run run = Cli.run("fix", "--patch", patch.toString(), tree.toString());

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(patch))).isEqualTo("rw-------");
    assertThat(run.err()).contains(patch + ": warning: this patch holds the files' secrets in clear");
    Path copy = Trees.write(dir.resolve("copy.yaml"), AMP);
    Process apply = new ProcessBuilder("patch", "--quiet", copy.toString(), patch.toString())
        .redirectErrorStream(true).start();
    String said = new String(apply.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(apply.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(apply.exitValue()).as(said).isZero();
    assertThat(Files.readString(copy)).isEqualTo(AMP_FIXED);
  }

  @Test
  void thePatchOfACrlfFileWithoutAFinalNewlineApplies() throws Exception {
    String crlf = AMP.replace("\n", "\r\n").stripTrailing();
    Files.writeString(amp, crlf);
    Path patch = dir.resolve("fix.patch");

    Cli.Run run = Cli.run("fix", "--patch", patch.toString(), amp.toString());

    assertThat(run.code()).as(run.toString()).isZero();
    Path copy = Trees.write(dir.resolve("copy.yaml"), crlf);
    Process apply = new ProcessBuilder("patch", "--quiet", "--binary", copy.toString(), patch.toString())
        .redirectErrorStream(true).start();
    String said = new String(apply.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(apply.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(apply.exitValue()).as(said).isZero();
    assertThat(Files.readString(copy)).isEqualTo(AMP_FIXED.replace("\n", "\r\n").stripTrailing());
  }

  @Test
  void ruleLimitsTheFixesToThatRule() {
    Cli.Run run = Cli.run("fix", "--write", "--rule", "api-version-quoted", tree.toString());

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.err()).isEqualTo("1 file rewritten: 1 fix (1 file unchanged)\n");
    assertThat(Trees.contents(tree)).containsEntry("amp.yaml", AMP.replace("apiVersion: \"1\"", "apiVersion: 1"));
  }

  @Test
  void ruleRepeatedFixesTheFindingsOfEachRuleGiven() {
    Cli.Run run = Cli.run("fix", "--write", "--rule", "api-version-quoted", "--rule", "http-method-spelling",
        amp.toString());

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(Trees.contents(tree)).containsEntry("amp.yaml",
        AMP.replace("apiVersion: \"1\"", "apiVersion: 1").replace("httpMethod: post", "httpMethod: POST"));
  }

  @Test
  void anUnknownRuleIsAUsageErrorThatSaysWhatWasMeant() {
    Cli.Run run = Cli.run("fix", "--rule", "api-version-quote", tree.toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("promshift fix: --rule: unknown rule 'api-version-quote'; did you mean"
        + " api-version-quoted?\nUsage: promshift fix ");
    assertThat(Trees.contents(tree)).containsEntry("amp.yaml", AMP);
  }

  @Test
  void aRuleWithoutAFixIsAUsageErrorThatListsTheFixableRules() {
    Cli.Run run = Cli.run("fix", "--rule", "literal-aws-key", tree.toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).startsWith("promshift fix: --rule: rule literal-aws-key has no fix promshift makes;"
        + " fixable rules: ").contains("sigv4-auth-not-boolean", "api-version-quoted");
  }

  @Test
  void verboseListsEachFixUnderItsFileWhereAnEditorJumpsTo() {
    Cli.Run run = Cli.run("fix", "--check", "--verbose", tree.toString());

    assertThat(run.err()).startsWith(amp + ": would change (10 fixes)\n"
        + amp + ":1:13: fixed [api-version-quoted] apiVersion: \"1\" → 1\n"
        + amp + ":5:10: fixed [amp-url-api-v1] url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1/api/v1"
        + " → https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1\n"
        + amp + ":6:16: fixed [bool-not-parsebool] isDefault: yes → true\n"
        + amp + ":8:18: fixed [sigv4-auth-not-boolean] sigV4Auth: yes → true\n"
        + amp + ":9:7: fixed [sigv4-ignored-key] authType: arn → sigV4AuthType: default\n")
        .contains(amp + ":13:21: fixed [jsondata-boolean-text] manageAlerts: \"true\" → true\n",
            loki + ": unchanged\n")
        .endsWith("1 file would change: 10 fixes (1 file unchanged)\n");
  }

  @Test
  void aFixWrittenWithAControlCharacterInItsFileNameIsPrintedEscaped() {
    Path odd = Trees.write(dir.resolve("odd\u001b[2J.yaml"), "apiVersion: \"1\"\ndatasources: []\n");

    Cli.Run run = Cli.run("fix", "--verbose", odd.toString());

    assertThat(run.err()).contains("odd\\u001b[2J.yaml:1:13: fixed [api-version-quoted]").doesNotContain("\u001b");
  }

  @Test
  void jsonListsEachFileWithItsFixesAndCountsThem() {
    Cli.Run run = Cli.run("fix", "--format", "json", tree.toString());

    assertThat(run.code()).as(run.toString()).isZero();
    JsonNode document = JSON.readTree(run.out());
    JsonNode file = document.get("files").get(0);
    assertThat(file.get("file").asString()).isEqualTo(amp.toString());
    assertThat(file.get("verdict").asString()).isEqualTo("changed");
    assertThat(file.get("diff").asString()).contains("+      sigV4Auth: true   # turned on in 2022");
    JsonNode sigv4 = file.get("fixes").get(3);
    assertThat(sigv4.get("rule").asString()).isEqualTo("sigv4-auth-not-boolean");
    assertThat(sigv4.get("line").asInt()).isEqualTo(8);
    assertThat(sigv4.get("column").asInt()).isEqualTo(18);
    assertThat(sigv4.get("pointer").asString()).isEqualTo("/datasources/0/jsonData/sigV4Auth");
    assertThat(sigv4.get("change").asString()).isEqualTo("sigV4Auth: yes → true");
    assertThat(sigv4.has("path")).as("only inside an embedded unit").isFalse();
    assertThat(document.get("files").get(1).get("fixes")).isEmpty();
    JsonNode totals = document.get("totals");
    assertThat(totals.get("files").asInt()).isEqualTo(2);
    assertThat(totals.get("changed").asInt()).isEqualTo(1);
    assertThat(totals.get("unchanged").asInt()).isEqualTo(1);
    assertThat(totals.get("fixes").asInt()).isEqualTo(10);
  }

  @Test
  void sarifCarriesTheRunsDiagnostics() {
    Path shared = Trees.write(tree.resolve("shared.yaml"), SHARED);

    Cli.Run run = Cli.run("fix", "--format", "sarif", shared.toString());

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).contains("\"version\": \"2.1.0\"").contains("unfixed");
  }

  /** An anchor whose value one key needs fixed and another key needs as it is. */
  private static final String SHARED = """
      apiVersion: 1
      datasources:
        - name: P
          type: prometheus
          url: http://p:9090
          jsonData:
            httpMethod: &m post
            customQueryParameters: *m
      """;

  @Test
  void aFindingWhoseFixWouldChangeSharedDataStaysWithANote() {
    Path shared = Trees.write(tree.resolve("shared.yaml"), SHARED);

    Cli.Run run = Cli.run("fix", "--write", shared.toString());

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.err()).startsWith(shared + ":7:22: note: [http-method-spelling] httpMethod is shared with other"
        + " data").endsWith("0 files rewritten: 0 fixes (1 file unchanged)\n");
    assertThat(Trees.contents(tree)).containsEntry("shared.yaml", SHARED);
  }

  @Test
  void aFileThatDoesNotReadIsNamedExitTwoAndEveryOtherFileIsStillFixed() {
    Path broken = Trees.write(tree.resolve("broken.yaml"), "apiVersion: 1\ndatasources: [\n");

    Cli.Run run = Cli.run("fix", "--write", tree.toString());

    assertThat(run.code()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains(broken + ":").endsWith("1 file rewritten: 10 fixes (1 file unchanged, 1 failed)\n");
    assertThat(Trees.contents(tree)).containsEntry("amp.yaml", AMP_FIXED);
  }

  @Test
  void aPathThatFindsNothingIsAnErrorNotAClean() {
    Cli.Run run = Cli.run("fix", dir.resolve("nowhere").toString());

    assertThat(run.code()).isEqualTo(2);
  }

  @Test
  void standardInputDryRunPrintsTheDiffUnderTheNameGiven() {
    Cli.Run run = Cli.withInput(AMP.getBytes(StandardCharsets.UTF_8), "fix", "--stdin-name", "amp.yaml", "-");

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).startsWith("--- a/amp.yaml\n+++ b/amp.yaml\n").contains("+      sigV4Auth: true   # turned on in 2022");
    assertThat(run.err()).isEqualTo("1 file would change: 10 fixes\n");
  }

  @Test
  void standardInputWithWritePrintsTheWholeFixedFile() {
    Cli.Run run = Cli.withInput(AMP.getBytes(StandardCharsets.UTF_8), "fix", "--write", "--quiet", "-");

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).isEqualTo(AMP_FIXED);
  }

  @Test
  void standardInputWithCheckExitsOneWhenItWouldChange() {
    Cli.Run run = Cli.withInput(AMP.getBytes(StandardCharsets.UTF_8), "fix", "--check", "-");

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.out()).isEqualTo("stdin\n");
  }

  @Test
  void outOrPatchWithStandardInputIsAUsageError() {
    for (List<String> options : List.of(List.of("--out", "somewhere"), List.of("--patch", "p.patch"))) {
      String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.concat(java.util.stream.Stream.of("fix"),
          options.stream()), java.util.stream.Stream.of("-")).toArray(String[]::new);
      Cli.Run run = Cli.withInput(AMP.getBytes(StandardCharsets.UTF_8), args);

      assertThat(run.code()).isEqualTo(2);
      assertThat(run.err()).startsWith("promshift fix: " + options.get(0) + " writes files;");
    }
  }
}
