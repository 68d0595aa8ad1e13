package io.promshift.cli;

import io.promshift.MigrationTarget;
import io.promshift.cli.CommandModel.Conversion;
import io.promshift.cli.CommandModel.Option;
import io.promshift.Promshift;
import io.promshift.PromshiftUsageException;
import io.promshift.io.FileSet;
import io.promshift.io.WriteMode;
import io.promshift.report.FileOutcome;
import io.promshift.report.MigrationText;
import io.promshift.report.Run;
import io.promshift.report.RunReport;
import io.promshift.report.Verdict;
import io.promshift.RunListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** Moves data source types in whole provisioning trees; a dry run (a diff) unless told to write. */
final class MigrateCommand implements Callable<Integer> {
  /** {@code --to}'s words: the library's one list of targets ({@link MigrationTarget}), any case. */
  static final Conversion TARGET = Conversion.words(MigrationTarget.class,
      java.util.Arrays.stream(MigrationTarget.values()).collect(java.util.stream.Collectors.toMap(
          MigrationTarget::word, target -> target, (a, b) -> a, java.util.LinkedHashMap::new)),
      String.join(", ", java.util.Arrays.stream(MigrationTarget.values()).map(MigrationTarget::word).toList()));

  /** At most one of these: what the run does with the changes. */
  private static final String MODE = "mode";

  static final CommandModel MODEL = new CommandModel("migrate",
      "Move data source types to the Amazon/Azure plugins, or back, byte for byte.",
      List.of("Move data source types between prometheus and the Amazon/Azure plugin types, as Grafana's migration"
              + " decides, leaving every other byte of each file as it was.",
          "Without --check, --write or --out this is a dry run: the unified diff (secrets masked) on stdout, a summary"
              + " on stderr; nothing is written."),
      CommandModel.ExitCode.of(
          "0:nothing to report",
          "1:--check: at least one file would change",
          "2:usage error, no YAML file found, or at least one file (or a unit of data sources in one) could not be"
              + " processed (named path:line:col on stderr; everything else still is)"),
      CommandModel.options(List.of(
          Option.single("--to", "TARGET", 1, "plugins (default: Amazon and Azure, as Grafana does), amazon, azure, or"
              + " prometheus (revert).").withDefault("plugins").converted(TARGET),
          Option.flag("--dry-run", 2, "Print the diff of what would change; write nothing (default).").in(MODE),
          Option.flag("--check", 3, "Print only the files that would change; exit 1 if any would.").in(MODE),
          Option.flag("--write", 4, "Rewrite changed files in place, atomically; unchanged files are not touched"
              + " (mtime kept).").in(MODE),
          Option.single("--out", "DIR", 5, "Write every processed file, changed or not, to the same relative path"
              + " under DIR (atomically, not fsynced: rerun after a crash).").in(MODE).converted(Conversion.PATH),
          Option.flag("--keep-marker", 6, "On revert, set prometheus-type-migration to false (as Grafana's rollback"
              + " script does) instead of removing it."),
          Option.flag("--all", 7, "On revert, also move plugin-type sources that have no migration marker."),
          Option.flag("--rewrite-base64", 8, "Also rewrite provisioning files held base64-encoded (a Secret's data):"
              + " decoded, changed and encoded again with the same alphabet and padding (without it they are read"
              + " and left as they are)."),
          Option.single("--patch", "FILE", 9, "Also write the changes as one patch that git apply and patch -p1 apply"
              + " (secrets in clear, as in the files: FILE is created with mode 0600).").converted(Conversion.PATH),
          Option.single("--format", "FORMAT", 10, "text (default: diffs or changed paths on stdout), json (one"
              + " document on stdout: every file with its verdict, changes, diagnostics, and in a dry run its diff;"
              + " then totals) or sarif (the run's diagnostics for code scanning).")
              .withDefault("text").converted(Conversion.words(List.of("text", "json", "sarif"), "text, json or sarif"))),
          ConfigFileOptions.OPTIONS, CommonOptions.OPTIONS),
      CommonOptions.PATHS);

  /** What the run does with the changes: {@code --dry-run}, {@code --check}, {@code --write} or {@code --out}. */
  static final class Mode {
    final boolean check;
    final boolean write;
    final Path out;

    Mode(Arguments args) {
      this.check = args.flag("--check");
      this.write = args.flag("--write");
      this.out = args.value("--out");
    }
  }

  private final Invocation invocation;
  private final MigrationTarget to;
  private final Mode mode;
  private final boolean keepMarker;
  private final boolean all;
  private final boolean rewriteBase64;
  private final Path patch;
  private final String format;
  private final List<Path> paths;
  private final CommonOptions common;
  private final ConfigFileOptions configFile;

  MigrateCommand(Invocation invocation) {
    Arguments args = invocation.args();
    this.invocation = invocation;
    this.to = args.value("--to");
    this.mode = new Mode(args);
    this.keepMarker = args.flag("--keep-marker");
    this.all = args.flag("--all");
    this.rewriteBase64 = args.flag("--rewrite-base64");
    this.patch = args.value("--patch");
    this.format = args.value("--format");
    this.paths = args.paths();
    this.common = new CommonOptions(invocation);
    this.configFile = new ConfigFileOptions(args);
  }

  @Override
  public Integer call() {
    boolean stdin = common.readsStandardInput(paths);
    if (stdin && (mode.out != null || patch != null)) {
      throw new UsageException((mode.out != null ? "--out" : "--patch") + " writes files;"
          + " with - (standard input) the result goes to standard output: the diff, or with --write the whole file");
    }
    java.util.Optional<io.promshift.config.ProjectConfig> project = configFile.config(paths);
    FileSet fileSet = stdin ? null : common.fileSet(paths, project);
    if (mode.out != null && mode.out.toString().isEmpty()) {
      throw new UsageException("--out needs a folder; an empty one would be the current"
          + " directory (an unset variable?)");
    }
    boolean json = !format.equals("text"); // json or sarif (the model allows no other word): a document on stdout
    Promshift promshift = Promshift.create(common.settings(ConfigFileOptions.configured(project)).target(to)
        .keepMarker(keepMarker).revertUnmarked(all).rewriteBase64(rewriteBase64).build());
    WriteMode writeMode = mode.write ? WriteMode.inPlace() : mode.out != null ? WriteMode.toFolder(mode.out)
        : WriteMode.none();
    String verb = mode.write && !stdin ? "rewritten" : mode.write || mode.out != null ? "changed" : "would change";
    Run run;
    try (Ui ui = new Ui(invocation.out(), invocation.err(), invocation.terminal(), common)) {
      boolean diffs = isDryRun() && (format.equals("json") || !json && !ui.quiet());
      try {
        RunListener listener = ui.listener("migrate", outcome -> print(outcome, ui, verb, json));
        run = stdin ? migrateStandardInput(promshift, diffs, ui, verb, json) : patch == null ? promshift.migrate(fileSet, writeMode, diffs, listener)
            : promshift.migrate(fileSet, writeMode, diffs, patch, listener);
      } catch (PromshiftUsageException e) {
        throw new UsageException((mode.out != null ? "--out: " : "") + e.getMessage());
      } catch (IOException e) {
        throw new UsageException("--patch: cannot write " + patch + ": "
            + e.getClass().getSimpleName());
      }

      ui.close();
      if (run.empty()) { // a mistyped PATH or glob must not pass as "nothing would change"
        ui.error(fileSet.nothingFound());
        return 2;
      }
      if (patch != null) {
        // a patch that applies carries the files' secrets: said even with --quiet, where a person running it looks
        invocation.err().println(MigrationText.patchWarning(patch));
      }
      if (format.equals("json")) {
        ui.document(RunReport.migrationJson(run, to.describe()));
      } else if (format.equals("sarif")) {
        ui.document(RunReport.sarif(run));
      }
      String where = mode.out != null ? " written to " + mode.out : "";
      ui.summaryErr(MigrationText.summary(run, verb, where, to.describe()));
    }
    if (run.anyRefused()) {
      return 2;
    }
    return mode.check && run.count(Verdict.CHANGED) > 0 ? 1 : 0;
  }

  /**
   * The file read from standard input: reported as a file of a run is, and with {@code --write} the whole file, changed
   * or not, on standard output (the only place it can be written to).
   */
  private Run migrateStandardInput(Promshift promshift, boolean diffs, Ui ui, String verb, boolean json) {
    Promshift.Migrated migrated = promshift.migrate(common.stdinName(),
        common.standardInput(promshift.settings().read().maxFileSize()), diffs);
    FileOutcome outcome = migrated.run().files().get(0);
    if (mode.write && !json) {
      outcome.messages().forEach(ui::message);
      ui.document(contentAsText(migrated.content())); // the file itself: written even with --quiet
    } else {
      print(outcome, ui, verb, json);
    }
    return migrated.run();
  }

  /** The file's bytes as text for standard output, which carries UTF-8; a usage error for any other encoding. */
  private String contentAsText(byte[] content) {
    try {
      return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
          .decode(java.nio.ByteBuffer.wrap(content)).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new UsageException("--write with -: the file is not UTF-8 (UTF-16?) and standard"
          + " output carries UTF-8; migrate it as a file instead");
    }
  }

  private boolean isDryRun() {
    return !mode.check && !mode.write && mode.out == null;
  }

  private void print(FileOutcome outcome, Ui ui, String verb, boolean json) {
    outcome.messages().forEach(ui::message);
    if (json) {
      // the document at the end says it all
    } else if (outcome.verdict() == Verdict.CHANGED && (mode.check || mode.write)) {
      ui.report(outcome.printableName() + "\n");
    } else if (!outcome.diff().isEmpty()) {
      ui.report(MigrationText.diff(outcome.diff(), ui.outStyle()));
    }
    if (ui.verbose()) {
      // with each change below its file: which data source, and inside an embedded unit where it is in the file
      ui.detail(MigrationText.detail(outcome, verb) + MigrationText.changes(outcome));
    }
  }
}
