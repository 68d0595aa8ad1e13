package io.promshift;

import io.promshift.embed.SourceFile;
import io.promshift.embed.SourceReader;
import io.promshift.embed.Unit;
import io.promshift.io.AtomicWriter;
import io.promshift.io.Batch;
import io.promshift.io.FileSet;
import io.promshift.io.WriteMode;
import io.promshift.migrate.Fixer;
import io.promshift.migrate.MigrationResult;
import io.promshift.migrate.Migrator;
import io.promshift.model.DataSource;
import io.promshift.model.GrafanaView;
import io.promshift.model.MigrationState;
import io.promshift.model.ProvisioningFile;
import io.promshift.model.ProvisioningReader;
import io.promshift.report.FileOutcome;
import io.promshift.report.InspectedFile;
import io.promshift.report.Run;
import io.promshift.report.SourceStatus;
import io.promshift.report.UnifiedDiff;
import io.promshift.report.ValidationRun;
import io.promshift.report.Verdict;
import io.promshift.rules.Code;
import io.promshift.rules.Diagnostic;
import io.promshift.rules.Suppressed;
import io.promshift.rules.Suppressions;
import io.promshift.rules.Validator;
import io.promshift.syntax.YamlDocument;
import io.promshift.text.FileSnapshot;
import io.promshift.text.IoProblems;
import io.promshift.text.Position;
import io.promshift.text.Printable;
import io.promshift.text.SourceException;
import io.promshift.text.SourceText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The library's entry point and its one application layer: what the CLI, the Maven plugin and embedders all
 * call. For one file or a {@link FileSet} it offers {@code status} (each data source's migration state),
 * {@code validate} (the schema and Grafana's rules; the cross-file rules per directory, as Grafana reads one
 * directory) and {@code migrate} (plan, then write as a {@link WriteMode} says). A file is a plain provisioning file
 * or, when the settings look for them ({@link PromshiftSettings#units()}), holds data sources embedded in Helm values,
 * grafana-operator resources or Ansible variables, each handled per unit at its place in the file. A run gives one
 * outcome per file in path order whatever the parallelism; one bad file never stops it, and bad input is a diagnostic
 * with its position, never an exception.
 *
 * <p>Thread-safe and free of global state; build one from {@link PromshiftSettings} and share it.
 *
 * <pre>{@code
 * Promshift promshift = Promshift.create(PromshiftSettings.builder().target(MigrationTarget.PLUGINS).build());
 * FileSet tree = FileSet.of(Path.of("provisioning"));
 * if (!promshift.validate(tree).failed()) {
 *   promshift.migrate(tree, WriteMode.toFolder(Path.of("out")));
 * }
 * }</pre>
 */
public final class Promshift {
  static {
    // What a failure of one file needs is initialized before any file is worked on: a class first initialized when
    // the heap is exhausted fails to, and stays unusable for the rest of the run (NoClassDefFoundError on every file)
    for (Class<?> needed : List.of(OutOfHeap.class, Diagnostic.class, Code.class, Position.class, FileOutcome.class,
        Verdict.class)) {
      try {
        Class.forName(needed.getName(), true, needed.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new ExceptionInInitializerError(e);
      }
    }
  }

  private final PromshiftSettings settings;
  private final ProvisioningReader reader;
  private final SourceReader sources;
  private final Migrator migrator;

  private Promshift(PromshiftSettings settings) {
    this.settings = settings;
    this.reader = new ProvisioningReader(settings.read());
    this.sources = new SourceReader(reader, settings.units());
    this.migrator = new Migrator(sources, settings.migration());
  }

  public static Promshift create() {
    return new Promshift(PromshiftSettings.DEFAULTS);
  }

  public static Promshift create(PromshiftSettings settings) {
    return new Promshift(settings);
  }

  public PromshiftSettings settings() {
    return settings;
  }

  // ---- reading -------------------------------------------------------------------------------------------

  /** The reading pipeline this instance uses (for the migration and validation layers). */
  public ProvisioningReader reader() {
    return reader;
  }

  /**
   * Reads and models one file.
   *
   * @throws SourceException for any bad input (I/O, size, encoding, YAML, templates, limits), with its position
   */
  public ProvisioningFile read(Path path) {
    return reader.read(path);
  }

  /** Reads and models a file's bytes; {@code name} is used in messages. */
  public ProvisioningFile read(String name, byte[] bytes) {
    return reader.read(name, bytes);
  }

  /** Reads text already in memory. */
  public ProvisioningFile read(String name, String text) {
    return reader.read(SourceText.of(name, text));
  }

  /**
   * Reads one file as status, validate and migrate read it: a plain provisioning file, or the data source units
   * embedded in it (Helm values, operator resources, ...) when the settings look for them.
   *
   * @throws SourceException for any bad input, with its position
   */
  public SourceFile readSource(Path path) {
    return sources.read(path);
  }

  /** The migrator these settings describe: thread-safe, for any number of files. */
  public Migrator migrator() {
    return migrator;
  }

  /**
   * Parses a file's bytes into its syntax tree without modelling it, as go-yaml's parser builds it: a key written twice
   * or an alias inside its own collection is kept, as Grafana refuses it only where it decodes it (see
   * {@link ProvisioningFile#ignored()}).
   */
  public YamlDocument parse(String name, byte[] bytes) {
    return reader.parse(reader.decode(name, bytes));
  }

  // ---- status --------------------------------------------------------------------------------------------

  /** Every data source of one file with the state Grafana's config page shows for it. */
  public FileOutcome status(Path file) {
    return status(one(file).files().get(0), this::fromDisk);
  }

  public Run status(FileSet files) {
    return status(files, RunListener.NONE);
  }

  public Run status(FileSet files, RunListener listener) {
    FileSet.Scan scan = files.scan();
    Map<FileSet.Found, Path> reachedTwice = OutputTree.reachedTwice(scan.files());
    return run(files.parallelism(), scan, listener, found -> reachedTwice.containsKey(found)
        ? sameFile(found, reachedTwice.get(found), "reported once") : status(found, this::fromDisk));
  }

  /**
   * {@link #status(FileSet)} of one file's bytes a caller already has (standard input, an editor's buffer), named
   * {@code name} in every message.
   */
  public Run status(String name, byte[] bytes) {
    Given given = given(name, bytes);
    return run(1, given.scan(), RunListener.NONE, found -> status(found, given));
  }

  private FileOutcome status(FileSet.Found found, Inputs inputs) {
    SourceFile file;
    try {
      file = read(found, inputs);
    } catch (SourceException e) {
      return failed(found, Validator.unreadable(e));
    }
    if (!file.hasDataSources()) {
      return skipped(found);
    }
    List<SourceStatus> statuses = new ArrayList<>();
    for (Unit unit : file.units()) {
      for (DataSource source : unit.file().dataSources()) {
        String name = source.name().filter(n -> !n.isBlank()).orElse("datasources[" + source.index() + "]");
        String type = source.type().orElse("(no type)");
        Position at = unit.outer(unit.file().position(source.node()));
        MigrationState state = unit.shape().fixedType() ? MigrationState.ofFixedType(source) : MigrationState.of(source);
        if (state.state() == MigrationState.State.PENDING && unit.inString() && !unit.inner().editable()) {
          // Grafana will move it, but promshift cannot write the change into this string: say so where it is listed
          state = new MigrationState(state.state(), state.targetType(), state.reason() + "; promshift migrate leaves"
              + " it: " + unit.inner().readOnly());
        }
        // a plain file's item has no path beyond its own document: "" as in its diagnostics
        String path = file.isPlain() ? "" : unit.describeItem(source);
        statuses.add(new SourceStatus(at.line(), at.column(), name, type, state, unit.shape(), path));
      }
    }
    List<Diagnostic> problems = file.problems().stream()
        .map(problem -> Validator.unreadable(problem.error()).withPath(problem.path().toString())).toList();
    return new FileOutcome(found.file(), found.root(), Verdict.UNCHANGED, problems, statuses, List.of(), "", null);
  }

  // ---- inspect -------------------------------------------------------------------------------------------

  /**
   * What Grafana stores from each file: per data source, the fields after Grafana's own conversions, in the types
   * Grafana gives them (see {@link GrafanaView}); for a file Grafana cannot read, where and why. In path order, read
   * in parallel; one bad file never stops the others.
   */
  public List<InspectedFile> inspect(FileSet files, RunListener listener) {
    FileSet.Scan scan = files.scan();
    List<InspectedFile> inspected = new ArrayList<>();
    for (FileSet.Problem problem : scan.problems()) {
      inspected.add(new InspectedFile(problem.path(), problem.path(), SourceException.Kind.UNREADABLE,
          List.of(unlistable(problem)), List.of()));
    }
    forEachFile(files.parallelism(), scan.files(), listener, found -> inspect(found, this::fromDisk),
        (found, e) -> new InspectedFile(found.file(), found.root(), SourceException.Kind.UNREADABLE,
            List.of(defect(found, e, "please report this")), List.of()),
        inspected::add);
    return inspected;
  }


  /** {@link #inspect(FileSet, RunListener)} of one file's bytes a caller already has, named {@code name}. */
  public InspectedFile inspect(String name, byte[] bytes) {
    Given given = given(name, bytes);
    return inspect(given.scan().files().get(0), given);
  }

  private InspectedFile inspect(FileSet.Found found, Inputs inputs) {
    SourceFile file;
    try {
      file = read(found, inputs);
    } catch (SourceException e) {
      return new InspectedFile(found.file(), found.root(), e.kind(), List.of(Validator.unreadable(e)), List.of());
    }
    List<InspectedFile.View> views = new ArrayList<>();
    // a plain file that provisions nothing is still what Grafana reads: its view says so (or why Grafana refuses it)
    List<Unit> units = file.units().isEmpty() && file.isPlain() ? List.of(Unit.plainFile(file.plain())) : file.units();
    for (Unit unit : units) {
      views.add(new InspectedFile.View(unit, GrafanaView.of(unit.file())));
    }
    List<Diagnostic> problems = file.problems().stream()
        .map(problem -> Validator.unreadable(problem.error()).withPath(problem.path().toString())).toList();
    return new InspectedFile(found.file(), found.root(), null, problems, views);
  }

  // ---- validate ------------------------------------------------------------------------------------------

  /** Validates one file (the cross-file rules among its own data sources); a directory is not walked. */
  public ValidationRun validate(Path file) {
    return validate(one(file), 1, RunListener.NONE, this::fromDisk);
  }

  public ValidationRun validate(FileSet files) {
    return validate(files, RunListener.NONE);
  }

  /**
   * Validates every file: each directory's files are read in parallel and validated together (the rules across
   * files apply among the files of one directory, as Grafana reads a directory as one set), a window of directories
   * at a time; only the outcomes and findings are kept, so memory grows with one directory, not with the run.
   */
  public ValidationRun validate(FileSet files, RunListener listener) {
    return validate(files.scan(), files.parallelism(), listener, this::fromDisk);
  }

  /**
   * Validates one file's bytes a caller already has (standard input, an editor's buffer), named {@code name} in
   * every finding; the cross-file rules apply among its own data sources.
   */
  public ValidationRun validate(String name, byte[] bytes) {
    Given given = given(name, bytes);
    return validate(given.scan(), 1, RunListener.NONE, given);
  }

  private ValidationRun validate(FileSet.Scan scan, int parallelism, RunListener listener, Inputs inputs) {
    Validator validator = Validator.create(settings.validation());
    Map<FileSet.Found, Path> reachedTwice = OutputTree.reachedTwice(scan.files());
    // each read file's suppression comments, by the name its findings carry; a file that cannot be read has none
    Map<String, Suppressions> comments = new java.util.concurrent.ConcurrentHashMap<>();
    Function<FileSet.Found, Read> task = found -> {
      if (reachedTwice.containsKey(found)) {
        // validated once: a file compared with itself would be its own duplicate uid, name and default
        return new Read(sameFile(found, reachedTwice.get(found), "validated once"), null);
      }
      try {
        SourceFile source = read(found, inputs);
        if (!source.hasDataSources() && source.misplaced().isEmpty()) {
          return new Read(skipped(found), null);
        }
        Suppressions directives = Suppressions.scan(source.source()); // the text already read: no second read
        if (!directives.isEmpty()) {
          comments.put(source.fileName(), directives); // the directives alone: the text is not kept
        }
        if (!source.isPlain()) {
          // embedded units reach Grafana by their own ways: validated alone, not with a provisioning folder's files
          return new Read(FileOutcome.of(found.file(), found.root(), Verdict.UNCHANGED, validator.validate(source)),
              null);
        }
        return new Read(FileOutcome.of(found.file(), found.root(), Verdict.UNCHANGED, List.of()), source.plain());
      } catch (SourceException e) {
        return new Read(failed(found, Validator.of(e)), null);
      }
    };
    // each directory's cross-file findings, by the path index of its first file read: the order they had when every
    // file was read before any directory was validated
    Map<Integer, List<Diagnostic>> crossFile = new java.util.TreeMap<>();
    Run run = validateByDirectory(scan, parallelism, listener, task, validator, crossFile);
    Map<String, Integer> order = new HashMap<>();
    List<Diagnostic> findings = new ArrayList<>();
    int checked = 0;
    for (FileOutcome problem : run.problems()) {
      findings.addAll(problem.diagnostics()); // a folder that cannot be listed is a finding of the run
    }
    for (FileOutcome outcome : run.files()) {
      order.putIfAbsent(outcome.file().toString(), order.size());
      if (outcome.verdict() == Verdict.SKIPPED) {
        continue;
      }
      checked++;
      findings.addAll(outcome.diagnostics());
    }
    crossFile.values().forEach(findings::addAll);
    List<Suppressed> suppressed = suppress(findings, comments);
    // the user's rule levels, once, over every finding (those the comments suppressed too, and the findings about the
    // comments): the reports and the exit code then agree
    List<Diagnostic> reported = new ArrayList<>(settings.rules().apply(findings));
    List<Suppressed> quieted = new ArrayList<>();
    for (Suppressed quiet : suppressed) {
      settings.rules().apply(quiet.finding())
          .ifPresent(f -> quieted.add(new Suppressed(f, quiet.directive(), quiet.justification())));
    }
    Comparator<Diagnostic> byFile = Comparator.comparingInt(f -> order.getOrDefault(f.file(), Integer.MAX_VALUE));
    reported.sort(byFile.thenComparing(Diagnostic.BY_POSITION));
    quieted.sort(Comparator.comparing(Suppressed::finding, byFile.thenComparing(Diagnostic.BY_POSITION)));
    return new ValidationRun(run, reported, checked, settings.failOn(), quieted);
  }

  /** One file as validate read it: its outcome, and its model when it is a plain file its directory's rules need. */
  private record Read(FileOutcome outcome, ProvisioningFile model) {}

  /**
   * About this many files' models are alive at a time: a window of whole directories is read (in parallel), each
   * of its directories validated together (in parallel), and only the outcomes and findings are kept. Large enough
   * that the workers rarely wait at a window's end; small enough that memory does not grow with the run.
   */
  private static final int VALIDATION_WINDOW = 256;

  /**
   * Reads the scan's files a window of directories at a time and validates each directory's plain files together,
   * as Grafana reads a directory as one set; the models are dropped once their directory is validated. The
   * listener hears what {@link #run} tells it: the problems, the count, each file's progress, and the outcomes in
   * path order (an outcome waits for every file before it, which a directory later in the window may hold).
   *
   * @param crossFile receives each directory's findings from {@link Validator#validateAll}, by the path index of the
   *     directory's first plain file read
   */
  private static Run validateByDirectory(FileSet.Scan scan, int parallelism, RunListener listener,
      Function<FileSet.Found, Read> task, Validator validator, Map<Integer, List<Diagnostic>> crossFile) {
    List<FileOutcome> problems = problems(scan, listener);
    List<FileSet.Found> files = scan.files();
    listener.started(files.size());
    Function<FileSet.Found, Read> guarded = guarded(task,
        (found, e) -> new Read(defective(found, e), null),
        listener);
    FileOutcome[] outcomes = new FileOutcome[files.size()];
    int finished = 0;
    for (List<List<Integer>> window : windows(files)) {
      List<Integer> indexes = window.stream().flatMap(List::stream).toList();
      List<Read> reads = Batch.run(indexes, parallelism, index -> guarded.apply(files.get(index)));
      Map<Integer, ProvisioningFile> models = new HashMap<>();
      for (int i = 0; i < indexes.size(); i++) {
        outcomes[indexes.get(i)] = reads.get(i).outcome();
        if (reads.get(i).model() != null) {
          models.put(indexes.get(i), reads.get(i).model());
        }
      }
      // the directories are independent, so they go in parallel
      List<List<Integer>> directories = window.stream()
          .map(directory -> directory.stream().filter(models::containsKey).toList())
          .filter(directory -> !directory.isEmpty()).toList();
      List<List<Diagnostic>> found = Batch.run(directories, parallelism,
          directory -> validator.validateAll(directory.stream().map(models::get).toList()));
      for (int i = 0; i < directories.size(); i++) {
        crossFile.put(directories.get(i).get(0), found.get(i));
      }
      while (finished < outcomes.length && outcomes[finished] != null) {
        listener.finished(outcomes[finished++]);
      }
    }
    return new Run(problems, List.of(outcomes));
  }

  /**
   * The scan's files (their indexes) grouped by directory as {@link Validator#byDirectory} groups them (groups in the
   * order of their first file, files in path order), and the groups cut into windows of at least
   * {@link #VALIDATION_WINDOW} files; a directory is never cut.
   */
  private static List<List<List<Integer>>> windows(List<FileSet.Found> files) {
    List<Integer> indexes = java.util.stream.IntStream.range(0, files.size()).boxed().toList();
    List<List<List<Integer>>> windows = new ArrayList<>();
    List<List<Integer>> window = new ArrayList<>();
    int size = 0;
    for (List<Integer> directory : Validator.byDirectory(indexes, index -> files.get(index).file())) {
      window.add(directory);
      size += directory.size();
      if (size >= VALIDATION_WINDOW) {
        windows.add(window);
        window = new ArrayList<>();
        size = 0;
      }
    }
    if (!window.isEmpty()) {
      windows.add(window);
    }
    return windows;
  }

  /**
   * Applies each file's suppression comments to its findings, once, after every rule (the cross-file ones too) has
   * spoken: the findings they cover move from {@code findings} to the list returned; the findings about the comments
   * (unknown rules, unused directives) join {@code findings}.
   */
  private static List<Suppressed> suppress(List<Diagnostic> findings, Map<String, Suppressions> comments) {
    List<Suppressed> suppressed = new ArrayList<>();
    if (comments.isEmpty()) {
      return suppressed;
    }
    Map<String, List<Diagnostic>> byFile = new java.util.LinkedHashMap<>();
    comments.keySet().forEach(file -> byFile.put(file, new ArrayList<>()));
    List<Diagnostic> others = new ArrayList<>();
    for (Diagnostic finding : findings) {
      byFile.getOrDefault(finding.file(), others).add(finding);
    }
    findings.clear();
    findings.addAll(others);
    byFile.forEach((file, own) -> {
      Suppressions.Applied applied = comments.get(file).apply(own);
      findings.addAll(applied.findings());
      suppressed.addAll(applied.suppressed());
    });
    return suppressed;
  }

  // ---- migrate -------------------------------------------------------------------------------------------

  /** Migrates one file as the settings say and writes it as {@code mode} says; a directory is not walked. */
  public FileOutcome migrate(Path file, WriteMode mode) {
    Run run = migrate(one(file), 1, mode, false, this::fromDisk, null, RunListener.NONE);
    return run.files().isEmpty() ? run.problems().get(0) : run.files().get(0);
  }

  public Run migrate(FileSet files, WriteMode mode) {
    return migrate(files, mode, false, RunListener.NONE);
  }

  /**
   * Migrates every file as the settings say, then writes as {@code mode} says: nothing; each changed file in
   * place (atomically, fsynced, owner and mode kept, never over a file another process changed meanwhile); or
   * every processed file to its relative path under a folder.
   *
   * @param diffs whether each changed file's outcome carries its unified diff, secrets masked
   * @throws PromshiftUsageException before anything is written, when writing to a folder would write two inputs
   *     to one output or an input over itself
   */
  public Run migrate(FileSet files, WriteMode mode, boolean diffs, RunListener listener) {
    return migrate(files.scan(), files.parallelism(), mode, diffs, this::fromDisk, null, listener);
  }

  /**
   * {@link #migrate(FileSet, WriteMode, boolean, RunListener)}, and the changes of every changed file as one patch
   * written to {@code patch}: a unified diff that {@code git apply} and {@code patch -p1} apply from the directory the
   * paths are relative to. Its secrets are the files' own (a masked line would not apply), so the file is created
   * readable by its owner alone (mode 0600 where the file system has POSIX modes); an existing file is replaced.
   *
   * @throws IOException when the patch cannot be written (the migration's own writes are done by then)
   */
  public Run migrate(FileSet files, WriteMode mode, boolean diffs, Path patch, RunListener listener)
      throws IOException {
    return migrate(files, mode, diffs, patch, null, listener);
  }

  /**
   * {@link #migrate(FileSet, WriteMode, boolean, Path, RunListener)} with each file named in the patch as
   * {@code patchName} says (e.g. relative to the project a build runs in, where the files were found by absolute
   * paths): the patch applies from the directory those names are relative to.
   *
   * @param patchName a file's name in the patch's {@code --- a/} and {@code +++ b/} headers; null: as it was found
   */
  public Run migrate(FileSet files, WriteMode mode, boolean diffs, Path patch, Function<Path, String> patchName,
      RunListener listener) throws IOException {
    return withPatch(files, mode, diffs, patch, patchName, listener, migrator::migrate);
  }

  /** A run over files that also writes the changes of every changed file as one patch (see {@link #migrate}). */
  private Run withPatch(FileSet files, WriteMode mode, boolean diffs, Path patch, Function<Path, String> patchName,
      RunListener listener, Rewriter rewriter) throws IOException {
    java.util.Objects.requireNonNull(patch, "patch");
    Map<Path, String> patches = new java.util.concurrent.ConcurrentHashMap<>();
    Run run = rewrite(files.scan(), files.parallelism(), mode, diffs, this::fromDisk,
        (found, result) -> patches.put(found.file(), UnifiedDiff.patch(result)), listener, rewriter);
    StringBuilder text = new StringBuilder();
    for (FileOutcome outcome : run.files()) {
      // the run's order (path order), whatever order the files were migrated in
      String one = patches.getOrDefault(outcome.file(), "");
      text.append(patchName == null || one.isEmpty() ? one
          : io.promshift.report.MigrationText.relabelled(one, patchName.apply(outcome.file())));
    }
    writePrivate(patch, text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return run;
  }

  /** Writes a file only its owner can read, created so from the start (never readable by others for a moment). */
  private static void writePrivate(Path file, byte[] content) throws IOException {
    Path folder = file.toAbsolutePath().getParent();
    Path temp;
    if (folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      temp = Files.createTempFile(folder, ".promshift-patch", ".tmp", java.nio.file.attribute.PosixFilePermissions
          .asFileAttribute(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
    } else {
      temp = Files.createTempFile(folder, ".promshift-patch", ".tmp");
    }
    try {
      Files.write(temp, content);
      Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private Run migrate(FileSet.Scan found, int parallelism, WriteMode mode, boolean diffs,
      Inputs inputs, java.util.function.BiConsumer<FileSet.Found, MigrationResult> changed, RunListener listener) {
    return rewrite(found, parallelism, mode, diffs, inputs, changed, listener, migrator::migrate);
  }

  /** How a run rewrites one file's bytes: a migration, or a fix. */
  private interface Rewriter {
    MigrationResult rewrite(String name, byte[] bytes);
  }

  private Run rewrite(FileSet.Scan found, int parallelism, WriteMode mode, boolean diffs,
      Inputs inputs, java.util.function.BiConsumer<FileSet.Found, MigrationResult> changed, RunListener listener,
      Rewriter rewriter) {
    FileSet.Scan scan = found;
    OutputTree tree = null;
    Map<FileSet.Found, Path> sameFiles = Map.of();
    if (mode instanceof WriteMode.ToFolder toFolder) {
      tree = OutputTree.plan(toFolder.folder(), found.files());
      scan = new FileSet.Scan(tree.inputs(), found.problems(), found.leftovers());
    } else if (mode instanceof WriteMode.InPlace) {
      sameFiles = OutputTree.reachedTwice(found.files());
    }
    // in place, a file is the user's only copy: fsync before the rename. An output tree is rebuilt by a rerun:
    // its writes are atomic all the same (temp file + rename), without an fsync per file.
    AtomicWriter writer = new AtomicWriter(mode instanceof WriteMode.InPlace);
    // a run stopped from outside (Ctrl-C, kill) leaves no temp file behind
    Thread cleanup = new Thread(writer::abandonAll, "promshift-cleanup");
    boolean writes = !(mode instanceof WriteMode.None);
    if (writes) {
      removeLeftovers(scan, mode);
      Runtime.getRuntime().addShutdownHook(cleanup);
    }
    try {
      Map<FileSet.Found, Path> reachedTwice = sameFiles;
      OutputTree output = tree;
      return run(parallelism, scan, listener, file -> reachedTwice.containsKey(file)
          ? sameFile(file, reachedTwice.get(file), "rewritten once")
          : rewrite(file, inputs, output, mode instanceof WriteMode.InPlace, writer, diffs, changed, rewriter));
    } finally {
      if (writes) {
        try {
          Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException shuttingDown) {
          // the hook is running: it cleans up
        }
      }
    }
  }

  /**
   * Migrates one file and writes it: to the output tree when there is one; else, when the file changes and
   * {@code inPlace} says so, over itself; else nowhere.
   */
  private FileOutcome rewrite(FileSet.Found found, Inputs inputs, OutputTree output, boolean inPlace,
      AtomicWriter writer, boolean diffs, java.util.function.BiConsumer<FileSet.Found, MigrationResult> changed,
      Rewriter rewriter) {
    String name = found.file().toString();
    FileSnapshot read;
    try {
      read = inputs.snapshot(found); // bounded, and what identifies the file for the write's change check
    } catch (SourceException e) {
      return failed(found, Validator.unreadable(e));
    }
    byte[] original = read.bytes();
    MigrationResult result = rewriter.rewrite(name, original);
    if (result.refused() || result.notProvisioning()) {
      FileOutcome outcome = result.refused() ? failed(found, result.refusal()) : skipped(found);
      return output == null ? outcome : copy(outcome, found, original, output, writer);
    }
    List<Diagnostic> notices = new ArrayList<>(result.notices());
    Verdict verdict = result.changed() ? Verdict.CHANGED : Verdict.UNCHANGED;
    String diff = diffs && result.changed() ? UnifiedDiff.of(result) : "";
    if (changed != null && result.changed()) {
      changed.accept(found, result);
    }
    byte[] content = result.changed() ? result.newBytes() : original;
    Path writtenTo = null;
    try {
      if (output != null) {
        writtenTo = output.write(writer, found, content);
      } else if (inPlace && result.changed()) {
        writer.replace(read, content);
        writtenTo = found.file();
      }
    } catch (IOException e) {
      notices.add(writeFailure(found, e));
      return new FileOutcome(found.file(), found.root(), Verdict.FAILED, notices, List.of(), List.of(), "", null);
    }
    return new FileOutcome(found.file(), found.root(), verdict, notices, List.of(), result.changes(), diff,
        writtenTo, result.fixes());
  }

  /**
   * Temp files a killed run left in the folders this run writes to: removed when the run that made them is gone
   * (a concurrent run's temp file is left alone). Best effort: one that cannot be removed changes nothing.
   */
  private static void removeLeftovers(FileSet.Scan scan, WriteMode mode) {
    List<Path> leftovers = new ArrayList<>(scan.leftovers());
    if (mode instanceof WriteMode.ToFolder toFolder && Files.isDirectory(toFolder.folder())) {
      leftovers.addAll(new FileSet(List.of(toFolder.folder())).scan().leftovers());
    }
    for (Path leftover : leftovers) {
      try {
        AtomicWriter.removeLeftover(leftover);
      } catch (IOException e) {
        // it stays; the next run tries again
      }
    }
  }

  /** An output tree holds every processed file: one that is skipped or refused is copied as it is. */
  private static FileOutcome copy(FileOutcome outcome, FileSet.Found found, byte[] original, OutputTree output,
      AtomicWriter writer) {
    List<Diagnostic> diagnostics = new ArrayList<>(outcome.diagnostics());
    Path target;
    try {
      target = output.write(writer, found, original);
    } catch (IOException e) {
      diagnostics.add(writeFailure(found, e));
      return FileOutcome.of(outcome.file(), outcome.root(), Verdict.FAILED, diagnostics);
    }
    return new FileOutcome(outcome.file(), outcome.root(), outcome.verdict(), diagnostics, List.of(), List.of(), "",
        target);
  }

  /** Why a write failed: the writer's messages name the file and say why in plain words. */
  private static Diagnostic writeFailure(FileSet.Found found, IOException e) {
    Code code = e instanceof AtomicWriter.ConcurrentChangeException ? Code.CONCURRENT_CHANGE : Code.WRITE_FAILED;
    String why = e.getMessage() != null ? e.getMessage() : "cannot write (" + IoProblems.describe(e) + ")";
    return Diagnostic.of(found.file().toString(), Position.START, code, why);
  }

  /**
   * A migration of bytes a caller already has: the run (one file, named as given) and the file's content after it,
   * the bytes given when nothing changed or the file was refused.
   */
  public record Migrated(Run run, byte[] content) {
    public Migrated {
      content = content.clone();
    }

    @Override
    public byte[] content() {
      return content.clone();
    }
  }

  /**
   * Migrates one file's bytes a caller already has (standard input, an editor's buffer), named {@code name} in every
   * message; nothing is written anywhere: the new content is the result's.
   *
   * @param diffs whether the outcome carries its unified diff, secrets masked
   */
  public Migrated migrate(String name, byte[] bytes, boolean diffs) {
    return rewrite(name, bytes, diffs, migrator::migrate);
  }

  private Migrated rewrite(String name, byte[] bytes, boolean diffs, Rewriter rewriter) {
    Given given = given(name, bytes);
    byte[][] content = {bytes};
    Run run = rewrite(given.scan(), 1, WriteMode.none(), diffs, given,
        (found, result) -> content[0] = result.newBytes(), RunListener.NONE, rewriter);
    return new Migrated(run, content[0]);
  }

  // ---- fix -----------------------------------------------------------------------------------------------

  /**
   * The fixer of this instance's settings: it resolves the findings a validation with the same settings reports
   * (rule levels and suppression comments apply), of the rules {@link PromshiftSettings#fix()} names.
   */
  public Fixer fixer() {
    return new Fixer(sources, Validator.create(settings.validation()), settings.fix());
  }

  /** Fixes one file and writes it as {@code mode} says; a directory is not walked. */
  public FileOutcome fix(Path file, WriteMode mode) {
    Run run = rewrite(one(file), 1, mode, false, this::fromDisk, null, RunListener.NONE, fixer()::fix);
    return run.files().isEmpty() ? run.problems().get(0) : run.files().get(0);
  }

  public Run fix(FileSet files, WriteMode mode) {
    return fix(files, mode, false, RunListener.NONE);
  }

  /**
   * Resolves the fixable findings of every file (the same byte-exact edits, checks and writes as {@link
   * #migrate(FileSet, WriteMode, boolean, RunListener)}): each outcome lists the findings fixed; a finding whose fix
   * would change other data too stays, with a notice.
   */
  public Run fix(FileSet files, WriteMode mode, boolean diffs, RunListener listener) {
    return rewrite(files.scan(), files.parallelism(), mode, diffs, this::fromDisk, null, listener, fixer()::fix);
  }

  /** {@link #fix(FileSet, WriteMode, boolean, RunListener)}, and the changes as one patch, as {@link #migrate} writes it. */
  public Run fix(FileSet files, WriteMode mode, boolean diffs, Path patch, Function<Path, String> patchName,
      RunListener listener) throws IOException {
    return withPatch(files, mode, diffs, patch, patchName, listener, fixer()::fix);
  }

  /** Fixes one file's bytes a caller already has; nothing is written anywhere: the new content is the result's. */
  public Migrated fix(String name, byte[] bytes, boolean diffs) {
    return rewrite(name, bytes, diffs, fixer()::fix);
  }

  // ---- where files come from ------------------------------------------------------------------------------

  /** Where a run's files are read from: the disk, or bytes a caller already has. */
  private interface Inputs {
    FileSnapshot snapshot(FileSet.Found found);
  }

  /** One file's bytes, given: a run over them has one file, named as given (never written back: no file is). */
  private record Given(FileSet.Found found, FileSnapshot snapshot) implements Inputs {
    @Override
    public FileSnapshot snapshot(FileSet.Found ignored) {
      return snapshot;
    }

    FileSet.Scan scan() {
      return new FileSet.Scan(List.of(found), List.of(), List.of());
    }
  }

  private Given given(String name, byte[] bytes) {
    java.util.Objects.requireNonNull(bytes, "bytes");
    Path path;
    try {
      path = Path.of(name);
    } catch (java.nio.file.InvalidPathException e) {
      throw new PromshiftUsageException("the name " + Printable.quoted(name, 80) + " cannot be a file name: "
          + e.getReason());
    }
    if (name.isEmpty()) {
      throw new PromshiftUsageException("a file read from elsewhere needs a name for its messages");
    }
    // not a regular file: nothing is ever written over it
    return new Given(new FileSet.Found(path, path), new FileSnapshot(path, null, bytes.length,
        java.nio.file.attribute.FileTime.fromMillis(0), false, bytes));
  }

  private FileSnapshot fromDisk(FileSet.Found found) {
    return reader.snapshot(found.file());
  }

  /** The file a run works on, read within the size limit, as a plain file or the units embedded in it. */
  private SourceFile read(FileSet.Found found, Inputs inputs) {
    FileSnapshot snapshot = inputs.snapshot(found);
    return sources.read(reader.decode(found.file().toString(), snapshot.bytes()));
  }

  // ---- the run ---------------------------------------------------------------------------------------------

  /**
   * Works on each file of the scan on {@code parallelism} threads and hands the outcomes to the listener in path
   * order. A defect on one file costs that file, never the run.
   */
  private static Run run(int parallelism, FileSet.Scan scan, RunListener listener,
      Function<FileSet.Found, FileOutcome> task) {
    List<FileOutcome> problems = problems(scan, listener);
    List<FileOutcome> outcomes = new ArrayList<>(scan.files().size());
    forEachFile(parallelism, scan.files(), listener, task,
        Promshift::defective, outcome -> {
          outcomes.add(outcome);
          listener.finished(outcome);
        });
    return new Run(problems, outcomes);
  }

  /**
   * Works on each file on {@code parallelism} threads and hands the results to {@code done} in path order. A defect
   * on one file costs that file ({@code onDefect} says so), never the run.
   */
  private static <T> void forEachFile(int parallelism, List<FileSet.Found> found, RunListener listener,
      Function<FileSet.Found, T> task, java.util.function.BiFunction<FileSet.Found, RuntimeException, T> onDefect,
      java.util.function.Consumer<T> done) {
    listener.started(found.size());
    Batch.forEachOrdered(found, parallelism, guarded(task, onDefect, listener), done);
  }

  /**
   * The task on one file: a defect costs that file ({@code onDefect} says so), and so does a file too large for the
   * heap ({@link OutOfHeap}); the listener hears of its progress.
   */
  private static <T> Function<FileSet.Found, T> guarded(Function<FileSet.Found, T> task,
      java.util.function.BiFunction<FileSet.Found, RuntimeException, T> onDefect, RunListener listener) {
    return file -> {
      T result;
      try {
        result = withinHeap(task, file);
      } catch (RuntimeException e) {
        result = onDefect.apply(file, e);
      }
      listener.progressed();
      return result;
    };
  }

  /**
   * The task on one file, tried a second time when the heap ran out: what filled it may have been other files worked
   * on at the same time (a large one beside this small one), and their objects, as this attempt's, are garbage once
   * their tasks have unwound. Out of heap twice, the file is one the heap cannot hold: {@link OutOfHeap}.
   */
  private static <T> T withinHeap(Function<FileSet.Found, T> task, FileSet.Found file) {
    try {
      return task.apply(file);
    } catch (OutOfMemoryError first) {
      try {
        return task.apply(file);
      } catch (OutOfMemoryError again) {
        throw new OutOfHeap(file.file());
      }
    }
  }

  /**
   * A file the heap could not hold while promshift worked on it, told as a failure of that file (the run goes on) with
   * what to do about it. Its message is made after the stack unwound, when the file's objects are garbage.
   */
  static final class OutOfHeap extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** The heap a file needs, per byte of it, and the run's own: measured, "Linear time and memory per file". */
    private static final long HEAP_PER_BYTE = 40;
    private static final long HEAP_BASE = 48L << 20;

    OutOfHeap(Path file) {
      super(message(file, Runtime.getRuntime().maxMemory()), null, false, false);
    }

    static String message(Path file, long maxHeap) {
      long size = -1;
      try {
        size = Files.size(file);
      } catch (IOException | RuntimeException e) {
        // bytes given by a caller, or a file gone since: the message does without its size
      }
      // the measured need (docs/performance.md): about HEAP_PER_BYTE times the file, plus the JVM's own
      long needed = size < 0 ? 2L * maxHeap : HEAP_PER_BYTE * size + HEAP_BASE;
      String more = "-Xmx" + megabytesAtLeast(Math.max(needed, 2L * maxHeap));
      return "out of memory on this file" + (size < 0 ? "" : " of " + megabytes(size)) + ": the Java heap is limited"
          + " to " + megabytes(maxHeap) + "; give Java more (PROMSHIFT_OPTS=" + more + " for bin/promshift, java " + more
          + " -jar promshift-cli.jar, MAVEN_OPTS=" + more + " for Maven) or work on fewer files at once (--jobs 1)";
    }

    private static String megabytes(long bytes) {
      long tenths = bytes * 10 / (1L << 20);
      return tenths < 100 ? tenths / 10 + "." + tenths % 10 + " MB" : tenths / 10 + " MB";
    }

    /** A heap size for -Xmx: a power of two of at least {@code bytes}, in megabytes or gigabytes. */
    private static String megabytesAtLeast(long bytes) {
      long mb = Long.highestOneBit(Math.max(64, (bytes >> 20) + 1) - 1) << 1;
      return mb >= 1024 ? (mb >> 10) + "g" : mb + "m";
    }
  }

  /** The folders of the walk that could not be listed, as failed outcomes, told to the listener first. */
  private static List<FileOutcome> problems(FileSet.Scan scan, RunListener listener) {
    List<FileOutcome> problems = new ArrayList<>();
    for (FileSet.Problem problem : scan.problems()) {
      problems.add(FileOutcome.of(problem.path(), problem.path(), Verdict.FAILED, List.of(unlistable(problem))));
    }
    problems.forEach(listener::problem);
    return problems;
  }

  /** A folder of the walk that could not be listed. */
  private static Diagnostic unlistable(FileSet.Problem problem) {
    return Diagnostic.of(problem.path().toString(), Position.START, Code.UNLISTABLE, problem.message());
  }

  /** The outcome of a file a defect (or the heap) stopped promshift working on: failed, and left as it was. */
  private static FileOutcome defective(FileSet.Found file, RuntimeException e) {
    return failed(file, defect(file, e, "it is left untouched — please report this"));
  }

  /** A defect of promshift's on one file, reported as such; a file too large for the heap is not one. */
  private static Diagnostic defect(FileSet.Found file, RuntimeException e, String then) {
    if (e instanceof OutOfHeap) {
      return Diagnostic.of(file.file().toString(), Position.START, Code.LIMIT, e.getMessage());
    }
    return Diagnostic.of(file.file().toString(), Position.START, Code.UNREADABLE, "promshift failed on this file ("
        + IoProblems.describe(e) + "); " + then);
  }


  /**
   * The scan of one path taken as one file, whatever it is: a directory is not walked (reading it says that it
   * is one), a pipe or a device is read as given.
   */
  private static FileSet.Scan one(Path file) {
    if (file.toString().isEmpty()) {
      throw new PromshiftUsageException("an empty path names no file; use . for the current directory");
    }
    return new FileSet.Scan(List.of(new FileSet.Found(file, file)), List.of(), List.of());
  }

  /** A file reached a second time (through a link, or under two roots): done once, by its first path. */
  private static FileOutcome sameFile(FileSet.Found found, Path first, String how) {
    boolean link = !found.file().toAbsolutePath().normalize().equals(first.toAbsolutePath().normalize());
    String why = link ? " (a symbolic link)" : " (under two of the paths given)";
    return FileOutcome.of(found.file(), found.root(), Verdict.SKIPPED, List.of(Diagnostic.of(found.file().toString(),
        Position.START, Code.SAME_FILE, "the same file as " + first + why + "; " + how + ", as " + first)));
  }

  private static FileOutcome failed(FileSet.Found found, Diagnostic why) {
    return FileOutcome.of(found.file(), found.root(), Verdict.FAILED, List.of(why));
  }

  private FileOutcome skipped(FileSet.Found found) {
    return FileOutcome.of(found.file(), found.root(), Verdict.SKIPPED, List.of(Diagnostic.of(found.file().toString(),
        Position.START, Code.NOT_PROVISIONING,
        sources.nothingHere())));
  }
}
