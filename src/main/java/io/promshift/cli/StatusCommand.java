package io.promshift.cli;

import io.promshift.Promshift;
import io.promshift.io.Batch;
import io.promshift.io.FileSet;
import io.promshift.model.DataSource;
import io.promshift.model.MigrationState;
import io.promshift.model.PromTypeMigration;
import io.promshift.model.ProvisioningFile;
import io.promshift.text.SourceException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Every data source, grouped by file, with the state Grafana's config page shows for it; then totals. */
@Command(
    name = "status",
    sortOptions = false,
    description = {
        "List every data source, grouped by file, with its migration state as Grafana's",
        "config page shows it; then the totals. Per data source: line, name, type, and",
        "  migrated          plugin type with the marker: \"Data source migrated\" banner",
        "  pending           core prometheus with SigV4 or Azure auth: the \"Deprecation",
        "                    Notice\"; Grafana's migration moves it to the plugin type",
        "  will not migrate  the notice shows, but the migration skips it (sigV4Auth is",
        "                    \"true\", yes, a number or a placeholder): says why",
        "  nothing to do     anything else (--verbose says why)",
        "YAML files that do not provision data sources are skipped with a note."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:nothing to report: every file was read",
        "2:usage error, or at least one file could not be read (named path:line:col on stderr; every other"
            + " file is still reported)"})
final class StatusCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "PATH",
      description = "Provisioning files or directories (searched recursively for *.yaml, *.yml).")
  List<Path> paths;

  @Mixin
  CommonOptions common;

  @Spec
  CommandSpec spec;

  @ParentCommand
  PromshiftCli root;

  /** One data source as a row of the report. */
  private record Row(String line, String name, String type, MigrationState state) {}

  /** What reading one file gave: rows, or a skip, or an error. */
  private record Inspected(FileSet.Found found, List<Row> rows, boolean skipped, SourceException error) {}

  /** The counts behind the totals line; touched by the printing thread only. */
  private static final class Totals {
    int files;
    int sources;
    int toAzure;
    int skipped;
    int unreadable;
    final Map<MigrationState.State, Integer> states = new EnumMap<>(MigrationState.State.class);

    int count(MigrationState.State state) {
      return states.getOrDefault(state, 0);
    }

    @Override
    public String toString() {
      int pending = count(MigrationState.State.PENDING);
      return Text.count(files, "file", "files") + ", " + Text.count(sources, "data source", "data sources") + ": "
          + pending + " pending" + (pending == 0 ? "" : " (" + (pending - toAzure) + " to Amazon, " + toAzure + " to Azure)")
          + ", " + count(MigrationState.State.WILL_NOT_MIGRATE) + " will not migrate, "
          + count(MigrationState.State.MIGRATED) + " migrated, " + count(MigrationState.State.NOTHING_TO_DO)
          + " nothing to do; " + skipped + " skipped, " + unreadable + " unreadable";
    }
  }

  @Override
  public Integer call() {
    FileSet fileSet = common.fileSet(paths);
    Promshift promshift = Promshift.create();
    Totals totals = new Totals();
    try (Ui ui = new Ui(spec.commandLine().getOut(), spec.commandLine().getErr(), root.terminal(), common)) {
      FileSet.Scan scan = fileSet.scan();
      for (FileSet.Problem problem : scan.problems()) {
        totals.unreadable++;
        ui.error(problem.path().toString(), problem.message());
      }
      ui.startProgress("status", scan.files().size());
      Batch.forEachOrdered(scan.files(), common.jobs, found -> {
        Inspected inspected = inspect(promshift, found);
        ui.tick();
        return inspected;
      }, inspected -> {
        totals.files++;
        if (inspected.error() != null) {
          totals.unreadable++;
          SourceException e = inspected.error();
          ui.error(e.file() + ":" + e.position(), e.problem());
        } else if (inspected.skipped()) {
          totals.skipped++;
          ui.note(inspected.found().file().toString(), "not a data source provisioning file (no datasources or"
              + " deleteDatasources); skipped");
        } else {
          for (Row row : inspected.rows()) {
            totals.sources++;
            totals.states.merge(row.state().state(), 1, Integer::sum);
            if (row.state().targetType().filter(PromTypeMigration.AZURE::equals).isPresent()) {
              totals.toAzure++;
            }
          }
          ui.report(render(inspected, ui.outStyle(), ui.verbose()));
        }
      });
      ui.close();
      ui.report(totals + "\n");
    }
    return totals.unreadable > 0 ? 2 : 0;
  }

  private static Inspected inspect(Promshift promshift, FileSet.Found found) {
    ProvisioningFile file;
    try {
      file = promshift.read(found.file());
    } catch (SourceException e) {
      return new Inspected(found, List.of(), false, e);
    }
    if (!file.isDataSourceProvisioning()) {
      return new Inspected(found, List.of(), true, null);
    }
    List<Row> rows = new ArrayList<>();
    for (DataSource source : file.dataSources()) {
      String name = source.name().filter(n -> !n.isBlank()).orElse("datasources[" + source.index() + "]");
      rows.add(new Row(String.valueOf(file.position(source.node()).line()), Text.clean(name),
          Text.clean(source.type().orElse("(no type)")), MigrationState.of(source)));
    }
    return new Inspected(found, rows, false, null);
  }

  private static String render(Inspected inspected, Style style, boolean verbose) {
    StringBuilder out = new StringBuilder();
    out.append(style.bold(inspected.found().file().toString())).append('\n');
    if (inspected.rows().isEmpty()) {
      out.append("  (no data sources)\n\n");
      return out.toString();
    }
    int lineWidth = 0;
    int nameWidth = 0;
    int typeWidth = 0;
    for (Row row : inspected.rows()) {
      lineWidth = Math.max(lineWidth, row.line().length());
      nameWidth = Math.max(nameWidth, Text.width(row.name()));
      typeWidth = Math.max(typeWidth, Text.width(row.type()));
    }
    for (Row row : inspected.rows()) {
      out.append("  ").append(Text.padLeft(row.line(), lineWidth)).append("  ")
          .append(Text.padRight(row.name(), nameWidth)).append("  ")
          .append(Text.padRight(row.type(), typeWidth)).append("  ")
          .append(state(row.state(), style, verbose)).append('\n');
    }
    return out.append('\n').toString();
  }

  private static String state(MigrationState state, Style style, boolean verbose) {
    switch (state.state()) {
      case MIGRATED:
        return style.green("migrated") + " (" + Text.clean(state.reason()) + ")";
      case PENDING:
        return style.yellow("pending") + ": Grafana moves it to " + state.targetType().orElseThrow()
            + " (" + state.reason() + ")";
      case WILL_NOT_MIGRATE:
        return style.red("will not migrate") + ": " + Text.clean(state.reason());
      default:
        return verbose ? style.dim("nothing to do") + " (" + state.reason() + ")" : style.dim("nothing to do");
    }
  }
}
