package io.promshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.promshift.migrate.MigrationOptions;
import io.promshift.migrate.MigrationResult;
import io.promshift.migrate.Migrator;
import io.promshift.report.UnifiedDiff;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The migration's diff is a patch that applies: {@code git apply} and {@code patch -p1}, run from the directory the
 * paths are relative to, turn a copy of each file into exactly what {@code migrate --out} writes — with CRLF lines,
 * without a final newline, with edits on the first and the last line. The terminal's diff masks secrets (so a hunk
 * that shows one cannot apply); {@code --patch FILE} writes the applicable one, readable by its owner alone.
 */
class PatchAppliesTest {
  private static final Migrator FORWARD = new Migrator(MigrationOptions.forward().build());
  private static final Migrator REVERSE = new Migrator(MigrationOptions.reverse().build());
  private static final Path SAMPLES = Path.of("samples/provisioning");

  @TempDir
  Path dir;

  @Test
  void thePatchOfTheSamplesAppliesWithGitAndPatchAndGivesWhatOutWrites() throws Exception {
    Path patch = dir.resolve("changes.patch");
    Cli.Run run = Cli.run("migrate", "--patch", patch.toString(), SAMPLES.toString());
    assertThat(run.code()).as(run.toString()).isZero();
    Cli.Run out = Cli.run("migrate", "--out", dir.resolve("out").toString(), SAMPLES.toString());
    assertThat(out.code()).as(out.toString()).isZero();
    String text = Files.readString(patch);
    assertThat(text).startsWith("--- a/samples/provisioning/").contains("\n+++ b/samples/provisioning/");

    for (String tool : List.of("git", "patch")) {
      Path root = dir.resolve(tool);
      copyTree(SAMPLES, root.resolve(SAMPLES));
      apply(tool, root, patch);
      assertSameTree(dir.resolve("out"), root.resolve(SAMPLES));
    }
  }

  @Test
  void thePatchFileIsCreatedForItsOwnerAloneAndTheRunWarnsThatItHoldsSecrets() throws Exception {
    Path patch = dir.resolve("changes.patch");
    Files.writeString(patch, "an-earlier-patch-xyzzy");
    Files.setPosixFilePermissions(patch, PosixFilePermissions.fromString("rw-r--r--"));
    Cli.Run run = Cli.run("migrate", "--patch", patch.toString(), SAMPLES.toString());
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(patch))).isEqualTo("rw-------");
    assertThat(run.err()).contains(patch + ": warning: this patch holds the files' secrets in clear");
    assertThat(Files.readString(patch)).doesNotContain("an-earlier-patch-xyzzy");
  }

  @Test
  void theTerminalDiffStaysMaskedWhileThePatchKeepsTheSecretAsWritten() throws Exception {
    Path file = dir.resolve("secret.yaml");
    Files.writeString(file, """
        apiVersion: 1
        datasources:
          - name: a
            type: prometheus
            basicAuth: true
            jsonData:
              sigV4Auth: true
            secureJsonData:
              basicAuthPassword: s3cr3t-in-context
        """);
    Path patch = dir.resolve("p.patch");
    Cli.Run run = Cli.run("migrate", "--patch", patch.toString(), file.toString());
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).contains("+    type: grafana-amazonprometheus-datasource").doesNotContain("s3cr3t-in-context");
    assertThat(Files.readString(patch)).contains(" basicAuthPassword: s3cr3t-in-context");
  }

  @ParameterizedTest
  @ValueSource(strings = {"git", "patch"})
  void aCrlfFileKeepsItsCarriageReturnsInThePatch(String tool) throws Exception {
    assertApplies(tool, FORWARD, """
        apiVersion: 1
        datasources:
          - name: a
            type: prometheus
            jsonData:
              sigV4Auth: true
        """.replace("\n", "\r\n"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"git", "patch"})
  void aFileWithoutAFinalNewlineGetsTheMarkerForIt(String tool) throws Exception {
    assertApplies(tool, FORWARD, """
        apiVersion: 1
        datasources:
          - name: a
            jsonData:
              sigV4Auth: true
            type: prometheus""");
  }

  @ParameterizedTest
  @ValueSource(strings = {"git", "patch"})
  void aCrlfFileWithoutAFinalNewlineChangedOnItsLastLine(String tool) throws Exception {
    assertApplies(tool, FORWARD, """
        apiVersion: 1
        datasources:
          - name: a
            jsonData:
              sigV4Auth: true
            type: prometheus""".replace("\n", "\r\n"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"git", "patch"})
  void anEditOnTheFirstLine(String tool) throws Exception {
    assertApplies(tool, FORWARD, """
        datasources: [{name: a, type: prometheus, jsonData: {sigV4Auth: true}}]
        apiVersion: 1
        """);
  }

  @ParameterizedTest
  @ValueSource(strings = {"git", "patch"})
  void aOneLineFileWithoutANewline(String tool) throws Exception {
    assertApplies(tool, FORWARD, "{apiVersion: 1, datasources: [{name: a, type: prometheus, jsonData: {sigV4Auth: true}}]}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"git", "patch"})
  void anEditOnTheLastLine(String tool) throws Exception {
    assertApplies(tool, FORWARD, """
        apiVersion: 1
        datasources:
          - name: a
            jsonData:
              sigV4Auth: true
            type: prometheus
        """);
  }

  @ParameterizedTest
  @ValueSource(strings = {"git", "patch"})
  void editsFarApartMakeHunksOfTheirOwnAndCloseOnesShareOne(String tool) throws Exception {
    StringBuilder yaml = new StringBuilder("apiVersion: 1\ndatasources:\n");
    for (int i = 0; i < 4; i++) {
      yaml.append("  - name: s").append(i).append("\n    type: prometheus\n    jsonData:\n      sigV4Auth: true\n");
      for (int pad = 0; pad < (i == 1 ? 1 : 12); pad++) {
        yaml.append("      # comment ").append(pad).append('\n');
      }
    }
    String patch = assertApplies(tool, FORWARD, yaml.toString());
    assertThat(patch.lines().filter(line -> line.startsWith("@@"))).hasSize(3);
  }

  @ParameterizedTest
  @ValueSource(strings = {"git", "patch"})
  void aRevertThatRemovesTheMarkerLineOnTheLastLine(String tool) throws Exception {
    assertApplies(tool, REVERSE, """
        apiVersion: 1
        datasources:
          - name: a
            type: grafana-amazonprometheus-datasource
            jsonData:
              sigV4Auth: true
              prometheus-type-migration: true
        """);
  }

  /**
   * Migrates {@code yaml} as {@code fixtures/t.yaml}, applies its patch with {@code tool} to a copy of the file, and
   * checks the copy holds the migration's bytes; returns the patch.
   */
  private String assertApplies(String tool, Migrator migrator, String yaml) throws Exception {
    String name = "fixtures/t.yaml";
    MigrationResult result = migrator.migrate(name, yaml);
    assertThat(result.refusal()).as("refusal").isNull();
    assertThat(result.changed()).as("the migration changes the file").isTrue();
    String patch = UnifiedDiff.patch(result);
    Path root = dir.resolve(tool);
    Files.createDirectories(root.resolve("fixtures"));
    Files.writeString(root.resolve(name), yaml);
    Path file = dir.resolve("t.patch");
    Files.writeString(file, patch);
    apply(tool, root, file);
    assertThat(new String(Files.readAllBytes(root.resolve(name)), StandardCharsets.UTF_8)).as(patch)
        .isEqualTo(result.newText());
    // without secrets, the terminal's diff is the same patch
    assertThat(UnifiedDiff.of(result)).isEqualTo(patch);
    return patch;
  }

  /** Checks the patch with the tool, then applies it, from {@code root}; both must succeed. */
  private static void apply(String tool, Path root, Path patch) throws Exception {
    List<List<String>> commands = tool.equals("git")
        ? List.of(List.of("git", "apply", "--check", patch.toString()), List.of("git", "apply", patch.toString()))
        : List.of(List.of("patch", "-p1", "--dry-run", "-i", patch.toString()),
            List.of("patch", "-p1", "--no-backup-if-mismatch", "-i", patch.toString()));
    for (List<String> command : commands) {
      ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
      // outside any repository: git apply works on the files, as patch does
      builder.environment().put("GIT_CEILING_DIRECTORIES", root.getParent().toString());
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).as(command + "\n" + output + "\n" + Files.readString(patch)).isZero();
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path path : walk.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
  }

  private static void assertSameTree(Path expected, Path actual) throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(expected)) {
      walk.filter(Files::isRegularFile).forEach(files::add);
    }
    assertThat(files).isNotEmpty();
    for (Path file : files) {
      Path other = actual.resolve(expected.relativize(file).toString());
      assertThat(Files.readAllBytes(other)).as(other.toString()).isEqualTo(Files.readAllBytes(file));
    }
  }
}
