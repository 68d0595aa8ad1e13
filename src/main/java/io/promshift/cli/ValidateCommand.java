package io.promshift.cli;

import io.promshift.Promshift;
import io.promshift.PromshiftSettings;
import io.promshift.config.ProjectConfig;
import io.promshift.io.EnvFile;
import io.promshift.io.FileSet;
import io.promshift.report.FindingsReport;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Validates provisioning files: findings at file:line:col in text, JSON or SARIF; exit 1 or 2 on problems. */
@Command(name = "validate",
    sortOptions = false,
    header = "Check provisioning files as Grafana reads them: schema and Grafana's rules.",
    description = {"The JSON Schema first, then Grafana's own"
        + " rules (startup refusals, SigV4, URLs, secrets, migration state); the cross-file rules among the files of"
        + " each directory, as Grafana reads one directory as one set.",
        "Findings go to stdout; notes, errors that stop a file being read too, and progress to stderr."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:no finding at --fail-on or above",
        "1:a finding reached --fail-on (default: error)",
        "2:usage error, no YAML file found, or at least one file could not be read (it is a finding too; every other file is still"
            + " validated)"})
final class ValidateCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "PATH",
      description = "Provisioning files or directories (searched recursively for *.yaml, *.yml); - reads one file"
          + " from standard input.")
  List<Path> paths;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", order = 1,
      description = "text (default), json, sarif, or github (GitHub Actions workflow commands: annotations).")
  String format;

  @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "error", order = 2,
      description = "Exit 1 when a finding is at least this severe: error (default, or the configuration's"
          + " fail-on), warning or info.")
  String failOn;

  @Option(names = "--show", paramLabel = "SEVERITY", order = 2,
      description = "Print findings at least this severe: error, warning (default for text and github) or info"
          + " (default for json and sarif). A finding at --fail-on or above is always printed.")
  String show;

  @Option(names = "--env-file", paramLabel = "FILE", order = 3,
      description = "Expand placeholders from this NAME=value file as Grafana would, then validate the expanded values.")
  Path envFile;

  @Option(names = "--file-root", paramLabel = "DIR", order = 4,
      description = "With --env-file: read $__file{path} below this directory (absolute paths are re-rooted here).")
  Path fileRoot;

  @Mixin
  CommonOptions common;

  @Mixin
  ConfigFileOptions configFile;

  @Mixin
  ConfigOptions configOptions;

  @Spec
  CommandSpec spec;

  @ParentCommand
  PromshiftCli root;

  @Override
  public Integer call() {
    FindingsReport.Format reportFormat = parse(() -> FindingsReport.Format.parse(format), "--format", format,
        "text, json, sarif or github");
    PromshiftSettings.Builder settings = PromshiftSettings.builder();
    Optional<ProjectConfig> project = configFile.config(paths);
    List<String> notes = configOptions.apply(project, settings); // the configuration first: the options override it
    if (project.isEmpty() || spec.commandLine().getParseResult().hasMatchedOption("--fail-on")) {
      parse(() -> settings.failOn(failOn), "--fail-on", failOn, "error, warning or info");
    }
    Show shown = show(reportFormat);
    common.settings(settings);
    if (fileRoot != null && envFile == null) {
      throw new ParameterException(spec.commandLine(), "--file-root needs --env-file (placeholders are expanded only with an environment)");
    }
    if (envFile != null) {
      try {
        settings.environment(EnvFile.read(envFile)).fileRoot(fileRoot);
      } catch (IOException | IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--env-file: cannot read " + envFile + ": " + e.getMessage());
      }
    }
    boolean stdin = common.readsStandardInput(paths);
    FileSet files = stdin ? null : common.fileSet(paths, project);
    notes.forEach(note -> spec.commandLine().getErr().println("note: " + note));
    Promshift promshift = Promshift.create(settings.build());
    ValidationRun run;
    try (Ui ui = new Ui(spec.commandLine().getOut(), spec.commandLine().getErr(), root.terminal(), common)) {
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
      PrintWriter out = spec.commandLine().getOut();
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
    if (run.anyUnreadable()) {
      return 2;
    }
    return run.failed() ? 1 : 0;
  }

  /** What is printed: {@code --show} as given, for every format; else the format's own default. */
  private Show show(FindingsReport.Format format) {
    if (show == null) {
      return Show.defaultFor(format);
    }
    try {
      return Show.parse(show);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--show: unknown value '" + show
          + "'; use error, warning or info");
    }
  }

  private <T> T parse(java.util.function.Supplier<T> parser, String option, String value, String values) {
    try {
      return parser.get();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), option + ": unknown value '" + value + "'; use " + values);
    }
  }
}
