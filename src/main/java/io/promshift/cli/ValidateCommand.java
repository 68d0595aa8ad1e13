package io.promshift.cli;

import io.promshift.Promshift;
import io.promshift.cli.CommandModel.Conversion;
import io.promshift.cli.CommandModel.Option;
import io.promshift.PromshiftSettings;
import io.promshift.config.ProjectConfig;
import io.promshift.io.EnvFile;
import io.promshift.io.FileSet;
import io.promshift.io.WriteMode;
import io.promshift.report.FileOutcome;
import io.promshift.report.FindingsReport;
import io.promshift.report.MigrationText;
import io.promshift.report.Run;
import io.promshift.report.ValidationRun;
import io.promshift.report.ValidationText;
import io.promshift.report.Verdict;
import io.promshift.report.Show;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** Validates provisioning files: findings at file:line:col in text, JSON or SARIF; exit 1 or 2 on problems. */
final class ValidateCommand implements Callable<Integer> {
  private static final Conversion SEVERITY = Conversion.words(List.of("error", "warning", "info"),
      "error, warning or info");

  static final CommandModel MODEL = new CommandModel("validate",
      "Check provisioning files as Grafana reads them: schema and Grafana's rules.",
      List.of("The JSON Schema first, then Grafana's own rules (startup refusals, SigV4, URLs, secrets, migration"
              + " state); the cross-file rules among the files of each directory, as Grafana reads one directory as"
              + " one set.",
          "With --fix the findings promshift fix resolves are fixed first, the files rewritten in place; what is"
              + " reported is what is left.",
          "Findings go to stdout; notes, errors that stop a file being read too, and progress to stderr."),
      CommandModel.ExitCode.of(
          "0:no finding at --fail-on or above",
          "1:a finding reached --fail-on (default: error)",
          "2:usage error, no YAML file found, or at least one file could not be read (it is a finding too; every"
              + " other file is still validated); with --fix also a file that could not be fixed safely or written"),
      CommandModel.options(List.of(
          Option.single("--format", "FORMAT", 1, "text (default), json, sarif, or github (GitHub Actions workflow"
              + " commands: annotations).").withDefault("text")
              .converted(Conversion.words(List.of("text", "json", "sarif", "github"), "text, json, sarif or github")),
          Option.single("--fail-on", "SEVERITY", 2, "Exit 1 when a finding is at least this severe: error (default,"
              + " or the configuration's fail-on), warning or info.").withDefault("error").converted(SEVERITY),
          Option.single("--show", "SEVERITY", 2, "Print findings at least this severe: error, warning (default for"
              + " text and github) or info (default for json and sarif). A finding at --fail-on or above is always"
              + " printed.").converted(SEVERITY),
          Option.single("--env-file", "FILE", 3, "Expand placeholders from this NAME=value file as Grafana would, then"
              + " validate the expanded values.").converted(Conversion.PATH),
          Option.single("--file-root", "DIR", 4, "With --env-file: read $__file{path} below this directory (absolute"
              + " paths are re-rooted here).").converted(Conversion.PATH),
          Option.flag("--fix", 5, "First apply the fixes promshift fix makes, in place (a line per rewritten file"
              + " on stderr), then validate and report what is left.")),
          ConfigFileOptions.OPTIONS, ConfigOptions.OPTIONS, CommonOptions.OPTIONS),
      CommonOptions.PATHS);

  private final Invocation invocation;
  private final List<Path> paths;
  private final String format;
  private final String failOn;
  private final String show;
  private final Path envFile;
  private final Path fileRoot;
  private final boolean fix;
  private final CommonOptions common;
  private final ConfigFileOptions configFile;
  private final ConfigOptions configOptions;

  ValidateCommand(Invocation invocation) {
    Arguments args = invocation.args();
    this.invocation = invocation;
    this.paths = args.paths();
    this.format = args.value("--format");
    this.failOn = args.value("--fail-on");
    this.show = args.value("--show");
    this.envFile = args.value("--env-file");
    this.fileRoot = args.value("--file-root");
    this.fix = args.flag("--fix");
    this.common = new CommonOptions(invocation);
    this.configFile = new ConfigFileOptions(args);
    this.configOptions = new ConfigOptions(args);
  }

  @Override
  public Integer call() {
    FindingsReport.Format reportFormat = FindingsReport.Format.parse(format); // the model allows no other word
    PromshiftSettings.Builder settings = PromshiftSettings.builder();
    Optional<ProjectConfig> project = configFile.config(paths);
    List<String> notes = configOptions.apply(project, settings); // the configuration first: the options override it
    if (project.isEmpty() || invocation.args().given("--fail-on")) {
      settings.failOn(failOn); // error, warning or info: the model allows no other word
    }
    Show shown = show(reportFormat);
    common.settings(settings);
    if (fileRoot != null && envFile == null) {
      throw new UsageException("--file-root needs --env-file (placeholders are expanded only with an environment)");
    }
    if (envFile != null) {
      try {
        settings.environment(EnvFile.read(envFile)).fileRoot(fileRoot);
      } catch (IOException | IllegalArgumentException e) {
        throw new UsageException("--env-file: cannot read " + envFile + ": " + e.getMessage());
      }
    }
    boolean stdin = common.readsStandardInput(paths);
    if (stdin && fix) {
      throw new UsageException("--fix rewrites files; with - (standard input) run promshift fix --write -, which"
          + " prints the fixed file, and validate that");
    }
    FileSet files = stdin ? null : common.fileSet(paths, project);
    notes.forEach(note -> invocation.err().println("note: " + note));
    Promshift promshift = Promshift.create(settings.build());
    ValidationRun run;
    boolean fixRefused = false;
    try (Ui ui = new Ui(invocation.out(), invocation.err(), invocation.terminal(), common)) {
      if (fix) {
        fixRefused = fix(promshift, files, ui);
      }
      java.util.function.Consumer<io.promshift.report.FileOutcome> skipped = outcome -> {
        if (outcome.verdict() == Verdict.SKIPPED) {
          outcome.messages().forEach(ui::message);
        }
      };
      if (stdin) {
        run = promshift.validate(common.stdinName(), common.standardInput(promshift.settings().read().maxFileSize()));
        run.run().files().forEach(skipped);
      } else {
        // a folder that cannot be listed is a finding of the report
        run = promshift.validate(files, ui.listener("validate", skipped, false));
      }
      ui.close();
      if (run.run().empty()) { // a mistyped PATH or glob must not pass as "no findings"
        ui.error(files.nothingFound());
        return 2;
      }
      if (ui.verbose()) {
        ValidationText.perFile(run).forEach(ui::detail);
      }
      // --quiet: in text, the error findings alone and no summary; JSON and SARIF stay whole, they are files
      boolean quietText = common.quiet && reportFormat == FindingsReport.Format.TEXT;
      PrintWriter out = invocation.out();
      try {
        if (quietText) {
          FindingsReport.textFindingsOnly().write(run.errors(), run.checked(), out);
        } else {
          FindingsReport.of(reportFormat).write(run, shown, out);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      out.flush();
    }
    if (run.anyUnreadable() || fixRefused) {
      return 2;
    }
    return run.failed() ? 1 : 0;
  }

  /**
   * {@code --fix}: the fixes {@code promshift fix --write} makes, with the same settings as the validation that
   * follows (so it fixes the findings that validation would report), a line per rewritten file and the summary on
   * standard error, so that standard output stays the report. What the validation reports again (a file that cannot
   * be read, one that is not a provisioning file) is left to it; what only the fix knows (a finding it leaves, a file
   * it refused or could not write) is said here.
   *
   * @return whether a file could not be fixed safely or written
   */
  private static boolean fix(Promshift promshift, FileSet files, Ui ui) {
    Run fixed = promshift.fix(files, WriteMode.inPlace(), false, ui.listener("fix", outcome -> {
      outcome.rewriteMessages().forEach(ui::message);
      if (outcome.verdict() == Verdict.CHANGED) { // with --verbose each fix below its file
        ui.info(MigrationText.fixDetail(outcome, "rewritten") + (ui.verbose() ? MigrationText.fixes(outcome) : ""));
      }
    }, false));
    if (!fixed.empty()) {
      ui.summaryErr(MigrationText.fixSummary(fixed, "rewritten", ""));
    }
    return fixed.files().stream().anyMatch(FileOutcome::rewriteRefused);
  }

  /** What is printed: {@code --show} as given (a word the model accepts), for every format; else the format's own. */
  private Show show(FindingsReport.Format format) {
    return show == null ? Show.defaultFor(format) : Show.parse(show);
  }
}
