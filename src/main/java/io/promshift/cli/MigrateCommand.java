package io.promshift.cli;

import io.promshift.Promshift;
import io.promshift.io.AtomicWriter;
import io.promshift.io.Batch;
import io.promshift.io.FileSet;
import io.promshift.migrate.MigrationOptions;
import io.promshift.migrate.MigrationResult;
import io.promshift.migrate.Migrator;
import io.promshift.migrate.Notice;
import io.promshift.migrate.Target;
import io.promshift.model.PromTypeMigration;
import io.promshift.model.ProvisioningReader;
import io.promshift.report.UnifiedDiff;
import io.promshift.syntax.ReadSettings;
import io.promshift.text.SourceException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Moves data source types in whole provisioning trees; a dry run (a diff) unless told to write. */
@Command(
    name = "migrate",
    sortOptions = false,
    description = {
        "Move data source types between prometheus and the Amazon/Azure plugin types, as Grafana's migration decides,"
            + " leaving every other byte of each file as it was.",
        "Without --check, --write or --out this is a dry run: the unified diff (secrets masked) on stdout, a summary"
            + " on stderr; nothing is written."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:nothing to report",
        "1:--check: at least one file would change",
        "2:usage error, or at least one file could not be processed (named path:line:col on stderr; every other"
            + " file still is)"})
final class MigrateCommand implements Callable<Integer> {
  enum To { plugins, amazon, azure, prometheus }

  @Option(names = "--to", defaultValue = "plugins", paramLabel = "TARGET", order = 1,
      description = "plugins (default: Amazon and Azure, as Grafana does), amazon, azure, or prometheus (revert).")
  To to;

  static final class Mode {
    @Option(names = "--dry-run", order = 2, description = "Print the diff of what would change; write nothing (default).")
    boolean dryRun;

    @Option(names = "--check", order = 3, description = "Print only the files that would change; exit 1 if any would.")
    boolean check;

    @Option(names = "--write", order = 4,
        description = "Rewrite changed files in place, atomically; unchanged files are not touched (mtime kept).")
    boolean write;

    @Option(names = "--out", paramLabel = "DIR", order = 5,
        description = "Write every processed file, changed or not, to the same relative path under DIR"
            + " (atomically, not fsynced: rerun after a crash).")
    Path out;
  }

  @ArgGroup(exclusive = true)
  Mode mode = new Mode();

  @Option(names = "--keep-marker", order = 6,
      description = "On revert, set prometheus-type-migration to false (as Grafana's rollback script does) instead of removing it.")
  boolean keepMarker;

  @Option(names = "--all", order = 7, description = "On revert, also move plugin-type sources that have no migration marker.")
  boolean all;

  @Parameters(arity = "1..*", paramLabel = "PATH",
      description = "Provisioning files or directories (searched recursively for *.yaml, *.yml).")
  List<Path> paths;

  @Mixin
  CommonOptions common;

  @Spec
  CommandSpec spec;

  @ParentCommand
  PromshiftCli root;

  private enum Kind { CHANGED, UNCHANGED, SKIPPED, FAILED }

  private enum Level { ERROR, WARNING, NOTE }

  private record Diagnostic(Level level, String where, String message) {}

  /** What happened to one file; the diff is rendered in the worker, so only text waits for printing. */
  private record Outcome(
      FileSet.Found found, Kind kind, int sources, List<Diagnostic> diagnostics, String diff, boolean copied) {}

  @Override
  public Integer call() {
    FileSet fileSet = common.fileSet(paths);
    if (mode.out != null && mode.out.toString().isEmpty()) {
      throw new ParameterException(spec.commandLine(), "--out needs a folder; an empty one would be the current"
          + " directory (an unset variable?)");
    }
    Migrator migrator = Promshift.create().migrator(options());
    // in place, a file is the user's only copy: fsync before the rename. An --out tree is rebuilt by a rerun:
    // its writes are atomic all the same (temp file + rename), without an fsync per file.
    AtomicWriter writer = new AtomicWriter(mode.out == null);
    Thread cleanup = new Thread(writer::abandonAll, "promshift-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
    int[] counts = new int[Kind.values().length];
    int[] sources = new int[1];
    try (Ui ui = new Ui(spec.commandLine().getOut(), spec.commandLine().getErr(), root.terminal(), common)) {
      FileSet.Scan scan = fileSet.scan();
      for (FileSet.Problem problem : scan.problems()) {
        counts[Kind.FAILED.ordinal()]++;
        ui.error(problem.path().toString(), problem.message());
      }
      List<FileSet.Found> files = mode.out == null ? scan.files() : outsideOf(mode.out, scan.files());
      Map<FileSet.Found, Path> sameFiles = mode.write ? sameFiles(files) : Map.of();
      ui.startProgress("migrate", files.size());
      Batch.forEachOrdered(files, common.jobs, found -> {
        Path first = sameFiles.get(found);
        Outcome outcome = first != null ? sameFile(found, first) : process(migrator, writer, found, ui.quiet());
        ui.tick();
        return outcome;
      }, outcome -> {
        counts[outcome.kind().ordinal()]++;
        sources[0] += outcome.sources();
        print(outcome, ui);
      });
      ui.close();
      ui.summaryErr(summary(files.size(), counts, sources[0]));
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(cleanup);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it cleans up
      }
    }
    if (counts[Kind.FAILED.ordinal()] > 0) {
      return 2;
    }
    return mode.check && counts[Kind.CHANGED.ordinal()] > 0 ? 1 : 0;
  }

  /**
   * The files found under a directory root but not under the output folder: with {@code --out} inside a root,
   * a second run must not read the first run's output as input (and write it one level deeper). A file named
   * on the command line is taken wherever it is.
   */
  private static List<FileSet.Found> outsideOf(Path out, List<FileSet.Found> files) {
    Path outFolder = out.toAbsolutePath().normalize();
    List<FileSet.Found> outside = new ArrayList<>(files.size());
    for (FileSet.Found found : files) {
      boolean named = found.root().equals(found.file());
      if (named || !found.file().toAbsolutePath().normalize().startsWith(outFolder)) {
        outside.add(found);
      }
    }
    return outside;
  }

  /**
   * Files reached a second time through a symbolic link (both inside the roots), each with the path it was
   * first reached by: written in place once, by that first path, never by two workers at once.
   */
  private static Map<FileSet.Found, Path> sameFiles(List<FileSet.Found> files) {
    Map<Path, Path> firstByReal = new HashMap<>();
    Map<FileSet.Found, Path> later = new HashMap<>();
    for (FileSet.Found found : files) {
      Path real;
      try {
        real = found.file().toRealPath();
      } catch (IOException e) {
        continue; // reading it will say what is wrong
      }
      Path first = firstByReal.putIfAbsent(real, found.file());
      if (first != null) {
        later.put(found, first);
      }
    }
    return later;
  }

  private static Outcome sameFile(FileSet.Found found, Path first) {
    Diagnostic note = new Diagnostic(Level.NOTE, found.file().toString(), "the same file as " + first
        + " (a symbolic link); rewritten once, as " + first);
    return new Outcome(found, Kind.SKIPPED, 0, List.of(note), "", false);
  }

  private MigrationOptions options() {
    MigrationOptions.Builder builder = to == To.prometheus ? MigrationOptions.reverse() : MigrationOptions.forward();
    if (to == To.amazon) {
      builder.only(Target.AMAZON);
    } else if (to == To.azure) {
      builder.only(Target.AZURE);
    }
    return builder.markerFalseOnReverse(keepMarker).reverseUnmarked(all).build();
  }

  /** Reads, migrates and (with --write or --out) writes one file; runs on a worker thread, never throws. */
  private Outcome process(Migrator migrator, AtomicWriter writer, FileSet.Found found, boolean quiet) {
    String name = found.file().toString();
    List<Diagnostic> diagnostics = new ArrayList<>();
    byte[] original;
    try {
      original = ProvisioningReader.readBytes(found.file(), ReadSettings.DEFAULTS.maxFileSize());
    } catch (SourceException e) {
      diagnostics.add(new Diagnostic(Level.ERROR, e.file() + ":" + e.position(), e.problem()));
      return new Outcome(found, Kind.FAILED, 0, diagnostics, "", false);
    }
    MigrationResult result = migrator.migrate(name, original);
    Kind kind;
    if (result.refused()) {
      diagnostics.add(new Diagnostic(Level.ERROR, name + ":" + result.refusal().position(), result.refusal().message()));
      kind = Kind.FAILED;
    } else if (result.notProvisioning()) {
      diagnostics.add(new Diagnostic(Level.NOTE, name, "not a data source provisioning file (no datasources or"
          + " deleteDatasources); skipped"));
      kind = Kind.SKIPPED;
    } else {
      for (Notice notice : result.notices()) {
        diagnostics.add(new Diagnostic(Level.WARNING, name + ":" + notice.position(), notice.message()));
      }
      kind = result.changed() ? Kind.CHANGED : Kind.UNCHANGED;
    }
    byte[] content = kind == Kind.CHANGED ? result.newBytes() : original;
    boolean copied = false;
    try {
      if (mode.write && kind == Kind.CHANGED) {
        writer.replace(found.file(), original, content);
      } else if (mode.out != null) {
        writer.write(mode.out.resolve(found.relative()), content, found.file());
        copied = true;
      }
    } catch (IOException e) {
      String why = e instanceof AtomicWriter.ConcurrentChangeException ? e.getMessage()
          : "cannot write " + (mode.out != null ? mode.out.resolve(found.relative()) : found.file()) + " ("
              + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
      diagnostics.add(new Diagnostic(Level.ERROR, name + ":1:1", why));
      kind = Kind.FAILED;
    }
    String diff = !quiet && isDryRun() && kind == Kind.CHANGED ? UnifiedDiff.of(result) : "";
    return new Outcome(found, kind, kind == Kind.FAILED ? 0 : result.changes().size(), diagnostics, diff, copied);
  }

  private boolean isDryRun() {
    return !mode.check && !mode.write && mode.out == null;
  }

  private void print(Outcome outcome, Ui ui) {
    for (Diagnostic d : outcome.diagnostics()) {
      switch (d.level()) {
        case ERROR:
          ui.error(d.where(), d.message());
          break;
        case WARNING:
          ui.warning(d.where(), d.message());
          break;
        default:
          ui.note(d.where(), d.message());
      }
    }
    String path = outcome.found().file().toString();
    if (outcome.kind() == Kind.CHANGED && (mode.check || mode.write)) {
      ui.report(path + "\n");
    } else if (!outcome.diff().isEmpty()) {
      ui.report(colour(outcome.diff(), ui.outStyle()));
    }
    if (ui.verbose()) {
      String what = switch (outcome.kind()) {
        case CHANGED -> (mode.write ? "rewritten" : mode.out != null ? "changed" : "would change") + " ("
            + Text.count(outcome.sources(), "data source", "data sources") + ")";
        case UNCHANGED -> "unchanged";
        case SKIPPED -> "skipped";
        default -> outcome.copied() ? "failed (copied as it is)" : "failed";
      };
      ui.detail(path + ": " + what + (outcome.copied() ? " -> " + mode.out.resolve(outcome.found().relative()) : ""));
    }
  }

  private static String colour(String diff, Style style) {
    if (!style.on()) {
      return diff;
    }
    StringBuilder out = new StringBuilder(diff.length() + 256);
    for (String line : diff.split("\n", -1)) {
      if (out.length() > 0) {
        out.append('\n');
      }
      if (line.startsWith("---") || line.startsWith("+++")) {
        out.append(style.bold(line));
      } else if (line.startsWith("@@")) {
        out.append(style.cyan(line));
      } else if (line.startsWith("-")) {
        out.append(style.red(line));
      } else if (line.startsWith("+")) {
        out.append(style.green(line));
      } else {
        out.append(line);
      }
    }
    return out.toString();
  }

  private String summary(int files, int[] counts, int sources) {
    int changed = counts[Kind.CHANGED.ordinal()];
    String verb = mode.write ? "rewritten" : mode.out != null ? "changed" : "would change";
    String where = mode.out != null ? " written to " + mode.out : "";
    return Text.count(files, "file", "files") + where + ": " + changed + " " + verb + " ("
        + Text.count(sources, "data source", "data sources") + " to " + describeTarget() + "), "
        + counts[Kind.UNCHANGED.ordinal()] + " unchanged, " + counts[Kind.SKIPPED.ordinal()] + " skipped, "
        + counts[Kind.FAILED.ordinal()] + " failed";
  }

  private String describeTarget() {
    switch (to) {
      case prometheus:
        return PromTypeMigration.PROMETHEUS;
      case amazon:
        return PromTypeMigration.AMAZON;
      case azure:
        return PromTypeMigration.AZURE;
      default:
        return "plugin types";
    }
  }
}
