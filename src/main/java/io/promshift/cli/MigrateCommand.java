package io.promshift.cli;

import io.promshift.MigrationTarget;
import io.promshift.cli.CommandModel.Conversion;
import io.promshift.cli.CommandModel.Option;
import io.promshift.Promshift;
import io.promshift.PromshiftSettings;
import io.promshift.io.FileSet;
import io.promshift.io.WriteMode;
import io.promshift.report.FileOutcome;
import io.promshift.report.MigrationText;
import io.promshift.report.Run;
import io.promshift.report.RunReport;
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
          Option.flag("--keep-marker", 6, "On revert, set prometheus-type-migration to false (as Grafana's rollback"
              + " script does) instead of removing it."),
          Option.flag("--all", 7, "On revert, also move plugin-type sources that have no migration marker.")),
          RewriteOptions.MODES, RewriteOptions.outputs("changes"),
          ConfigFileOptions.OPTIONS, CommonOptions.OPTIONS),
      CommonOptions.PATHS);

  private final MigrationTarget to;
  private final boolean keepMarker;
  private final boolean all;
  private final RewriteOptions rewrite;
  private final CommonOptions common;
  private final ConfigFileOptions configFile;

  MigrateCommand(Invocation invocation) {
    Arguments args = invocation.args();
    this.to = args.value("--to");
    this.keepMarker = args.flag("--keep-marker");
    this.all = args.flag("--all");
    this.rewrite = new RewriteOptions(invocation);
    this.common = new CommonOptions(invocation);
    this.configFile = new ConfigFileOptions(args);
  }

  @Override
  public Integer call() {
    return rewrite.run(new RewriteOptions.Operation() {
      @Override
      public String name() {
        return "migrate";
      }

      @Override
      public PromshiftSettings settings(PromshiftSettings.Builder configured, boolean rewriteBase64) {
        return configured.target(to).keepMarker(keepMarker).revertUnmarked(all).rewriteBase64(rewriteBase64).build();
      }

      @Override
      public Run files(Promshift promshift, FileSet files, WriteMode mode, boolean diffs, Path patch,
          RunListener listener) throws IOException {
        return patch == null ? promshift.migrate(files, mode, diffs, listener)
            : promshift.migrate(files, mode, diffs, patch, listener);
      }

      @Override
      public Promshift.Migrated one(Promshift promshift, String name, byte[] bytes, boolean diffs) {
        return promshift.migrate(name, bytes, diffs);
      }

      @Override
      public String json(Run run) {
        return RunReport.migrationJson(run, to.describe());
      }

      @Override
      public String summary(Run run, String verb, String where) {
        return MigrationText.summary(run, verb, where, to.describe());
      }

      @Override
      public String detail(FileOutcome outcome, String verb) {
        // with each change below its file: which data source, and inside an embedded unit where it is in the file
        return MigrationText.detail(outcome, verb) + MigrationText.changes(outcome);
      }
    }, common, configFile);
  }
}
