package io.promshift.cli;

import io.promshift.Promshift;
import io.promshift.PromshiftSettings;
import io.promshift.RunListener;
import io.promshift.io.FileSet;
import io.promshift.report.InspectReport;
import io.promshift.report.InspectedFile;
import io.promshift.report.Message;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** What Grafana stores for each data source of a file, in the types Grafana gives each value. */
@Command(
    name = "inspect",
    sortOptions = false,
    header = "Show what Grafana stores for each data source, after its own conversions.",
    description = {
        "Show what Grafana stores for each data source: its fields as Grafana reads",
        "them (go-yaml v3, then Grafana's own conversions), jsonData in go-yaml v3's",
        "types (string, int, float, bool, null, timestamps as RFC 3339 text), secrets",
        "masked. Per file: \"grafana: reads\", or \"refuses\" with the position and why",
        "(a YAML error, or a value Grafana cannot convert, such as isDefault: yes).",
        "A typed field that holds a placeholder ($VAR) is shown as written: Grafana",
        "converts it after interpolation. Embedded data sources (Helm values, operator",
        "resources) are shown with their YAML path and shape."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:every file was read (what Grafana does with it is in the report)",
        "2:usage error, no YAML file found, or at least one file could not be read (named path:line:col on stderr; every other"
            + " file is still reported)"})
final class InspectCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "PATH",
      description = "Provisioning files or directories (searched recursively for *.yaml, *.yml); - reads one file"
          + " from standard input.")
  List<Path> paths;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "yaml", order = 1,
      description = "yaml (default) or json: one document with every file and its data sources.")
  String format;

  @Mixin
  CommonOptions common;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    boolean json = switch (format.trim().toLowerCase(Locale.ROOT)) {
      case "yaml", "yml" -> false;
      case "json" -> true;
      default -> throw new ParameterException(spec.commandLine(), "--format: unknown value '" + format
          + "'; use yaml or json");
    };
    Promshift promshift = Promshift.create(common.settings(PromshiftSettings.builder()).build());
    List<InspectedFile> files;
    try (Ui ui = new Ui(spec.commandLine().getOut(), spec.commandLine().getErr(),
        ((PromshiftCli) spec.root().userObject()).terminal(), common)) {
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
