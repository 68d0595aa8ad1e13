package io.promshift.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The provisioning files under some roots: files ending in {@code .yaml} or {@code .yml} (case-sensitive,
 * as Grafana matches them), found recursively under directories, in a stable lexical order.
 */
public record FileSet(List<Path> roots) {
  public FileSet {
    roots = List.copyOf(roots);
  }

  public static FileSet of(Path... roots) {
    return new FileSet(List.of(roots));
  }

  /** Whether Grafana's provisioning reader would pick this file up by its name. */
  public static boolean isYamlName(Path path) {
    String name = path.getFileName() == null ? "" : path.getFileName().toString();
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }

  /** The files, each root's files sorted by path; a root that is a file is taken as it is. */
  public List<Path> files() {
    List<Path> files = new ArrayList<>();
    for (Path root : roots) {
      if (Files.isDirectory(root)) {
        try (Stream<Path> walk = Files.walk(root)) {
          walk.filter(Files::isRegularFile).filter(FileSet::isYamlName).sorted().forEach(files::add);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
        }
      } else {
        files.add(root);
      }
    }
    return files;
  }
}
