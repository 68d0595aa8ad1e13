package io.promshift.cli;

import io.promshift.Promshift;
import io.promshift.cli.CommandModel.Conversion;
import io.promshift.cli.CommandModel.Option;
import io.promshift.io.FileSet;
import io.promshift.report.Run;
import io.promshift.report.RunReport;
import io.promshift.report.StatusText;
import io.promshift.report.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** Every data source, grouped by file, with the state Grafana's config page shows for it; then totals. */
final class StatusCommand implements Callable<Integer> {
  static final CommandModel MODEL = new CommandModel("status",
      "List every data source with its migration state, as Grafana shows it.",
      List.of("List every data source, grouped by file, with its migration state as Grafana's",
        "config page shows it; then the totals. Per data source: line, name, type, and",
        "  migrated          plugin type with the marker: \"Data source migrated\" banner",
        "  pending           core prometheus with SigV4 or Azure auth: the \"Deprecation",
        "                    Notice\"; Grafana's migration moves it to the plugin type",
        "  will not migrate  the notice shows, but the migration skips it (sigV4Auth is",
        "                    \"true\", yes, a number or a placeholder): says why",
        "  fixed type        Grafana would move it, but a chart template writes its type",
        "                    (kube-prometheus-stack's default data source): says why",
        "  nothing to do     anything else (--verbose says why)",
        "A data source embedded in another file (Helm values, a grafana-operator",
        "resource, Ansible variables) is placed by line:column, with a second line: its",
        "YAML path, its shape, and how it reaches Grafana (its delivery class), which",
        "decides how soon a type left as prometheus comes back after Grafana's migration.",
        "YAML files that do not provision data sources are skipped with a note."),
      CommandModel.ExitCode.of(
          "0:nothing to report: every file was read",
          "2:usage error, no YAML file found, or at least one file could not be read (named path:line:col on stderr;"
              + " every other file is still reported)"),
      CommandModel.options(List.of(
          Option.single("--format", "FORMAT", 1, "text (default: a table per file, then totals) or json (one document:"
              + " every file, its data sources with line, column, YAML path, shape, name, type, state, reason and"
              + " delivery, its diagnostics; then totals).")
              .withDefault("text").converted(Conversion.words(List.of("text", "json"), "text or json"))),
          ConfigFileOptions.OPTIONS, CommonOptions.OPTIONS),
      CommonOptions.PATHS);

  private final Invocation invocation;
  private final List<Path> paths;
  private final String format;
  private final CommonOptions common;
  private final ConfigFileOptions configFile;

  StatusCommand(Invocation invocation) {
    this.invocation = invocation;
    this.paths = invocation.args().paths();
    this.format = invocation.args().value("--format");
    this.common = new CommonOptions(invocation);
    this.configFile = new ConfigFileOptions(invocation.args());
  }

  @Override
  public Integer call() {
    boolean json = format.equals("json"); // or text: the model allows no other word
    java.util.Optional<io.promshift.config.ProjectConfig> project = configFile.config(paths);
    Promshift promshift = Promshift.create(common.settings(ConfigFileOptions.configured(project)).build());
    boolean stdin = common.readsStandardInput(paths);
    FileSet files = stdin ? null : common.fileSet(paths, project);
    Run run;
    try (Ui ui = new Ui(invocation.out(), invocation.err(), invocation.terminal(), common)) {
      java.util.function.Consumer<io.promshift.report.FileOutcome> print = outcome -> {
        if (outcome.verdict() == Verdict.FAILED || outcome.verdict() == Verdict.SKIPPED) {
          outcome.messages().forEach(ui::message);
        } else if (!json) {
          // a file that reads may still hold a place that does not (a templated string): said as for a failed file
          outcome.messages().forEach(ui::message);
          ui.report(StatusText.file(outcome, ui.outStyle(), ui.verbose()));
        }
      };
      if (stdin) {
        run = promshift.status(common.stdinName(), common.standardInput(promshift.settings().read().maxFileSize()));
        run.files().forEach(print);
      } else {
        run = promshift.status(files, ui.listener("status", print));
      }
      ui.close();
      if (run.empty()) { // a mistyped PATH or glob must not pass as "nothing to migrate"
        ui.error(files.nothingFound());
        return 2;
      }
      if (json) {
        ui.document(RunReport.statusJson(run));
      } else {
        ui.report(StatusText.totals(run) + "\n");
      }
    }
    return run.anyFailed() ? 2 : 0;
  }
}
