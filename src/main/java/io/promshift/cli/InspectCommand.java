package io.promshift.cli;

import io.promshift.Promshift;
import io.promshift.cli.CommandModel.Conversion;
import io.promshift.cli.CommandModel.Option;
import io.promshift.PromshiftSettings;
import io.promshift.RunListener;
import io.promshift.io.FileSet;
import io.promshift.report.InspectReport;
import io.promshift.report.InspectedFile;
import io.promshift.report.Message;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** What Grafana stores for each data source of a file, in the types Grafana gives each value. */
final class InspectCommand implements Callable<Integer> {
  static final CommandModel MODEL = new CommandModel("inspect",
      "Show what Grafana stores for each data source, after its own conversions.",
      List.of("Show what Grafana stores for each data source: its fields as Grafana reads",
        "them (go-yaml v3, then Grafana's own conversions), jsonData in go-yaml v3's",
        "types (string, int, float, bool, null, timestamps as RFC 3339 text), secrets",
        "masked. Per file: \"grafana: reads\", or \"refuses\" with the position and why",
        "(a YAML error, or a value Grafana cannot convert, such as isDefault: yes).",
        "A typed field that holds a placeholder ($VAR) is shown as written: Grafana",
        "converts it after interpolation. Embedded data sources (Helm values, operator",
        "resources) are shown with their YAML path and shape."),
      CommandModel.ExitCode.of(
          "0:every file was read (what Grafana does with it is in the report)",
          "2:usage error, no YAML file found, or at least one file could not be read (named path:line:col on stderr;"
              + " every other file is still reported)"),
      CommandModel.options(List.of(
          Option.single("--format", "FORMAT", 1, "yaml (default) or json: one document with every file and its data"
              + " sources.").withDefault("yaml").converted(Conversion.words(List.of("yaml", "yml", "json"),
              "yaml or json"))),
          CommonOptions.OPTIONS),
      CommonOptions.PATHS);

  private final Invocation invocation;
  private final List<Path> paths;
  private final String format;
  private final CommonOptions common;

  InspectCommand(Invocation invocation) {
    this.invocation = invocation;
    this.paths = invocation.args().paths();
    this.format = invocation.args().value("--format");
    this.common = new CommonOptions(invocation);
  }

  @Override
  public Integer call() {
    boolean json = format.equals("json"); // or yaml (yml): the model allows no other word
    Promshift promshift = Promshift.create(common.settings(PromshiftSettings.builder()).build());
    List<InspectedFile> files;
    try (Ui ui = new Ui(invocation.out(), invocation.err(), invocation.terminal(), common)) {
      RunListener progress = ui.listener("inspect", outcome -> { });
      FileSet fileSet = common.readsStandardInput(paths) ? null : common.fileSet(paths);
      files = fileSet == null
          ? List.of(promshift.inspect(common.stdinName(), common.standardInput(promshift.settings().read().maxFileSize())))
          : promshift.inspect(fileSet, progress);
      if (files.isEmpty()) { // a mistyped PATH or glob must not pass as an empty report
        ui.error(fileSet.nothingFound());
        return 2;
      }
      files.forEach(file -> file.problems().forEach(problem -> ui.message(Message.of(problem))));
      ui.close();
      ui.document(json ? InspectReport.json(files) : InspectReport.yaml(files));
    }
    return files.stream().anyMatch(file -> file.refusal() != null) ? 2 : 0;
  }
}
