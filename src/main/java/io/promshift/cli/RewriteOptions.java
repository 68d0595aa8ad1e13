package io.promshift.cli;

import io.promshift.Promshift;
import io.promshift.PromshiftSettings;
import io.promshift.PromshiftUsageException;
import io.promshift.RunListener;
import io.promshift.cli.CommandModel.Conversion;
import io.promshift.cli.CommandModel.Option;
import io.promshift.config.ProjectConfig;
import io.promshift.io.FileSet;
import io.promshift.io.WriteMode;
import io.promshift.report.FileOutcome;
import io.promshift.report.MigrationText;
import io.promshift.report.Run;
import io.promshift.report.RunReport;
import io.promshift.report.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code migrate} and {@code fix} share, as both rewrite files byte for byte through the same pipeline: the
 * options that say what the run does with the changes ({@code --dry-run}, {@code --check}, {@code --write},
 * {@code --out}), {@code --patch}, {@code --format} and {@code --rewrite-base64}, and the run itself — standard input,
 * what is printed per file, the document, the summary, the exit code. A command brings only what is its own
 * ({@link Operation}), so the two cannot drift apart in their safety or their output.
 */
final class RewriteOptions {
  /** At most one of these: what the run does with the changes. */
  private static final String MODE = "mode";

  /** {@code --dry-run}, {@code --check}, {@code --write}, {@code --out}: what the run does with the changes. */
  static final List<Option> MODES = List.of(
      Option.flag("--dry-run", 2, "Print the diff of what would change; write nothing (default).").in(MODE),
      Option.flag("--check", 3, "Print only the files that would change; exit 1 if any would.").in(MODE),
      Option.flag("--write", 4, "Rewrite changed files in place, atomically; unchanged files are not touched"
          + " (mtime kept).").in(MODE),
      Option.single("--out", "DIR", 5, "Write every processed file, changed or not, to the same relative path"
          + " under DIR (atomically, not fsynced: rerun after a crash).").in(MODE).converted(Conversion.PATH));

  /**
   * {@code --rewrite-base64}, {@code --patch} and {@code --format}.
   *
   * @param listed what the JSON document lists for each file ("changes", "fixes")
   */
  static List<Option> outputs(String listed) {
    return List.of(
        Option.flag("--rewrite-base64", 8, "Also rewrite provisioning files held base64-encoded (a Secret's data):"
            + " decoded, changed and encoded again with the same alphabet and padding (without it they are read"
            + " and left as they are)."),
        Option.single("--patch", "FILE", 9, "Also write the changes as one patch that git apply and patch -p1 apply"
            + " (secrets in clear, as in the files: FILE is created with mode 0600).").converted(Conversion.PATH),
        Option.single("--format", "FORMAT", 10, "text (default: diffs or changed paths on stdout), json (one"
            + " document on stdout: every file with its verdict, " + listed + ", diagnostics, and in a dry run its"
            + " diff; then totals) or sarif (the run's diagnostics for code scanning).")
            .withDefault("text").converted(Conversion.words(List.of("text", "json", "sarif"), "text, json or sarif")));
  }

  /** What a command that rewrites files brings of its own to the run. */
  interface Operation {
    /** The command's name: the progress line's label, and what the messages call the run. */
    String name();

    /** The settings of the run: {@code configured} (the configuration file, the common options) and its own. */
    PromshiftSettings settings(PromshiftSettings.Builder configured, boolean rewriteBase64);

    /** The run over files, with the patch written to {@code patch} unless it is null. */
    Run files(Promshift promshift, FileSet files, WriteMode mode, boolean diffs, Path patch, RunListener listener)
        throws IOException;

    /** The run over one file's bytes (standard input). */
    Promshift.Migrated one(Promshift promshift, String name, byte[] bytes, boolean diffs);

    /** The run as one JSON document. */
    String json(Run run);

    /** The closing summary; {@code where} says where the files were written ("" but with --out). */
    String summary(Run run, String verb, String where);

    /** With --verbose, below each file: its one-line account and what changed in it. */
    String detail(FileOutcome outcome, String verb);
  }

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

    boolean dryRun() {
      return !check && !write && out == null;
    }
  }

  private final Invocation invocation;
  final Mode mode;
  final boolean rewriteBase64;
  final Path patch;
  final String format;

  RewriteOptions(Invocation invocation) {
    Arguments args = invocation.args();
    this.invocation = invocation;
    this.mode = new Mode(args);
    this.rewriteBase64 = args.flag("--rewrite-base64");
    this.patch = args.value("--patch");
    this.format = args.value("--format");
  }

  /** Runs {@code operation} over the PATHs as these options, the configuration file's and the common ones say. */
  int run(Operation operation, CommonOptions common, ConfigFileOptions configFile) {
    List<Path> paths = invocation.args().paths();
    boolean stdin = common.readsStandardInput(paths);
    if (stdin && (mode.out != null || patch != null)) {
      throw new UsageException((mode.out != null ? "--out" : "--patch") + " writes files;"
          + " with - (standard input) the result goes to standard output: the diff, or with --write the whole file");
    }
    Optional<ProjectConfig> project = configFile.config(paths);
    FileSet fileSet = stdin ? null : common.fileSet(paths, project);
    if (mode.out != null && mode.out.toString().isEmpty()) {
      throw new UsageException("--out needs a folder; an empty one would be the current"
          + " directory (an unset variable?)");
    }
    boolean json = !format.equals("text"); // json or sarif (the model allows no other word): a document on stdout
    Promshift promshift = Promshift.create(operation.settings(common.settings(ConfigFileOptions.configured(project)),
        rewriteBase64));
    WriteMode writeMode = mode.write ? WriteMode.inPlace() : mode.out != null ? WriteMode.toFolder(mode.out)
        : WriteMode.none();
    String verb = mode.write && !stdin ? "rewritten" : mode.write || mode.out != null ? "changed" : "would change";
    Run run;
    try (Ui ui = new Ui(invocation.out(), invocation.err(), invocation.terminal(), common)) {
      boolean diffs = mode.dryRun() && (format.equals("json") || !json && !ui.quiet());
      try {
        RunListener listener = ui.listener(operation.name(), outcome -> print(operation, outcome, ui, verb, json));
        run = stdin ? standardInput(operation, promshift, common, diffs, ui, verb, json)
            : operation.files(promshift, fileSet, writeMode, diffs, patch, listener);
      } catch (PromshiftUsageException e) {
        throw new UsageException((mode.out != null ? "--out: " : "") + e.getMessage());
      } catch (IOException e) {
        throw new UsageException("--patch: cannot write " + patch + ": " + e.getClass().getSimpleName());
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
        ui.document(operation.json(run));
      } else if (format.equals("sarif")) {
        ui.document(RunReport.sarif(run));
      }
      String where = mode.out != null ? " written to " + mode.out : "";
      ui.summaryErr(operation.summary(run, verb, where));
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
  private Run standardInput(Operation operation, Promshift promshift, CommonOptions common, boolean diffs, Ui ui,
      String verb, boolean json) {
    Promshift.Migrated result = operation.one(promshift, common.stdinName(),
        common.standardInput(promshift.settings().read().maxFileSize()), diffs);
    FileOutcome outcome = result.run().files().get(0);
    if (mode.write && !json) {
      outcome.messages().forEach(ui::message);
      ui.document(contentAsText(operation, result.content())); // the file itself: written even with --quiet
    } else {
      print(operation, outcome, ui, verb, json);
    }
    return result.run();
  }

  /** The file's bytes as text for standard output, which carries UTF-8; a usage error for any other encoding. */
  private static String contentAsText(Operation operation, byte[] content) {
    try {
      return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
          .decode(java.nio.ByteBuffer.wrap(content)).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new UsageException("--write with -: the file is not UTF-8 (UTF-16?) and standard"
          + " output carries UTF-8; " + operation.name() + " it as a file instead");
    }
  }

  /** One file's outcome: its messages, then its diff, or its path with --check and --write; --verbose says more. */
  private void print(Operation operation, FileOutcome outcome, Ui ui, String verb, boolean json) {
    outcome.messages().forEach(ui::message);
    if (json) {
      // the document at the end says it all
    } else if (outcome.verdict() == Verdict.CHANGED && (mode.check || mode.write)) {
      ui.report(outcome.printableName() + "\n");
    } else if (!outcome.diff().isEmpty()) {
      ui.report(MigrationText.diff(outcome.diff(), ui.outStyle()));
    }
    if (ui.verbose()) {
      ui.detail(operation.detail(outcome, verb));
    }
  }
}
