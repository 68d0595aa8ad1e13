package io.promshift.cli;

import io.promshift.Promshift;
import io.promshift.io.FileSet;
import io.promshift.model.DataSource;
import io.promshift.model.PromTypeMigration;
import io.promshift.model.ProvisioningFile;
import io.promshift.text.Position;
import io.promshift.text.SourceException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Lists every data source with its place, type, and what Grafana's type migration does with it. */
@Command(name = "status", description = "List each data source with file:line, type, and whether Grafana would migrate it.")
final class StatusCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Provisioning files or directories (searched for *.yaml, *.yml).")
  List<Path> paths;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Promshift promshift = Promshift.create();
    int files = 0;
    int sources = 0;
    int toAmazon = 0;
    int toAzure = 0;
    int migrated = 0;
    int unreadable = 0;
    for (Path path : new FileSet(paths).files()) {
      files++;
      ProvisioningFile file;
      try {
        file = promshift.read(path);
      } catch (SourceException e) {
        unreadable++;
        out.println(e.file() + ":" + e.position() + ": error: " + e.problem());
        continue;
      }
      if (!file.isDataSourceProvisioning()) {
        out.println(path + ": not a data source provisioning file");
        continue;
      }
      for (DataSource source : file.dataSources()) {
        sources++;
        Position at = file.position(source.node());
        String type = source.type().orElse("(no type)");
        PromTypeMigration.Reason reason = PromTypeMigration.decide(source);
        String verdict;
        if (reason == PromTypeMigration.Reason.AZURE_CREDENTIALS) {
          toAzure++;
          verdict = "Grafana migrates it to " + PromTypeMigration.AZURE + " (jsonData.azureCredentials is set)";
        } else if (reason == PromTypeMigration.Reason.SIGV4_AUTH) {
          toAmazon++;
          verdict = "Grafana migrates it to " + PromTypeMigration.AMAZON + " (jsonData.sigV4Auth is true)";
        } else if (PromTypeMigration.isMarked(source.jsonData())) {
          migrated++;
          verdict = "already migrated (" + PromTypeMigration.MARKER + ": true)";
        } else {
          verdict = "not migrated";
        }
        out.println(path + ":" + at + ": " + type + " " + source.label() + ": " + verdict);
      }
    }
    out.println(files + " files, " + sources + " data sources: " + toAmazon + " to migrate to Amazon, "
        + toAzure + " to Azure, " + migrated + " already migrated; " + unreadable + " files unreadable");
    return 0;
  }
}
