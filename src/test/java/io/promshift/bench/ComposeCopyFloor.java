package io.promshift.bench;

import io.promshift.io.FileSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The floor of issue 16's table for {@code .ci/bench-cli}: what any JVM tool that reads every file as YAML and
 * writes it under an output folder must at least do. One JVM finds the same files the CLI finds ({@link FileSet}),
 * and for each reads the bytes, composes every document into SnakeYAML Engine's node tree (with comments, with the
 * settings {@link MigrationBench} uses: no model, no Grafana view, no plan, no check) and writes the bytes unchanged
 * under OUT at the same relative path (a temp file, then a rename, as {@code migrate --out} does). The files are
 * shared among as many threads as the CLI uses (one per core), so the floor does not lose to the CLI by being
 * serial. Run it with the same JVM options as {@code bin/promshift} to compare like with like.
 *
 * <p>Arguments: {@code IN OUT [THREADS]}. Prints the file count, the node count and the time after JVM start.
 */
public final class ComposeCopyFloor {
  private ComposeCopyFloor() {}

  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    Path out = Path.of(args[1]);
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
    List<FileSet.Found> files = FileSet.of(Path.of(args[0])).found();
    LoadSettings settings = LoadSettings.builder().setParseComments(true).setCodePointLimit(Integer.MAX_VALUE)
        .setMaxAliasesForCollections(Integer.MAX_VALUE).build(); // promshift reads what Engine's default of 50 refuses
    AtomicInteger next = new AtomicInteger();
    AtomicLong documents = new AtomicLong();
    AtomicLong refused = new AtomicLong();
    Runnable worker = () -> {
      for (int i = next.getAndIncrement(); i < files.size(); i = next.getAndIncrement()) {
        FileSet.Found found = files.get(i);
        try {
          byte[] content = Files.readAllBytes(found.file());
          try {
            for (Node ignored : new Compose(settings).composeAllFromString(
                new String(content, StandardCharsets.UTF_8))) {
              documents.incrementAndGet();
            }
          } catch (RuntimeException notYaml) {
            refused.incrementAndGet(); // a file the CLI refuses: the floor stops where the composer does
          }
          Path target = out.resolve(found.relative());
          Files.createDirectories(target.getParent());
          Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
          Files.write(temp, content);
          Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    };
    if (threads <= 1) {
      worker.run();
    } else {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<?>> running = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
          running.add(pool.submit(worker));
        }
        for (Future<?> each : running) {
          each.get();
        }
      } finally {
        pool.shutdown();
      }
    }
    System.out.printf("%d files (%d not composable), %d documents composed and copied in %.3f s after JVM start,"
        + " %d threads%n", files.size(), refused.get(), documents.get(), (System.nanoTime() - start) / 1e9, threads);
  }
}
