package io.promshift.bench;

import io.promshift.io.FileSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;

/**
 * The floor for {@code .ci/bench-cli}: one JVM that finds the same files the CLI finds, reads each and runs
 * SnakeYAML Engine's bare event parse over it (no model, no migration, no output), with the settings
 * {@link MigrationBench} uses. Prints the file count and the time spent after JVM start.
 */
public final class ParseFloor {
  private ParseFloor() {}

  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    List<Path> files = FileSet.of(Path.of(args[0])).files();
    LoadSettings settings = LoadSettings.builder().setParseComments(true).setCodePointLimit(Integer.MAX_VALUE).build();
    long events = 0;
    long bytes = 0;
    for (Path file : files) {
      byte[] content = Files.readAllBytes(file);
      bytes += content.length;
      try {
        for (Event ignored : new Parse(settings).parseString(new String(content, StandardCharsets.UTF_8))) {
          events++;
        }
      } catch (RuntimeException notYaml) {
        // a file the CLI refuses: the floor stops where the parser does
      }
    }
    System.out.printf("%d files, %.1f MB, %d events parsed in %.3f s after JVM start%n", files.size(),
        bytes / (1024.0 * 1024.0), events, (System.nanoTime() - start) / 1e9);
  }
}
