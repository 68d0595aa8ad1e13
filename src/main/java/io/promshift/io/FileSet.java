package io.promshift.io;

import io.promshift.text.IoProblems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.regex.PatternSyntaxException;

/**
 * The provisioning files under some roots: files ending in {@code .yaml} or {@code .yml} (case-sensitive,
 * as Grafana matches them), found recursively under directories, in a stable lexical order, optionally
 * narrowed by include/exclude globs matched against the path relative to its root.
 *
 * <p>A root is taken as the user named it: a symbolic link to a directory is walked like the directory, and
 * a root that is not a directory (a file, a named pipe such as {@code /dev/fd/63} from {@code <(...)}) is
 * returned as it is, for the reader to read or refuse. Below a root, only regular files are taken (named
 * pipes, sockets and devices, and links to them, are passed over: reading one could block), and symbolic
 * links are never followed out of the root: a link to a file inside it is taken, a link to a directory is
 * not walked. A folder that cannot be listed and an entry that cannot be looked at (such as one whose path
 * is longer than the system allows) are {@link Problem}s, never silently missing.
 *
 * @param roots files or directories
 * @param includes globs a relative path must match one of (empty: all)
 * @param excludes globs no relative path may match
 * @param parallelism how many files are worked on at once (results come back in path order whatever it is)
 * @throws InvalidGlobException when a glob is not valid (an unclosed {@code [} or {@code {}})
 */
public record FileSet(List<Path> roots, List<String> includes, List<String> excludes, int parallelism) {
  public FileSet {
    roots = List.copyOf(roots);
    includes = List.copyOf(includes);
    excludes = List.copyOf(excludes);
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism);
    }
    matchers(includes); // a bad glob is the caller's usage error, found before any walk
    matchers(excludes);
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

  /** An {@code --include}/{@code --exclude} glob that cannot be used, with what is wrong in plain words. */
  public static final class InvalidGlobException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String glob;

    public InvalidGlobException(String glob, String problem) {
      super("invalid glob \"" + glob + "\": " + problem);
      this.glob = glob;
    }

    /** The glob as it was given. */
    public String glob() {
      return glob;
    }
  }

  /** A file found, with the root it was found under. */
  public record Found(Path root, Path file) {
    /** The path relative to its root; a root that is a file gives its own name. */
    public Path relative() {
      return root.equals(file) ? file.getFileName() : root.relativize(file);
    }
  }

  /**
   * promshift's own configuration file (io.promshift.config.ProjectConfig's name): a walk does not take it for a
   * provisioning file; named as a PATH, it is read like any file.
   */
  private static final String CONFIG_NAME = ".promshift.yaml";

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

  /** A directory (or file) under a root that could not be listed or looked at, and why in plain words. */
  public record Problem(Path path, String message) {}

  /**
   * What a walk found, what it could not look into, and the temp files of promshift runs met on the way
   * (never inputs: a writing run hands them to {@link AtomicWriter#removeLeftover(Path)}).
   */
  public record Scan(List<Found> files, List<Problem> problems, List<Path> leftovers) {
    public Scan {
      files = List.copyOf(files);
      problems = List.copyOf(problems);
      leftovers = List.copyOf(leftovers);
    }

    public Scan(List<Found> files, List<Problem> problems) {
      this(files, problems, List.of());
    }

    /** Whether the walk found nothing to work on: no file, and no folder it could not look into. */
    public boolean isEmpty() {
      return files.isEmpty() && problems.isEmpty();
    }
  }

  /**
   * Why a walk found no file, in plain words, for a front end to show as an error: a run over nothing is most
   * likely a mistyped path or glob, which must not pass in CI as "no findings". When include globs are given, it
   * explains that they match the path under each root, with an example made from the first root (the common
   * mistake is a glob that repeats the root, such as {@code provisioning/datasources/*.yaml} under
   * {@code provisioning}).
   */
  public String nothingFound() {
    StringBuilder out = new StringBuilder("no YAML file (*.yaml, *.yml) found in ")
        .append(String.join(", ", roots.stream().map(Path::toString).toList()));
    if (!includes.isEmpty()) {
      Path root = roots.isEmpty() ? Path.of("provisioning") : roots.get(0);
      Path example = root.resolve("datasources").resolve("ds.yaml");
      out.append(" that the include globs ").append(quoted(includes)).append(" match; an include glob matches a")
          .append(" file's path under its root, not the path as given: ").append(example).append(" is matched as")
          .append(" datasources/ds.yaml, so write 'datasources/*.yaml' or '**/datasources/*.yaml', not '")
          .append(example.getParent()).append("/*.yaml'");
    }
    if (!excludes.isEmpty()) {
      out.append("; the exclude globs ").append(quoted(excludes)).append(" left out the files they match");
    }
    return out.toString();
  }

  private static String quoted(List<String> globs) {
    return String.join(", ", globs.stream().map(glob -> "'" + glob + "'").toList());
  }

  /** Walks every root, going on past directories that cannot be listed (they are named in the result). */
  public Scan scan() {
    List<PathMatcher> include = matchers(includes);
    List<PathMatcher> exclude = matchers(excludes);
    List<Found> files = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    List<Path> leftovers = new ArrayList<>();
    for (Path root : roots) {
      BasicFileAttributes attributes;
      try {
        attributes = Files.readAttributes(root, BasicFileAttributes.class); // a root that is a link is followed
      } catch (IOException | RuntimeException e) {
        attributes = null;
      }
      if (attributes == null || !attributes.isDirectory()) {
        files.add(new Found(root, root)); // taken as given; reading it says what is wrong, if anything
        continue;
      }
      List<Found> under = new ArrayList<>();
      new Walk(root, include, exclude, under, problems, leftovers).run();
      under.sort((a, b) -> a.file().compareTo(b.file()));
      files.addAll(under);
    }
    return new Scan(files, problems, leftovers);
  }

  /** One root's walk: directories by a stack, every entry looked at without following links. */
  private record Walk(Path root, List<PathMatcher> include, List<PathMatcher> exclude, List<Found> found,
      List<Problem> problems, List<Path> leftovers) {

    void run() {
      Path realRoot = realPath(root);
      Deque<Path> directories = new ArrayDeque<>();
      directories.push(root);
      while (!directories.isEmpty()) {
        Path directory = directories.pop();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
          for (Path entry : entries) {
            visit(entry, realRoot, directories);
          }
        } catch (IOException e) {
          problems.add(new Problem(directory, "cannot list this folder (" + IoProblems.describe(e) + ")"));
        } catch (DirectoryIteratorException e) {
          problems.add(new Problem(directory, "cannot list this folder (" + IoProblems.describe(e.getCause()) + ")"));
        } catch (RuntimeException e) {
          problems.add(new Problem(directory, "cannot list this folder (" + IoProblems.describe(e) + ")"));
        }
      }
    }

    private void visit(Path entry, Path realRoot, Deque<Path> directories) {
      try {
        BasicFileAttributes attributes = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (attributes.isDirectory()) {
          directories.push(entry);
        } else if (attributes.isRegularFile()) {
          if (isYamlName(entry) && !CONFIG_NAME.equals(entry.getFileName().toString())) {
            take(entry);
          } else if (AtomicWriter.isTempFile(entry)) {
            leftovers.add(entry);
          }
        } else if (attributes.isSymbolicLink() && isYamlName(entry)) {
          // a link is taken when it leads to a regular file inside the root; to a pipe or a device, never
          if (Files.isRegularFile(entry) && realPath(entry).startsWith(realRoot)) {
            take(entry);
          }
        }
        // anything else (a named pipe, a socket, a device) is no provisioning file, and reading it could block
      } catch (NoSuchFileException gone) {
        // removed while the walk ran: nothing to read
      } catch (IOException e) {
        problems.add(new Problem(entry, "cannot look at this file (" + IoProblems.describe(e) + ")"));
      } catch (RuntimeException e) {
        problems.add(new Problem(entry, "cannot look at this file (" + IoProblems.describe(e) + ")"));
      }
    }

    private void take(Path file) {
      Found candidate = new Found(root, file);
      Path relative = candidate.relative();
      if ((include.isEmpty() || include.stream().anyMatch(m -> m.matches(relative)))
          && exclude.stream().noneMatch(m -> m.matches(relative))) {
        found.add(candidate);
      }
    }
  }

  /** The matchers for some globs; a glob that is not valid is an {@link InvalidGlobException} naming it. */
  private static List<PathMatcher> matchers(List<String> globs) {
    List<PathMatcher> matchers = new ArrayList<>();
    for (String glob : globs) {
      matchers.add(matcher(glob, glob));
      if (glob.startsWith("**/")) {
        // "**/*.yaml" should also match a file directly under the root
        matchers.add(matcher(glob, glob.substring(3)));
      }
    }
    return matchers;
  }

  private static PathMatcher matcher(String given, String glob) {
    try {
      return FileSystems.getDefault().getPathMatcher("glob:" + glob);
    } catch (PatternSyntaxException e) {
      throw new InvalidGlobException(given, globProblem(e.getDescription()));
    }
  }

  /** The JDK's glob syntax errors, said plainly. */
  private static String globProblem(String description) {
    String lower = description == null ? "" : description.toLowerCase(Locale.ROOT);
    if (lower.contains("missing ']") || lower.contains("unclosed character class")) {
      return "a '[' is never closed by a ']'";
    }
    if (lower.contains("missing '}")) {
      return "a '{' is never closed by a '}'";
    }
    if (lower.contains("cannot nest groups")) {
      return "a '{...}' group cannot hold another '{...}' group";
    }
    if (lower.contains("name separator")) {
      return "a '[...]' class cannot hold a '/'";
    }
    if (lower.contains("invalid range")) {
      return "a range in '[...]' runs backwards (such as [z-a])";
    }
    if (lower.contains("no character to escape")) {
      return "it ends with a '\\' that escapes nothing";
    }
    return lower.isEmpty() ? "not a valid glob" : lower;
  }

  private static Path realPath(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException | RuntimeException e) {
      return path.toAbsolutePath().normalize();
    }
  }
}
