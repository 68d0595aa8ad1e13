package io.promshift.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * The provisioning files under some roots: files ending in {@code .yaml} or {@code .yml} (case-sensitive,
 * as Grafana matches them), found recursively under directories, in a stable lexical order, optionally
 * narrowed by include/exclude globs matched against the path relative to its root. Symbolic links are not
 * followed out of the roots.
 *
 * @param roots files or directories
 * @param includes globs a relative path must match one of (empty: all)
 * @param excludes globs no relative path may match
 * @param parallelism how many files are worked on at once (results come back in path order whatever it is)
 */
public record FileSet(List<Path> roots, List<String> includes, List<String> excludes, int parallelism) {
  public FileSet {
    roots = List.copyOf(roots);
    includes = List.copyOf(includes);
    excludes = List.copyOf(excludes);
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism);
    }
  }

  /** The files under these roots, worked on by as many threads as there are cores. */
  public FileSet(List<Path> roots, List<String> includes, List<String> excludes) {
    this(roots, includes, excludes, Runtime.getRuntime().availableProcessors());
  }

  public FileSet(List<Path> roots) {
    this(roots, List.of(), List.of());
  }

  /** The same files, worked on by {@code threads} threads. */
  public FileSet withParallelism(int threads) {
    return new FileSet(roots, includes, excludes, threads);
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

  /**
   * The files found; throws when a directory cannot be listed (use {@link #scan()} to go on past that).
   *
   * @throws UncheckedIOException naming the first directory that could not be listed
   */
  public List<Found> found() {
    Scan scan = scan();
    if (!scan.problems().isEmpty()) {
      Problem first = scan.problems().get(0);
      throw new UncheckedIOException(new IOException(first.path() + ": " + first.message()));
    }
    return scan.files();
  }

  /** A directory (or file) under a root that could not be listed, and why. */
  public record Problem(Path path, String message) {}

  /** What a walk found, and what it could not look into; the walk goes on past every problem. */
  public record Scan(List<Found> files, List<Problem> problems) {
    public Scan {
      files = List.copyOf(files);
      problems = List.copyOf(problems);
    }
  }

  /** Walks every root, going on past directories that cannot be listed (they are named in the result). */
  public Scan scan() {
    List<PathMatcher> include = matchers(includes);
    List<PathMatcher> exclude = matchers(excludes);
    List<Found> files = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (Path root : roots) {
      if (!Files.isDirectory(root)) {
        files.add(new Found(root, root)); // taken as given; reading it says what is wrong, if anything
        continue;
      }
      Path realRoot = realPath(root);
      List<Found> under = new ArrayList<>();
      try {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            // the walk's own attributes answer for ordinary files; only a link needs a second look
            boolean regular = attributes.isRegularFile() || attributes.isSymbolicLink() && Files.isRegularFile(file);
            if (!isYamlName(file) || !regular) {
              return FileVisitResult.CONTINUE;
            }
            if (attributes.isSymbolicLink() && !realPath(file).startsWith(realRoot)) {
              return FileVisitResult.CONTINUE; // not followed out of the root
            }
            Found found = new Found(root, file);
            Path relative = found.relative();
            if ((include.isEmpty() || include.stream().anyMatch(m -> m.matches(relative)))
                && exclude.stream().noneMatch(m -> m.matches(relative))) {
              under.add(found);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            if (file.equals(root) || Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS) || isYamlName(file)) {
              problems.add(new Problem(file, "cannot list or read (" + e.getClass().getSimpleName() + ")"));
            }
            return FileVisitResult.CONTINUE;
          }
        });
      } catch (IOException e) {
        problems.add(new Problem(root, "cannot list (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")"));
      }
      under.sort((a, b) -> a.file().compareTo(b.file()));
      files.addAll(under);
    }
    return new Scan(files, problems);
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
