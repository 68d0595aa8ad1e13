package io.promshift.bench;

import io.promshift.Promshift;
import io.promshift.migrate.MigrationResult;
import io.promshift.migrate.Migrator;
import io.promshift.model.DataSource;
import io.promshift.model.MigrationState;
import io.promshift.model.ProvisioningFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One long token on one line: times must grow linearly with its length. For scalars of 1, 2, 5 and 10 MB,
 * prints the median time of what {@code status} does with a file (read, model, the state and line of every
 * data source) and of a forward migration (read, plan, edit, and the check that reads the result again).
 * The data source with the long value is one that migrates, so the edit and the check run every time.
 *
 * <p>Arguments: the shapes to time (default {@code double-quoted}; {@code all} for every one of
 * {@link Shape}), then optionally {@code --rounds N}. Run with {@code .ci/bench}.
 */
public final class LongScalarBench {
  private static final int[] SIZES_MB = {1, 2, 5, 10};

  /** Where the long token sits, and how it is written. */
  public enum Shape {
    DOUBLE_QUOTED("double-quoted", "    url: \"", "a", "\"\n"),
    DOUBLE_QUOTED_ESCAPES("double-quoted with \\n escapes", "    url: \"", "a\\n", "\"\n"),
    SINGLE_QUOTED("single-quoted with ''", "    url: '", "a''", "'\n"),
    PLAIN("plain", "    url: ", "a", "\n"),
    LITERAL("block literal", "    url: |\n      ", "a", "\n"),
    COMMENT("comment", "    url: http://prometheus:9090 # ", "a", "\n"),
    KEY("explicit key", "    ? ", "k", "\n    : 1\n");

    final String label;
    final String before;
    final String unit;
    final String after;

    Shape(String label, String before, String unit, String after) {
      this.label = label;
      this.before = before;
      this.unit = unit;
      this.after = after;
    }

    /** A provisioning file whose one migrating data source holds a token of about {@code bytes} bytes. */
    public String file(int bytes) {
      StringBuilder out = new StringBuilder(bytes + 256);
      out.append("apiVersion: 1\ndatasources:\n  - name: AMP\n    type: prometheus\n");
      out.append(before).append(unit.repeat(Math.max(1, bytes / unit.length()))).append(after);
      out.append("    jsonData:\n      sigV4Auth: true\n      sigV4AuthType: default\n"
          + "      sigV4Region: eu-west-1\n");
      return out.toString();
    }
  }

  private LongScalarBench() {}

  public static void main(String[] args) {
    List<Shape> shapes = new ArrayList<>();
    int rounds = 3;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--rounds")) {
        rounds = Integer.parseInt(args[++i]);
      } else if (args[i].equals("all")) {
        shapes.addAll(List.of(Shape.values()));
      } else {
        shapes.add(Shape.valueOf(args[i].toUpperCase(java.util.Locale.ROOT).replace('-', '_')));
      }
    }
    if (shapes.isEmpty()) {
      shapes.add(Shape.DOUBLE_QUOTED);
    }
    Promshift promshift = Promshift.create();
    Migrator migrator = promshift.migrator(); // forward to the plugin types, the default
    for (Shape shape : shapes) {
      byte[] warmUp = shape.file(64 * 1024).getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < 20; i++) {
        status(promshift, warmUp);
        migrate(migrator, warmUp);
      }
    }
    System.out.println("| long token | MB | status (median) | ms/MB | migrate (median) | ms/MB |");
    System.out.println("|---|---:|---:|---:|---:|---:|");
    for (Shape shape : shapes) {
      for (int mb : SIZES_MB) {
        byte[] bytes = shape.file(mb * 1024 * 1024).getBytes(StandardCharsets.UTF_8);
        double status = Timing.median(() -> status(promshift, bytes), rounds);
        double migrate = Timing.median(() -> migrate(migrator, bytes), rounds);
        System.out.printf("| %s | %d | %.3f s | %.0f | %.3f s | %.0f |%n", shape.label, mb, status,
            status * 1000 / mb, migrate, migrate * 1000 / mb);
      }
    }
  }

  /** What {@code status} asks of a file. */
  private static void status(Promshift promshift, byte[] bytes) {
    ProvisioningFile file = promshift.read("bench.yaml", bytes);
    for (DataSource source : file.dataSources()) {
      file.position(source.node());
      if (MigrationState.of(source).state() != MigrationState.State.PENDING) {
        throw new AssertionError("the bench's data source must be pending");
      }
    }
  }

  private static void migrate(Migrator migrator, byte[] bytes) {
    MigrationResult result = migrator.migrate("bench.yaml", bytes);
    if (result.changes().size() != 1) {
      throw new AssertionError("the bench's data source must migrate: " + result.refusal());
    }
  }


}
