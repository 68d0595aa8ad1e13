package io.promshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.promshift.io.AtomicWriter;
import io.promshift.migrate.MigrationOptions;
import io.promshift.migrate.Migrator;
import io.promshift.model.Secrets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrateCommandTest {
  private static final String SAMPLES_SUMMARY = "11 files: 6 would change (12 data sources to plugin types), 4 unchanged,"
      + " 1 skipped, 0 failed\n";
  private static final Migrator FORWARD = new Migrator(MigrationOptions.forward().build());

  private static String forward(Path file) throws Exception {
    byte[] bytes = Files.readAllBytes(file);
    return new String(FORWARD.migrate(file.toString(), bytes).newBytes(), StandardCharsets.ISO_8859_1);
  }

  @Test
  void aDryRunPrintsTheDiffOnStdoutAndTheSummaryOnStderrAndWritesNothing() {
    Map<String, FileTime> before = Trees.mtimes(Path.of("samples"));
    Cli.Run run = Cli.run("migrate", "samples/provisioning");
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).startsWith("""
        --- a/samples/provisioning/datasources/10-amp-eu-west-1.yaml
        +++ b/samples/provisioning/datasources/10-amp-eu-west-1.yaml
        @@ -29,7 +29,7 @@
           # do not set isDefault anywhere else for orgId 1.
           - name: AMP Production
             uid: amp-prod-euw1
        -    type: prometheus
        +    type: grafana-amazonprometheus-datasource
        """);
    assertThat(run.out()).contains("+++ b/samples/provisioning/datasources/60-legacy-v0.yaml")
        .doesNotContain("a/samples/provisioning/datasources/20-observability-stack.yaml");
    assertThat(run.err()).contains(
            "samples/provisioning/dashboards/dashboards.yaml: note: not a data source provisioning file",
            "samples/provisioning/datasources/13-amp-retail-us-east-1.yaml:16:14: warning: \"AMP Retail\" has a fixed version: 3",
            "samples/provisioning/datasources/70-staging-org2.yaml:41:18: warning: \"AMP Staging\" will not migrate: sigV4Auth is the string \"true\"")
        .endsWith(SAMPLES_SUMMARY);
    assertThat(Trees.mtimes(Path.of("samples"))).isEqualTo(before);
    assertThat(Cli.run("migrate", "--dry-run", "samples/provisioning")).isEqualTo(run);
  }

  @Test
  void checkPrintsOnlyTheFilesThatWouldChangeAndExitsOne() {
    Cli.Run run = Cli.run("migrate", "--check", "samples/provisioning");
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.out()).isEqualTo("""
        samples/provisioning/datasources/10-amp-eu-west-1.yaml
        samples/provisioning/datasources/11-amp-data-team.yaml
        samples/provisioning/datasources/12-amp-cross-account.yml
        samples/provisioning/datasources/13-amp-retail-us-east-1.yaml
        samples/provisioning/datasources/40-azure-prometheus.yaml
        samples/provisioning/datasources/60-legacy-v0.yaml
        """);
    assertThat(run.err()).endsWith(SAMPLES_SUMMARY);

    Cli.Run clean = Cli.run("migrate", "--check", "samples/provisioning/datasources/20-observability-stack.yaml",
        "samples/provisioning/datasources/50-amp-plugin.yaml");
    assertThat(clean.code()).isZero();
    assertThat(clean.out()).isEmpty();
    assertThat(clean.err()).isEqualTo("2 files: 0 would change (0 data sources to plugin types), 2 unchanged, 0 skipped, 0 failed\n");
  }

  @Test
  void writeRewritesChangedFilesAtomicallyAndLeavesTheOthersUntouched(@TempDir Path dir) throws Exception {
    Path tree = Trees.copy(Path.of("samples/provisioning"), dir.resolve("repo"));
    Path changed = tree.resolve("datasources/11-amp-data-team.yaml");
    Files.setPosixFilePermissions(changed, PosixFilePermissions.fromString("rw-r-----"));
    Map<String, String> before = Trees.contents(tree);
    Map<String, String> expected = new java.util.TreeMap<>();
    for (String file : before.keySet()) {
      expected.put(file, forward(tree.resolve(file)));
    }

    Cli.Run run = Cli.run("migrate", "--write", tree.toString());
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out().replace(tree.toString(), "REPO")).isEqualTo("""
        REPO/datasources/10-amp-eu-west-1.yaml
        REPO/datasources/11-amp-data-team.yaml
        REPO/datasources/12-amp-cross-account.yml
        REPO/datasources/13-amp-retail-us-east-1.yaml
        REPO/datasources/40-azure-prometheus.yaml
        REPO/datasources/60-legacy-v0.yaml
        """);
    assertThat(run.err()).endsWith("11 files: 6 rewritten (12 data sources to plugin types), 4 unchanged, 1 skipped, 0 failed\n");

    Map<String, String> after = Trees.contents(tree);
    assertThat(after).as("every file holds its migrated bytes, and no stray file is left").isEqualTo(expected);
    Map<String, FileTime> mtimes = Trees.mtimes(tree);
    for (String file : before.keySet()) {
      boolean rewritten = !before.get(file).equals(after.get(file));
      assertThat(mtimes.get(file).equals(Trees.OLD)).as(file + " mtime kept unless rewritten").isEqualTo(!rewritten);
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(changed))).isEqualTo("rw-r-----");

    // a second run finds nothing to do, and touches nothing
    Map<String, FileTime> settled = Trees.mtimes(tree);
    Cli.Run again = Cli.run("migrate", "--write", tree.toString());
    assertThat(again.out()).isEmpty();
    assertThat(again.err()).endsWith("11 files: 0 rewritten (0 data sources to plugin types), 10 unchanged, 1 skipped, 0 failed\n");
    assertThat(Trees.mtimes(tree)).isEqualTo(settled);
    assertThat(Cli.run("migrate", "--check", tree.toString()).code()).isZero();
  }

  @Test
  void oneBrokenFileAmongGoodOnesIsNamedAndEveryOtherFileIsStillWritten(@TempDir Path dir) throws Exception {
    Path tree = Trees.copy(Path.of("samples/provisioning/datasources"), dir.resolve("repo"));
    Files.copy(Path.of("samples/invalid/syntax-error.yaml"), tree.resolve("15-broken.yaml"));
    Map<String, String> before = Trees.contents(tree);

    Cli.Run run = Cli.run("migrate", "--write", tree.toString());
    assertThat(run.code()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains(tree.resolve("15-broken.yaml") + ":14:13: error: invalid YAML: expected ',' or '}'")
        .endsWith("11 files: 6 rewritten (12 data sources to plugin types), 4 unchanged, 0 skipped, 1 failed\n");
    Map<String, String> after = Trees.contents(tree);
    assertThat(after.get("15-broken.yaml")).isEqualTo(before.get("15-broken.yaml"));
    assertThat(after.get("60-legacy-v0.yaml")).as("a file after the broken one").isNotEqualTo(before.get("60-legacy-v0.yaml"));
    assertThat(after.keySet()).isEqualTo(before.keySet());
  }

  @Test
  void outWritesEveryProcessedFileChangedOrNotUnderTheSameRelativePath(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("out");
    Cli.Run run = Cli.run("migrate", "--to", "amazon", "--out", out.toString(), "samples");
    assertThat(run.code()).as("3 files in samples/invalid cannot be migrated").isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).endsWith("25 files written to " + out + ": 14 changed (19 data sources to"
        + " grafana-amazonprometheus-datasource), 7 unchanged, 1 skipped, 3 failed\n");

    Migrator amazon = new Migrator(MigrationOptions.forward().only(io.promshift.migrate.Target.AMAZON).build());
    Map<String, String> written = Trees.contents(out);
    Map<String, String> inputs = Trees.contents(Path.of("samples"));
    inputs.keySet().removeIf(name -> !name.endsWith(".yaml") && !name.endsWith(".yml"));
    assertThat(written.keySet()).isEqualTo(inputs.keySet());
    for (String file : inputs.keySet()) {
      byte[] bytes = inputs.get(file).getBytes(StandardCharsets.ISO_8859_1);
      var result = amazon.migrate(file, bytes);
      byte[] expected = result.refused() ? bytes : result.newBytes();
      assertThat(written.get(file)).as(file).isEqualTo(new String(expected, StandardCharsets.ISO_8859_1));
    }
    assertThat(written.get("provisioning/datasources/40-azure-prometheus.yaml")).as("--to amazon leaves Azure alone")
        .isEqualTo(inputs.get("provisioning/datasources/40-azure-prometheus.yaml"));

    // forward then reverse gives every file back, byte for byte, but for the one migrated before the run
    Path back = dir.resolve("back");
    Cli.run("migrate", "--to", "prometheus", "--out", back.toString(), out.toString());
    Map<String, String> reverted = Trees.contents(back);
    String premigrated = "provisioning/datasources/50-amp-plugin.yaml";
    assertThat(reverted.remove(premigrated)).contains("  - name: AMP Nordics\n    uid: amp-nordics-eun1\n    type: prometheus\n");
    inputs.remove(premigrated);
    assertThat(reverted).isEqualTo(inputs);
  }

  @Test
  void anOutFolderInsideThePathIsNotReadBackByTheNextRun(@TempDir Path dir) {
    Path repo = Trees.copy(Path.of("samples/provisioning"), dir.resolve("repo"));
    Path out = repo.resolve("migrated");
    Cli.Run first = Cli.run("migrate", "--out", out.toString(), repo.toString());
    Map<String, String> written = Trees.contents(out);
    Cli.Run second = Cli.run("migrate", "--out", out.toString(), repo.toString());
    assertThat(second).isEqualTo(first);
    assertThat(first.err()).endsWith("11 files written to " + out + ": 6 changed (12 data sources to plugin types),"
        + " 4 unchanged, 1 skipped, 0 failed\n");
    assertThat(Trees.contents(out)).as("no migrated/migrated/...").isEqualTo(written).hasSize(11);

    // named on the command line, a file in the output folder is read like any other
    Cli.Run named = Cli.run("migrate", "--check", out.resolve("datasources/10-amp-eu-west-1.yaml").toString());
    assertThat(named.err()).endsWith("1 file: 0 would change (0 data sources to plugin types), 1 unchanged, 0 skipped, 0 failed\n");
  }

  @Test
  void secretsAreMaskedInDiffsAndEveryOtherOutput(@TempDir Path dir) {
    String secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    Trees.write(dir.resolve("keys.yaml"), """
        apiVersion: 1
        datasources:
          - name: AMP Keys
            type: prometheus
            url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1/
            basicAuthPassword: "hunter2-literal"
            jsonData:
              sigV4Auth: true
              sigV4AuthType: keys
              sigV4Region: eu-west-1
            secureJsonData:
              sigV4AccessKey: AKIAIOSFODNN7EXAMPLE
              sigV4SecretKey: %s
        """.formatted(secret));
    for (List<String> args : List.of(List.of("migrate", "-v", dir.toString()), List.of("migrate", "--check", "-v", dir.toString()),
        List.of("status", "-v", dir.toString()))) {
      Cli.Run run = Cli.run(args.toArray(String[]::new));
      String all = run.out() + run.err();
      assertThat(all).as(args.toString()).doesNotContain(secret).doesNotContain("AKIAIOSFODNN7EXAMPLE")
          .doesNotContain("hunter2");
    }
    String diff = Cli.run("migrate", dir.toString()).out();
    assertThat(diff).contains("+    type: grafana-amazonprometheus-datasource")
        .contains("sigV4SecretKey: " + Secrets.MASK);
  }

  @Test
  void theDirectionAndMarkerOptionsReachTheMigrator() {
    Cli.Run revert = Cli.run("migrate", "--to", "prometheus", "--keep-marker", "samples/provisioning/datasources/50-amp-plugin.yaml");
    assertThat(revert.code()).isZero();
    assertThat(revert.out()).contains("-    type: grafana-amazonprometheus-datasource\n+    type: prometheus",
        "-      prometheus-type-migration: true\n+      prometheus-type-migration: false");
    assertThat(revert.err()).contains("\"AMP Tokyo\" has no prometheus-type-migration: true")
        .endsWith("1 file: 1 would change (1 data source to prometheus), 0 unchanged, 0 skipped, 0 failed\n");
    Cli.Run all = Cli.run("migrate", "--to", "prometheus", "--all", "samples/provisioning/datasources/50-amp-plugin.yaml");
    assertThat(all.err()).endsWith("1 file: 1 would change (2 data sources to prometheus), 0 unchanged, 0 skipped, 0 failed\n");

    Cli.Run azure = Cli.run("migrate", "--to", "azure", "--check", "samples/provisioning");
    assertThat(azure.out()).isEqualTo("samples/provisioning/datasources/40-azure-prometheus.yaml\n");
  }

  @Test
  void quietPrintsErrorsOnlyAndVerboseSaysWhatHappenedToEveryFile() {
    Cli.Run quiet = Cli.run("migrate", "-q", "samples/provisioning");
    assertThat(quiet).isEqualTo(new Cli.Run(0, "", ""));
    Cli.Run quietCheck = Cli.run("migrate", "--check", "--quiet", "samples");
    assertThat(quietCheck.code()).isEqualTo(2);
    assertThat(quietCheck.out()).isEmpty();
    assertThat(quietCheck.err().lines()).hasSize(3).allMatch(line -> line.contains(": error: "));

    Cli.Run verbose = Cli.run("migrate", "--check", "--verbose", "samples/provisioning");
    assertThat(verbose.err()).contains(
        "samples/provisioning/dashboards/dashboards.yaml: skipped\n",
        "samples/provisioning/datasources/10-amp-eu-west-1.yaml: would change (3 data sources)\n",
        "samples/provisioning/datasources/20-observability-stack.yaml: unchanged\n");
  }

  @Test
  void diffColourOnlyOnATerminalWithoutNoColor() {
    String file = "samples/provisioning/datasources/60-legacy-v0.yaml";
    assertThat(Cli.run(Cli.terminal(Map.of()), "migrate", file).out())
        .contains("\u001b[31m-    type: prometheus\u001b[0m", "\u001b[32m+    type: grafana-amazonprometheus-datasource\u001b[0m");
    assertThat(Cli.run(Cli.terminal(Map.of("NO_COLOR", "1")), "migrate", file)).isEqualTo(Cli.run("migrate", file));
  }

  @Test
  void outputIsTheSameWhateverTheNumberOfThreads() {
    assertThat(Cli.run("migrate", "-j", "7", "samples")).isEqualTo(Cli.run("migrate", "--jobs", "1", "samples"));
  }

  @Test
  void aSymlinkIsWrittenThroughAndOneOutOfTheRootIsNotFollowed(@TempDir Path dir) throws Exception {
    Path tree = Trees.copy(Path.of("samples/provisioning/datasources"), dir.resolve("repo"));
    Path real = tree.resolve("60-legacy-v0.yaml");
    Path link = Files.createSymbolicLink(tree.resolve("61-link.yaml"), real.getFileName());
    Path outside = Trees.write(dir.resolve("elsewhere/99.yaml"),
        "apiVersion: 1\ndatasources:\n  - {name: X, type: prometheus, jsonData: {sigV4Auth: true}}\n");
    Files.createSymbolicLink(tree.resolve("62-outside.yaml"), outside);
    String expected = forward(real);

    Cli.Run run = Cli.run("migrate", "--write", "-j", "4", tree.toString());
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.err()).contains(link + ": note: the same file as " + real + " (a symbolic link); rewritten once, as " + real)
        .endsWith("11 files: 6 rewritten (12 data sources to plugin types), 4 unchanged, 1 skipped, 0 failed\n");
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(new String(Files.readAllBytes(real), StandardCharsets.ISO_8859_1)).isEqualTo(expected);
    assertThat(run.out()).doesNotContain("62-outside.yaml");
    assertThat(Files.readString(outside)).contains("type: prometheus");
    try (Stream<Path> files = Files.list(tree)) {
      assertThat(files.filter(AtomicWriter::isTempFile)).isEmpty();
    }
  }

  @Test
  void usageErrorsExitTwoWithAShortMessage() {
    for (List<String> args : List.<List<String>>of(List.of("migrate"), List.of("migrate", "--to", "gcp", "samples"),
        List.of("migrate", "--check", "--write", "samples"), List.of("migrate", "-v", "-q", "samples"),
        List.of("migrate", "--jobs", "0", "samples"), List.of("migrate", "--frobnicate", "samples"), List.of("nosuchcommand"),
        List.of())) {
      Cli.Run run = Cli.run(args.toArray(String[]::new));
      assertThat(run.code()).as(args.toString()).isEqualTo(2);
      assertThat(run.out()).isEmpty();
      assertThat(run.err()).as(args.toString()).containsPattern("^promshift.*: ").contains("Try 'promshift");
      // the message, migrate's synopsis (six lines at 80 columns, with --config and --no-config) and the hint
      assertThat(run.err().lines().count()).as(run.err()).isLessThanOrEqualTo(8);
    }
  }

  @Test
  void anEmptyPathOrOutFolderIsAUsageErrorNotTheCurrentDirectory() {
    Map<String, FileTime> before = Trees.mtimes(Path.of("samples"));
    for (List<String> args : List.of(List.of("migrate", "--write", ""), List.of("migrate", "--write", "samples", ""),
        List.of("status", ""), List.of("validate", ""))) {
      Cli.Run run = Cli.run(args.toArray(String[]::new));
      assertThat(run.code()).as(args.toString()).isEqualTo(2);
      assertThat(run.out()).isEmpty();
      assertThat(run.err()).contains(": an empty PATH names no file (an unset variable?); write . for the current directory");
    }
    Cli.Run out = Cli.run("migrate", "--out", "", "samples/provisioning");
    assertThat(out.code()).isEqualTo(2);
    assertThat(out.err()).contains("--out needs a folder");
    assertThat(Trees.mtimes(Path.of("samples"))).isEqualTo(before);
  }

  @Test
  void helpOfEveryCommandDocumentsTheExitCodesAndTheRootHasAVersion() {
    for (List<String> args : List.of(List.of("--help"), List.of("status", "--help"), List.of("migrate", "--help"),
        List.of("help", "migrate"))) {
      Cli.Run run = Cli.run(args.toArray(String[]::new));
      assertThat(run.code()).isZero();
      assertThat(run.err()).isEmpty();
      assertThat(run.out()).as(args.toString()).contains("Exit codes:")
          .containsPattern("\n  0 +nothing to report").containsPattern("\n  2 +usage error");
    }
    assertThat(Cli.run("migrate", "--help").out()).contains("  1   --check: at least one file would change", "--out=DIR",
        "--verbose", "--quiet", "--jobs");
    Cli.Run version = Cli.run("--version");
    assertThat(version.code()).isZero();
    assertThat(version.out()).matches("promshift \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n");
  }
}
