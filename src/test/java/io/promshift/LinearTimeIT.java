package io.promshift;

import static org.assertj.core.api.Assertions.assertThat;

import io.promshift.bench.Generated;
import io.promshift.bench.LongScalarBench.Shape;
import io.promshift.io.FileSet;
import io.promshift.io.WriteMode;
import io.promshift.report.FindingsReport;
import io.promshift.report.FileOutcome;
import io.promshift.report.InspectReport;
import io.promshift.report.Run;
import io.promshift.report.RunReport;
import io.promshift.report.StatusText;
import io.promshift.report.Style;
import io.promshift.report.ValidationRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command and output format takes time linear in the input's size (issue 16): through the library facade, the
 * time on a large input is compared with the time on a 1 MB input of the same kind, never with a clock. Two kinds of
 * input: one data source holding ONE long token (a 1 MB and a 10 MB value: double-quoted, plain, block literal, or a
 * comment), and a file of many data sources whose migration changes most of them, so the diff, the patch and the
 * reports are large (1 MB and 5 MB, {@link Generated}).
 *
 * <p>The bound: for an input f times larger, linear time is a ratio of f, quadratic f²; the test allows f^1.5 (31.6
 * for 10×, 11.2 for 5×), the geometric middle, so it fails on anything quadratic (and on n^1.5) but not on the noise
 * of a shared 2-core machine, a larger heap to collect, or an n·log n. Each time is the least of two samples after a
 * warm-up on the small input (the least is the one the machine's other work disturbed least); a sample of the small
 * input is `factor` runs in a row, as many bytes as one run of the large one. A quadratic path on a
 * 10 MB input takes minutes (the ones fixed took 15 s to hours), so one would show as a ratio in the hundreds.
 *
 * <p>An integration test (the failsafe phase, {@code mvn verify}), not a unit test: it takes minutes (the many data
 * sources' validate and inspect take seconds per megabyte).
 */
class LinearTimeIT {
  private static final int MB = 1024 * 1024;
  private static final int RUNS = 2;
  private static final Promshift PROMSHIFT = Promshift.create();
  private static Path dir;

  @BeforeAll
  static void folder() throws IOException {
    dir = Files.createTempDirectory("linear-time");
  }

  @AfterAll
  static void clean() throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  /** What one command, in one output format, makes of a file's bytes: its whole output, as a user gets it. */
  enum Command {
    STATUS_TEXT(bytes -> {
      Run run = PROMSHIFT.status("in.yaml", bytes);
      return StatusText.file(run.files().get(0), Style.PLAIN, true) + StatusText.totals(run);
    }),
    STATUS_JSON(bytes -> RunReport.statusJson(PROMSHIFT.status("in.yaml", bytes))),
    INSPECT_JSON(bytes -> InspectReport.json(List.of(PROMSHIFT.inspect("in.yaml", bytes)))),
    INSPECT_YAML(bytes -> InspectReport.yaml(List.of(PROMSHIFT.inspect("in.yaml", bytes)))),
    VALIDATE_TEXT(bytes -> findings(FindingsReport.Format.TEXT, PROMSHIFT.validate("in.yaml", bytes))),
    VALIDATE_JSON(bytes -> findings(FindingsReport.Format.JSON, PROMSHIFT.validate("in.yaml", bytes))),
    VALIDATE_SARIF(bytes -> findings(FindingsReport.Format.SARIF, PROMSHIFT.validate("in.yaml", bytes))),
    /** The dry run: the unified diff, secrets masked. */
    MIGRATE_DIFF(bytes -> changed(PROMSHIFT.migrate("in.yaml", bytes, true).run()).diff()),
    MIGRATE_JSON(bytes -> RunReport.migrationJson(PROMSHIFT.migrate("in.yaml", bytes, false).run(), "amazon")),
    MIGRATE_SARIF(bytes -> RunReport.sarif(PROMSHIFT.migrate("in.yaml", bytes, false).run())),
    /** {@code migrate --patch}: the file read from disk, the patch written to a file. */
    MIGRATE_PATCH(bytes -> onDisk(bytes, (in, out) -> {
      Path patch = out.resolve("change.patch");
      try {
        changed(PROMSHIFT.migrate(FileSet.of(in), WriteMode.none(), false, patch, RunListener.NONE));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return patch;
    })),
    /** {@code fix}'s dry run: every finding of a validation, each fixable one's edit checked, the diff. */
    FIX_DIFF(bytes -> PROMSHIFT.fix("in.yaml", bytes, true).run().files().get(0).diff()),
    FIX_JSON(bytes -> RunReport.fixJson(PROMSHIFT.fix("in.yaml", bytes, false).run())),
    /** {@code migrate --out}: the file read from disk, the result written to a folder. */
    MIGRATE_OUT(bytes -> onDisk(bytes, (in, out) -> {
      changed(PROMSHIFT.migrate(FileSet.of(in), WriteMode.toFolder(out.resolve("tree")), false, RunListener.NONE));
      return out;
    }));

    final Function<byte[], Object> run;

    Command(Function<byte[], Object> run) {
      this.run = run;
    }
  }

  private static String findings(FindingsReport.Format format, ValidationRun run) {
    StringBuilder out = new StringBuilder();
    try {
      FindingsReport.of(format).write(run, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static FileOutcome changed(Run run) {
    assertThat(run.files()).hasSize(1);
    FileOutcome outcome = run.files().get(0);
    assertThat(outcome.verdict()).as(outcome.diagnostics().toString()).isEqualTo(io.promshift.report.Verdict.CHANGED);
    return outcome;
  }

  private static Object onDisk(byte[] bytes, java.util.function.BiFunction<Path, Path, Path> command) {
    try {
      Path run = Files.createTempDirectory(dir, "run");
      Path in = Files.write(run.resolve("in.yaml"), bytes);
      return command.apply(in, run);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The inputs: a long token of each shape (1 MB against 10 MB), many data sources (1 MB against 5 MB). */
  enum Input {
    DOUBLE_QUOTED(10, mb -> Shape.DOUBLE_QUOTED.file(mb * MB)),
    PLAIN(10, mb -> Shape.PLAIN.file(mb * MB)),
    LITERAL(10, mb -> Shape.LITERAL.file(mb * MB)),
    COMMENT(10, mb -> Shape.COMMENT.file(mb * MB)),
    MANY_SOURCES(5, mb -> Generated.file((long) mb * MB));

    final int factor;
    final Function<Integer, String> file;

    Input(int factor, Function<Integer, String> file) {
      this.factor = factor;
      this.file = file;
    }

    byte[] bytes(int mb) {
      return file.apply(mb).getBytes(StandardCharsets.UTF_8);
    }
  }

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (Input input : Input.values()) {
      for (Command command : Command.values()) {
        cases.add(Arguments.of(input, command));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("cases")
  void timeGrowsLinearlyWithTheInput(Input input, Command command) {
    byte[] small = input.bytes(1);
    byte[] large = input.bytes(input.factor);
    command.run.apply(small); // warm-up: the JIT, the classes, the schema
    command.run.apply(small);
    // the small input's time is the mean of `factor` runs in a row: as many bytes as one large run, so a time of a
    // few milliseconds is not all noise
    double smallTime = leastOf(command, small, input.factor) / input.factor;
    double largeTime = leastOf(command, large, 1);
    double ratio = largeTime / smallTime;
    double bound = Math.pow(input.factor, 1.5);
    System.out.printf(Locale.ROOT, "linear-time %s %s: 1 MB %.3f s, %d MB %.3f s, ratio %.1f (linear %d, bound %.1f)%n",
        input, command, smallTime, input.factor, largeTime, ratio, input.factor, bound);
    assertThat(ratio).as("t(%d MB) / t(1 MB) for %s, %s: linear is %d, quadratic %d", input.factor, input, command,
        input.factor, input.factor * input.factor).isLessThan(bound);
  }

  /** The least time, of {@link #RUNS} samples, that {@code times} runs in a row take. */
  private static double leastOf(Command command, byte[] bytes, int times) {
    double least = Double.MAX_VALUE;
    for (int i = 0; i < RUNS; i++) {
      long start = System.nanoTime();
      for (int j = 0; j < times; j++) {
        assertThat(command.run.apply(bytes)).isNotNull();
      }
      least = Math.min(least, (System.nanoTime() - start) / 1e9);
    }
    return least;
  }
}
