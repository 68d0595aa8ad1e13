package io.promshift.cli;

import io.promshift.io.AtomicWriter;
import io.promshift.io.Batch;
import io.promshift.io.FileSet;
import io.promshift.migrate.MigrationOptions;
import io.promshift.migrate.MigrationResult;
import io.promshift.migrate.Migrator;
import io.promshift.migrate.Notice;
import io.promshift.migrate.Target;
import io.promshift.model.ProvisioningReader;
import io.promshift.model.PromTypeMigration;
import io.promshift.report.UnifiedDiff;
import io.promshift.syntax.ReadSettings;
import io.promshift.text.SourceException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Moves data source types in whole provisioning trees; a dry run (a diff) unless told to write. */
@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    description = {
        "Move data source types between prometheus and the Amazon/Azure plugin types, as Grafana's migration decides,"
            + " leaving every other byte of each file as it was.",
        "Without --check, --write or --out this is a dry run: it prints a unified diff (secrets masked) and a summary."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:nothing to report",
        "1:--check found files that would change",
        "2:usage error, or at least one file could not be processed (every other file still is)"})
final class MigrateCommand implements Callable<Integer> {
  enum To { plugins, amazon, azure, prometheus }

  @Option(names = "--to", defaultValue = "plugins", paramLabel = "TARGET",
      description = "plugins (default: Amazon and Azure, as Grafana does), amazon, azure, or prometheus (revert).")
  To to;

  static final class Mode {
    @Option(names = "--dry-run", description = "Print the diff of what would change; write nothing (default).")
    boolean dryRun;

    @Option(names = "--check", description = "Print only the files that would change; exit 1 if any would.")
    boolean check;

    @Option(names = "--write", description = "Rewrite changed files in place (atomically; unchanged files are not touched).")
    boolean write;

    @Option(names = "--out", paramLabel = "DIR", description = "Write every processed file, changed or not, to the same relative path under DIR.")
    Path out;
  }

  @ArgGroup(exclusive = true)
  Mode mode = new Mode();

  @Option(names = "--keep-marker", description = "On revert, set prometheus-type-migration to false (as Grafana's rollback script does) instead of removing it.")
  boolean keepMarker;

  @Option(names = "--all", description = "On revert, also move plugin-type sources that have no migration marker.")
  boolean all;

  @Option(names = "--include", paramLabel = "GLOB", description = "Only files whose path under its root matches (repeatable).")
  List<String> includes = List.of();

  @Option(names = "--exclude", paramLabel = "GLOB", description = "Skip files whose path under its root matches (repeatable).")
  List<String> excludes = List.of();

  @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Files processed in parallel (default: the number of cores).")
  int jobs = Runtime.getRuntime().availableProcessors();

  @Option(names = {"-q", "--quiet"}, description = "Print only errors and the exit status's reason.")
  boolean quiet;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Provisioning files or directories (searched for *.yaml, *.yml).")
  List<Path> paths;

  @Spec
  CommandSpec spec;

  private record Outcome(FileSet.Found found, byte[] original, MigrationResult result) {}

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Migrator migrator = new Migrator(new ProvisioningReader(ReadSettings.DEFAULTS), options());
    AtomicWriter writer = new AtomicWriter();
    Thread cleanup = new Thread(writer::abandonAll, "promshift-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
    try {
      List<FileSet.Found> files = new FileSet(paths, includes, excludes).found();
      List<Outcome> outcomes = Batch.run(files, jobs, found -> process(migrator, found));
      return report(outcomes, writer, out, err);
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(cleanup);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it cleans up
      }
    }
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

  private static Outcome process(Migrator migrator, FileSet.Found found) {
    byte[] original;
    try {
      original = ProvisioningReader.readBytes(found.file(), ReadSettings.DEFAULTS.maxFileSize());
    } catch (SourceException e) {
      return new Outcome(found, null, migrator.migrate(found.file()));
    }
    return new Outcome(found, original, migrator.migrate(found.file().toString(), original));
  }

  private int report(List<Outcome> outcomes, AtomicWriter writer, PrintWriter out, PrintWriter err) {
    int changed = 0;
    int skipped = 0;
    int failed = 0;
    int sources = 0;
    for (Outcome outcome : outcomes) {
      MigrationResult result = outcome.result();
      if (result.refused()) {
        failed++;
        err.println(result.file() + ":" + result.refusal().position() + ": error: " + result.refusal().message());
        copyToOut(outcome, outcome.original(), writer, err);
        continue;
      }
      boolean notProvisioning = result.notices().stream().anyMatch(n -> n.code().equals(Migrator.NOT_PROVISIONING));
      if (notProvisioning) {
        skipped++;
        if (!quiet) {
          err.println(result.file() + ": note: not a data source provisioning file; skipped");
        }
        copyToOut(outcome, outcome.original(), writer, err);
        continue;
      }
      if (!quiet) {
        for (Notice notice : result.notices()) {
          err.println(result.file() + ":" + notice.position() + ": warning: " + notice.message());
        }
      }
      if (result.changed()) {
        changed++;
        sources += result.changes().size();
      }
      try {
        if (mode.write) {
          writer.replace(outcome.found().file(), outcome.original(), result.newBytes());
        } else if (mode.out != null) {
          writer.write(mode.out.resolve(outcome.found().relative()), result.newBytes());
        } else if (mode.check) {
          if (result.changed()) {
            out.println(result.file());
          }
        } else if (result.changed() && !quiet) {
          out.print(UnifiedDiff.of(result));
        }
      } catch (IOException e) {
        failed++;
        err.println(result.file() + ": error: " + e.getMessage());
      }
    }
    if (!quiet) {
      String verb = mode.write || mode.out != null ? "changed" : "would change";
      (mode.check ? err : out).println(outcomes.size() + " files: " + changed + " " + verb + " (" + sources
          + " data sources to " + describeTarget() + "), " + (outcomes.size() - changed - skipped - failed)
          + " unchanged, " + skipped + " skipped, " + failed + " failed");
    }
    if (failed > 0) {
      return 2;
    }
    return mode.check && changed > 0 ? 1 : 0;
  }

  private void copyToOut(Outcome outcome, byte[] bytes, AtomicWriter writer, PrintWriter err) {
    if (mode.out == null || bytes == null) {
      return;
    }
    try {
      writer.write(mode.out.resolve(outcome.found().relative()), bytes);
    } catch (IOException e) {
      err.println(outcome.found().file() + ": error: cannot write to " + mode.out + ": " + e.getMessage());
    }
  }

  private String describeTarget() {
    return switch (to) {
      case prometheus -> PromTypeMigration.PROMETHEUS;
      case amazon -> PromTypeMigration.AMAZON;
      case azure -> PromTypeMigration.AZURE;
      default -> "plugin types";
    };
  }
}
