package io.promshift.bench;

import io.promshift.migrate.MigrationOptions;
import io.promshift.migrate.MigrationResult;
import io.promshift.migrate.Migrator;
import io.promshift.io.FileSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;

/**
 * Forward-migration throughput: the corpus, and generated files of 5, 10 and 20 MB (50,000 data sources
 * at 20 MB) to show that time grows linearly with size. Beside each, the floor: SnakeYAML Engine's bare
 * event parse of the same bytes. Run with {@code .ci/bench}; prints a Markdown table for the README.
 */
public final class MigrationBench {
  private static final Migrator FORWARD = new Migrator(MigrationOptions.forward().build());

  public static void main(String[] args) throws Exception {
    Path shared = Path.of(args.length > 0 ? args[0] : "../shared");
    List<byte[]> corpus = new ArrayList<>();
    for (String folder : List.of("real", "synthetic", "derived")) {
      Path dir = shared.resolve("corpus").resolve(folder);
      if (Files.isDirectory(dir)) {
        for (Path file : FileSet.of(dir).files()) {
          corpus.add(Files.readAllBytes(file));
        }
      }
    }
    for (Path file : FileSet.of(Path.of("samples")).files()) {
      corpus.add(Files.readAllBytes(file));
    }
    System.out.println("| input | files | MB | migrate (median) | files/s | MB/s | bare Engine parse | data sources changed |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
    row("corpus (real, synthetic, derived, samples)", corpus, 20);
    for (int mb : new int[] {5, 10, 20}) {
      byte[] bytes = Generated.file(mb * 1024L * 1024).getBytes(StandardCharsets.UTF_8);
      row("generated " + mb + " MB", List.of(bytes), mb == 20 ? 5 : 7);
    }
  }

  private static void row(String label, List<byte[]> files, int rounds) {
    long bytes = files.stream().mapToLong(b -> b.length).sum();
    int[] changed = new int[1];
    Runnable migrate = () -> {
      changed[0] = 0;
      for (byte[] file : files) {
        MigrationResult result = FORWARD.migrate("bench.yaml", file);
        changed[0] += result.changes().size();
      }
    };
    Runnable parse = () -> {
      LoadSettings settings = LoadSettings.builder().setParseComments(true).setCodePointLimit(Integer.MAX_VALUE).build();
      for (byte[] file : files) {
        try {
          for (Event ignored : new Parse(settings).parseString(new String(file, StandardCharsets.UTF_8))) {
            // consume
          }
        } catch (RuntimeException invalidSample) {
          // samples/invalid: the floor stops where the parser does
        }
      }
    };
    double migrateSeconds = median(migrate, rounds);
    double parseSeconds = median(parse, rounds);
    double mb = bytes / (1024.0 * 1024.0);
    System.out.printf("| %s | %d | %.1f | %.3f s | %.1f | %.1f | %.3f s (%.1f× floor) | %d |%n", label, files.size(), mb,
        migrateSeconds, files.size() / migrateSeconds, mb / migrateSeconds, parseSeconds,
        migrateSeconds / parseSeconds, changed[0]);
  }

  private static double median(Runnable task, int rounds) {
    for (int i = 0; i < 3; i++) {
      task.run(); // warm-up
    }
    return Timing.median(task, rounds);
  }
}
