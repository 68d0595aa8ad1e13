package io.promshift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.promshift.bench.LongScalarBench.Shape;
import io.promshift.migrate.MigrationResult;
import io.promshift.migrate.Migrator;
import io.promshift.model.MigrationState;
import io.promshift.model.ProvisioningFile;
import io.promshift.rules.Diagnostic;
import io.promshift.rules.ValidationOptions;
import io.promshift.rules.Validator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Guards against the pathological cases of one long token, which took from 15 s to hours before the time
 * became linear in its length. The limits are generous (no test here measures speed; {@code LongScalarBench}
 * does): each case now takes well under a second on a warm JVM.
 */
class LongTokenTest {
  private static final int TEN_MB = 10 * 1024 * 1024;
  private static final Duration LIMIT = Duration.ofSeconds(20);
  private static final Promshift PROMSHIFT = Promshift.create();
  private static final Migrator FORWARD = PROMSHIFT.migrator(); // forward to the plugin types, the default

  @ParameterizedTest
  @EnumSource(Shape.class)
  void aTenMegabyteTokenIsReadAndMigratedInTime(Shape shape) {
    // a double-quoted one took 15 s to read and 31 s to migrate: the Engine copied its read window n / 1024 times
    byte[] bytes = shape.file(TEN_MB).getBytes(StandardCharsets.UTF_8);
    assertTimeoutPreemptively(LIMIT, () -> {
      assertThat(statusOf(bytes)).containsExactly(MigrationState.State.PENDING);
      MigrationResult result = FORWARD.migrate("long.yaml", bytes);
      assertThat(result.refused()).isFalse();
      assertThat(result.changes()).hasSize(1);
    });
  }

  @Test
  void aLongNumberIsResolvedInTime() {
    // BigInteger read every digit of a plain number in time quadratic in their count: 256 KB took 6 s
    String file = "apiVersion: 1\ndatasources:\n  - name: A\n    type: prometheus\n    jsonData:\n"
        + "      sigV4Auth: true\n      seriesLimit: " + "9".repeat(TEN_MB) + "\n      timeout: 0x" + "f".repeat(TEN_MB)
        + "\n";
    byte[] bytes = file.getBytes(StandardCharsets.UTF_8);
    assertTimeoutPreemptively(LIMIT, () -> {
      assertThat(statusOf(bytes)).containsExactly(MigrationState.State.PENDING);
      assertThat(FORWARD.migrate("long.yaml", bytes).changes()).hasSize(1);
    });
  }

  @Test
  void manyPositionsOnOneLongLineAreFoundInTime() {
    // each position counted its line's code points from the line start: 48,000 sources on one 4 MB line,
    // in a file with one char beyond Latin-1, took 30 s
    StringBuilder file = new StringBuilder("# → 😀\napiVersion: 1\ndatasources: [");
    for (int i = 0; file.length() < 4 * 1024 * 1024; i++) {
      file.append(i == 0 ? "" : ", ").append("{name: a").append(i)
          .append(", type: prometheus, jsonData: {sigV4Auth: true, sigV4Region: eu-west-1}}");
    }
    byte[] bytes = file.append("]\n").toString().getBytes(StandardCharsets.UTF_8);
    assertTimeoutPreemptively(LIMIT, () -> {
      assertThat(statusOf(bytes)).hasSizeGreaterThan(40_000).containsOnly(MigrationState.State.PENDING);
    });
  }

  @Test
  void placeholdersInALongValueAreJudgedInTime() {
    // the schema's placeholder pattern, tried at every "${" that no "}" follows, took minutes for 256 KB
    String value = "${a$a$__env{a".repeat(TEN_MB / 13);
    String file = "apiVersion: 1\ndatasources:\n  - name: A\n    type: prometheus\n    url: \"" + value + "\"\n"
        + "    jsonData:\n      httpMethod: \"" + value + "\"\n";
    ProvisioningFile read = PROMSHIFT.read("long.yaml", file);
    Validator expanding = Validator.create(ValidationOptions.builder().environment(Map.of("a", "b")).build());
    assertTimeoutPreemptively(LIMIT, () -> {
      List<Diagnostic> plain = Validator.create().validate(read);
      List<Diagnostic> expanded = expanding.validate(read);
      // unexpanded, the placeholder stands for a valid httpMethod; expanded, it is no method at all
      assertThat(plain).extracting(Diagnostic::position).extracting(Object::toString).containsExactly("5:10");
      assertThat(expanded).extracting(Diagnostic::position).extracting(Object::toString).containsExactly("5:10", "7:19");
    });
  }

  private static List<MigrationState.State> statusOf(byte[] bytes) {
    ProvisioningFile file = PROMSHIFT.read("long.yaml", bytes);
    return file.dataSources().stream().map(source -> {
      file.position(source.node());
      return MigrationState.of(source).state();
    }).toList();
  }

  /** The secrets policy scans every value and comment for credentials (URLs, parameters, commented keys). */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {
      "    url: \"http://%s\"\n", "    uid: \"=%s\"\n", "# %s\n", "# password %s\n", "    url: \"a?b=%s\"\n"})
  void aLongLineIsScannedForCredentialsInTime(String line) {
    String file = "apiVersion: 1\ndatasources:\n  - name: a\n    type: prometheus\n"
        + "    jsonData: {sigV4Auth: true, sigV4Region: eu-west-1}\n" + line.formatted("x".repeat(2 * 1024 * 1024));
    java.nio.file.Path path;
    try {
      path = java.nio.file.Files.createTempFile("long-line", ".yaml");
      java.nio.file.Files.writeString(path, file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    path.toFile().deleteOnExit();
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(LIMIT, () -> {
      PROMSHIFT.validate(path);
      io.promshift.report.Run run = PROMSHIFT.migrate(io.promshift.io.FileSet.of(path),
          io.promshift.io.WriteMode.none(), true, RunListener.NONE);
      assertThat(run.files()).hasSize(1);
    });
  }
}
