package io.promshift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.promshift.io.FileSet;
import io.promshift.io.WriteMode;
import io.promshift.report.FileOutcome;
import io.promshift.report.Run;
import io.promshift.report.ValidationRun;
import io.promshift.report.Verdict;
import io.promshift.rules.Code;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facade every front end uses: one outcome per file, in path order, whatever the parallelism. */
class PromshiftTest {
  private static final String AMP = "apiVersion: 1\ndatasources:\n  - name: %s\n    type: prometheus\n"
      + "    url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1\n    jsonData:\n"
      + "      sigV4Auth: true\n      sigV4Region: eu-west-1\n";

  private static Path write(Path file, String text) throws Exception {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  private static Path tree(Path dir) throws Exception {
    for (int i = 0; i < 40; i++) {
      write(dir.resolve("d" + (i % 3) + "/f" + i + ".yaml"), i % 7 == 0 ? "apiVersion: 1\ndatasources:\n  - [\n"
          : i % 5 == 0 ? "apiVersion: 1\nproviders: []\n" : AMP.formatted("ds" + i));
    }
    return dir;
  }

  @Test
  void everyRunGivesOneOutcomePerFileInPathOrderWhateverTheParallelism(@TempDir Path dir) throws Exception {
    FileSet files = FileSet.of(tree(dir));
    Promshift promshift = Promshift.create();

    Run one = promshift.status(files.withParallelism(1));
    Run four = promshift.status(files.withParallelism(4));
    Run migrated = promshift.migrate(files.withParallelism(4), WriteMode.none());

    List<Path> sorted = new ArrayList<>(one.files().stream().map(FileOutcome::file).toList());
    sorted.sort(null);
    assertThat(one.files()).extracting(FileOutcome::file).hasSize(40).isEqualTo(sorted);
    assertThat(four).isEqualTo(one);
    assertThat(migrated.files()).extracting(FileOutcome::file).isEqualTo(sorted);
    assertThat(migrated.count(Verdict.FAILED)).isEqualTo(6);
    assertThat(migrated.count(Verdict.SKIPPED)).isEqualTo(6);
    assertThat(migrated.count(Verdict.CHANGED)).isEqualTo(28);
    assertThat(migrated.files()).filteredOn(FileOutcome::failed)
        .allSatisfy(f -> assertThat(f.diagnostics()).extracting(d -> d.code()).containsExactly(Code.YAML_SYNTAX));
  }

  @Test
  void listenersHearEachOutcomeInPathOrderOnTheCallingThread(@TempDir Path dir) throws Exception {
    List<FileOutcome> heard = new ArrayList<>();
    Thread caller = Thread.currentThread();
    Run run = Promshift.create().status(FileSet.of(tree(dir)).withParallelism(4), new RunListener() {
      @Override
      public void finished(FileOutcome outcome) {
        assertThat(Thread.currentThread()).isSameAs(caller);
        heard.add(outcome);
      }
    });
    assertThat(heard).isEqualTo(run.files());
  }

  @Test
  void validationIsReachableFromTheFacadeWithItsThreshold(@TempDir Path dir) throws Exception {
    write(dir.resolve("a.yaml"), "apiVersion: 1\ndatasources:\n  - name: a\n    type: prometheus\n"
        + "    url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1\n    jsonData:\n"
        + "      sigV4Auth: true\n");
    ValidationRun errors = Promshift.create().validate(FileSet.of(dir));
    assertThat(errors.findings()).extracting(d -> d.code()).contains(Code.SIGV4_REGION_MISSING);
    assertThat(errors.failed()).isTrue();
    assertThat(errors.checked()).isEqualTo(1);
    assertThatThrownBy(() -> PromshiftSettings.builder().failOn("fatal"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("error, warning or info");
  }

  @Test
  void aWritingRunRemovesTheTempFilesAKilledRunLeftAndAReadingRunLeavesThem(@TempDir Path dir) throws Exception {
    write(dir.resolve("a.yaml"), AMP.formatted("a"));
    // a pid above Linux's pid_max: no process has it
    Path leftover = write(dir.resolve(".promshift-4194999-lfls1234-0.tmp"), "half a file");

    Promshift.create().status(FileSet.of(dir));
    assertThat(leftover).exists();

    Run run = Promshift.create().migrate(FileSet.of(dir), WriteMode.inPlace());
    assertThat(run.count(Verdict.CHANGED)).isEqualTo(1);
    assertThat(leftover).doesNotExist();
  }

  @Test
  void anInvalidGlobIsRefusedWhenTheFileSetIsBuilt() {
    assertThatThrownBy(() -> new FileSet(List.of(Path.of(".")), List.of("[a"), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[a");
  }

  @Test
  void anOutputFolderInsideTheInputNeverOverwritesAFileOfItsOwnThatLiesThere(@TempDir Path dir) throws Exception {
    Path in = dir.resolve("in");
    write(in.resolve("a.yaml"), AMP.formatted("a"));
    String handWritten = "apiVersion: 1\ndatasources:\n  - name: loki\n    type: loki\n";
    Path own = write(in.resolve("sub/a.yaml"), handWritten);

    Run run = Promshift.create().migrate(FileSet.of(in), WriteMode.toFolder(in.resolve("sub")));

    assertThat(Files.readString(own)).as("the file of its own is kept").isEqualTo(handWritten);
    assertThat(run.files()).singleElement().satisfies(f -> {
      assertThat(f.verdict()).isEqualTo(Verdict.FAILED);
      assertThat(f.diagnostics()).extracting(d -> d.code()).contains(Code.WRITE_FAILED);
    });
  }

  @Test
  void aRerunIntoAnOutputFolderInsideTheInputReplacesItsOwnEarlierOutput(@TempDir Path dir) throws Exception {
    Path in = dir.resolve("in");
    write(in.resolve("a.yaml"), AMP.formatted("a"));
    Promshift promshift = Promshift.create();
    Run first = promshift.migrate(FileSet.of(in), WriteMode.toFolder(in.resolve("out")));
    Run second = promshift.migrate(FileSet.of(in), WriteMode.toFolder(in.resolve("out")));
    assertThat(second).isEqualTo(first);
    assertThat(second.count(Verdict.CHANGED)).isEqualTo(1);
  }

  @Test
  void aSinglePathIsOneFileAndADirectoryIsNotWalked(@TempDir Path dir) throws Exception {
    Path tree = dir.resolve("t");
    Path a = write(tree.resolve("a.yaml"), AMP.formatted("a"));
    Path b = write(tree.resolve("b.yaml"), AMP.formatted("b"));
    Files.createDirectories(dir.resolve("empty"));
    Promshift promshift = Promshift.create();

    FileOutcome directory = promshift.migrate(tree, WriteMode.inPlace());
    assertThat(directory.verdict()).isEqualTo(Verdict.FAILED);
    assertThat(Files.readString(a)).doesNotContain("grafana-amazonprometheus-datasource");
    assertThat(Files.readString(b)).doesNotContain("grafana-amazonprometheus-datasource");
    assertThat(promshift.migrate(dir.resolve("empty"), WriteMode.none()).verdict()).isEqualTo(Verdict.FAILED);
    assertThat(promshift.validate(tree).anyUnreadable()).isTrue();
    assertThat(promshift.migrate(a, WriteMode.inPlace()).verdict()).isEqualTo(Verdict.CHANGED);
    assertThatThrownBy(() -> promshift.migrate(Path.of(""), WriteMode.inPlace()))
        .isInstanceOf(PromshiftUsageException.class);
  }

  @Test
  void overlappingRootsReadEachFileOnceSoItIsNotItsOwnDuplicate(@TempDir Path dir) throws Exception {
    write(dir.resolve("prov/datasources/a.yaml"), "apiVersion: 1\ndatasources:\n  - name: a\n    type: loki\n"
        + "    url: http://loki:3100\n    isDefault: true\n");
    FileSet overlapping = new FileSet(List.of(dir.resolve("prov"), dir.resolve("prov/datasources")));

    ValidationRun validation = Promshift.create().validate(overlapping);

    assertThat(validation.findings()).extracting(d -> d.code()).doesNotContain(Code.MULTIPLE_DEFAULTS,
        Code.DUPLICATE_NAME, Code.UID_COLLISION);
    assertThat(validation.checked()).isEqualTo(1);
    assertThat(validation.run().files()).extracting(FileOutcome::verdict).containsExactly(Verdict.UNCHANGED,
        Verdict.SKIPPED);
  }

  @Test
  void validateReadsAWindowOfDirectoriesAtATimeAndReportsAsIfEveryFileWereReadFirst(@TempDir Path dir)
      throws Exception {
    // path order interleaves the directories: a/a0.yaml, a/b/*, a/c/*, a/z.yaml; b and c are each more than one
    // window's worth, so a's two files are validated together across windows, and a/z.yaml's outcome waits for c's
    String ds = "apiVersion: 1\ndatasources:\n  - name: %s\n    type: loki\n    url: http://loki:3100\n";
    write(dir.resolve("a/a0.yaml"), ds.formatted("same"));
    write(dir.resolve("a/z.yaml"), ds.formatted("same"));
    for (String sub : List.of("b", "c")) {
      for (int i = 0; i < 300; i++) {
        Path file = dir.resolve("a/" + sub + "/f" + String.format("%03d", i) + ".yaml");
        write(file, ds.formatted(i < 2 ? "same" : sub + i));
      }
    }
    write(dir.resolve("a/b/skipped.yaml"), "apiVersion: 1\n");
    write(dir.resolve("a/c/broken.yaml"), "datasources: [\n");
    List<FileOutcome> heard = new ArrayList<>();
    int[] started = {0};
    java.util.concurrent.atomic.AtomicInteger progressed = new java.util.concurrent.atomic.AtomicInteger();
    RunListener listener = new RunListener() {
      @Override
      public void started(int files) {
        started[0] = files;
      }

      @Override
      public void progressed() {
        progressed.incrementAndGet();
      }

      @Override
      public void finished(FileOutcome outcome) {
        heard.add(outcome);
      }
    };
    Promshift promshift = Promshift.create();

    ValidationRun run = promshift.validate(FileSet.of(dir).withParallelism(4), listener);

    List<Path> sorted = new ArrayList<>(run.run().files().stream().map(FileOutcome::file).toList());
    sorted.sort(null);
    assertThat(run.run().files()).extracting(FileOutcome::file).hasSize(604).isEqualTo(sorted);
    assertThat(heard).isEqualTo(run.run().files());
    assertThat(started[0]).isEqualTo(604);
    assertThat(progressed).hasValue(604);
    assertThat(run.checked()).isEqualTo(603);
    // one duplicate name per directory, never across directories
    assertThat(run.findings()).filteredOn(f -> f.code() == Code.DUPLICATE_NAME)
        .extracting(f -> dir.relativize(Path.of(f.file())).toString())
        .containsExactly("a/b/f001.yaml", "a/c/f001.yaml", "a/z.yaml");
    // the same findings, in the same order, as every file read first and validated by directory
    List<io.promshift.model.ProvisioningFile> all = new ArrayList<>();
    for (Path file : sorted) {
      if (!file.endsWith("broken.yaml")) {
        all.add(promshift.read(file));
      }
    }
    List<io.promshift.rules.Diagnostic> expected = new ArrayList<>(
        io.promshift.rules.Validator.create().validateByDirectory(all));
    expected.addAll(run.run().files().stream().filter(FileOutcome::failed).flatMap(f -> f.diagnostics().stream())
        .toList());
    expected.sort(java.util.Comparator.<io.promshift.rules.Diagnostic>comparingInt(
        f -> sorted.indexOf(Path.of(f.file()))).thenComparing(io.promshift.rules.Diagnostic.BY_POSITION));
    assertThat(run.findings()).isEqualTo(expected);
    assertThat(promshift.validate(FileSet.of(dir).withParallelism(1)).findings()).isEqualTo(run.findings());
  }
}
