package io.promshift.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The provisioning files under some roots: files ending in {@code .yaml} or {@code .yml} (case-sensitive,
 * as Grafana matches them), found recursively under directories, in a stable lexical order, optionally
 * narrowed by include/exclude globs matched against the path relative to its root. Symbolic links are not
 * followed out of the roots.
 *
 * @param roots files or directories
 * @param includes globs a relative path must match one of (empty: all)
 * @param excludes globs no relative path may match
 */
public record FileSet(List<Path> roots, List<String> includes, List<String> excludes) {
  public FileSet {
    roots = List.copyOf(roots);
    includes = List.copyOf(includes);
    excludes = List.copyOf(excludes);
  }

  public FileSet(List<Path> roots) {
    this(roots, List.of(), List.of());
  }

  public static FileSet of(Path... roots) {
    return new FileSet(List.of(roots));
  }

  /** A file found, with the root it was found under. */
  public record Found(Path root, Path file) {
    /** The path relative to its root; a root that is a file gives its own name. */
    public Path relative() {
      return root.equals(file) ? file.getFileName() : root.relativize(file);
    }
  }

  /** Whether Grafana's provisioning reader would pick this file up by its name. */
  public static boolean isYamlName(Path path) {
    String name = path.getFileName() == null ? "" : path.getFileName().toString();
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }

  /** The files, each root's files sorted by path; a root that is a file is taken as it is. */
  public List<Path> files() {
    return found().stream().map(Found::file).toList();
  }

  public List<Found> found() {
    List<PathMatcher> include = matchers(includes);
    List<PathMatcher> exclude = matchers(excludes);
    List<Found> files = new ArrayList<>();
    for (Path root : roots) {
      if (!Files.isDirectory(root)) {
        files.add(new Found(root, root));
        continue;
      }
      Path realRoot = realPath(root);
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(FileSet::isYamlName)
            .filter(Files::isRegularFile)
            .filter(file -> !Files.isSymbolicLink(file) || realPath(file).startsWith(realRoot))
            .map(file -> new Found(root, file))
            .filter(found -> include.isEmpty() || include.stream().anyMatch(m -> m.matches(found.relative())))
            .filter(found -> exclude.stream().noneMatch(m -> m.matches(found.relative())))
            .sorted((a, b) -> a.file().compareTo(b.file()))
            .forEach(files::add);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
      }
    }
    return files;
  }

  private static List<PathMatcher> matchers(List<String> globs) {
    List<PathMatcher> matchers = new ArrayList<>();
    for (String glob : globs) {
      matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
      if (glob.startsWith("**/")) {
        // "**/*.yaml" should also match a file directly under the root
        matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + glob.substring(3)));
      }
    }
    return matchers;
  }

  private static Path realPath(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      return path.toAbsolutePath().normalize();
    }
  }
}
