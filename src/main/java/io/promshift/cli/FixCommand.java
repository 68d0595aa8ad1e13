package io.promshift.cli;

import io.promshift.Promshift;
import io.promshift.PromshiftSettings;
import io.promshift.RunListener;
import io.promshift.cli.CommandModel.Option;
import io.promshift.io.FileSet;
import io.promshift.io.WriteMode;
import io.promshift.report.FileOutcome;
import io.promshift.report.MigrationText;
import io.promshift.report.Run;
import io.promshift.report.RunReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Resolves the fixable findings of a validation in whole provisioning trees, byte for byte; a dry run (a diff) unless
 * told to write. The same runs, writes and output as {@code migrate} ({@link RewriteOptions}).
 */
final class FixCommand implements Callable<Integer> {
  static final CommandModel MODEL = new CommandModel("fix",
      "Fix the findings Grafana would misread (sigV4Auth: yes), byte for byte.",
      List.of("Apply the exact repair of each fixable finding of validate: a YAML 1.1 or quoted boolean where Grafana"
              + " or the AMP plugin reads a boolean (sigV4Auth: yes becomes true), an unprefixed SigV4 key the signer"
              + " ignores (assumeRoleArn becomes sigV4AssumeRoleArn), apiVersion: \"1\", httpMethod: post, an AMP URL"
              + " ending in /api/v1, a number or boolean written as a string. Every other byte of each file stays as"
              + " it was, and each fix is checked by reading the file back as Grafana would.",
          "A finding whose fix would be a guess stays, and one whose fix would change other data too (a shared"
              + " anchor) stays with a note; validate reports both.",
          "Without --check, --write or --out this is a dry run: the unified diff (secrets masked) on stdout, a summary"
              + " on stderr; nothing is written."),
      CommandModel.ExitCode.of(
          "0:nothing to report",
          "1:--check: at least one file would change",
          "2:usage error (an unknown --rule too), no YAML file found, or at least one file could not be fixed safely"
              + " (named path:line:col on stderr; everything else still is)"),
      CommandModel.options(List.of(
          Option.repeated("--rule", "RULE", 1, "Fix only the findings of this rule (repeatable; default: every"
              + " fixable rule: " + String.join(", ", PromshiftSettings.fixableRules()) + ").")),
          RewriteOptions.MODES, RewriteOptions.outputs("fixes"),
          ConfigFileOptions.OPTIONS, CommonOptions.OPTIONS),
      CommonOptions.PATHS);

  private final List<String> rules;
  private final RewriteOptions rewrite;
  private final CommonOptions common;
  private final ConfigFileOptions configFile;

  FixCommand(Invocation invocation) {
    Arguments args = invocation.args();
    this.rules = args.values("--rule");
    this.rewrite = new RewriteOptions(invocation);
    this.common = new CommonOptions(invocation);
    this.configFile = new ConfigFileOptions(args);
  }

  @Override
  public Integer call() {
    return rewrite.run(new RewriteOptions.Operation() {
      @Override
      public String name() {
        return "fix";
      }

      @Override
      public PromshiftSettings settings(PromshiftSettings.Builder configured, boolean rewriteBase64) {
        try {
          configured.fixRules(rules);
        } catch (IllegalArgumentException e) { // names what was meant, or lists the fixable rules
          throw new UsageException("--rule: " + e.getMessage());
        }
        return configured.rewriteBase64(rewriteBase64).build();
      }

      @Override
      public Run files(Promshift promshift, FileSet files, WriteMode mode, boolean diffs, Path patch,
          RunListener listener) throws IOException {
        return patch == null ? promshift.fix(files, mode, diffs, listener)
            : promshift.fix(files, mode, diffs, patch, null, listener);
      }

      @Override
      public Promshift.Migrated one(Promshift promshift, String name, byte[] bytes, boolean diffs) {
        return promshift.fix(name, bytes, diffs);
      }

      @Override
      public String json(Run run) {
        return RunReport.fixJson(run);
      }

      @Override
      public String summary(Run run, String verb, String where) {
        return MigrationText.fixSummary(run, verb, where);
      }

      @Override
      public String detail(FileOutcome outcome, String verb) {
        // each fix below its file, in compiler style: an editor jumps to where it was
        return MigrationText.fixDetail(outcome, verb) + MigrationText.fixes(outcome);
      }
    }, common, configFile);
  }
}
