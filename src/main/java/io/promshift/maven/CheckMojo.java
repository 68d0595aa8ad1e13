package io.promshift.maven;

import io.promshift.MigrationTarget;
import io.promshift.io.WriteMode;
import io.promshift.report.FileOutcome;
import io.promshift.report.MigrationText;
import io.promshift.report.Run;
import io.promshift.report.Verdict;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Fails the build when the migration in the configured direction ({@code to}) would change a provisioning file,
 * and prints the unified diff of each such file (up to 50 lines, the rest counted), secrets masked, like
 * {@code spotless:check}; the failure message ends with the command that fixes them. Writes nothing to the files
 * ({@code patchFile} aside); {@code promshift:apply} makes the change.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractMigrationMojo {

  /** The most lines of a file's diff the log shows (Spotless's check shows as many); the rest are counted. */
  static final int MAX_DIFF_LINES = 50;

  /**
   * Also writes every pending change as one patch to this file, which {@code git apply} and {@code patch -p1} apply
   * from the project's base directory (files named relative to it). It holds the files' secrets in clear, as the
   * files do (the log's diff masks them), so it is created readable by its owner alone (mode 0600); an existing
   * file is replaced, and a clean build leaves it empty. Unset: no patch.
   */
  @Parameter(property = "promshift.patchFile")
  private File patchFile;

  /** Skips this goal alone ({@code promshift.skip} skips every promshift goal). */
  @Parameter(property = "promshift.check.skip", defaultValue = "false")
  private boolean skipCheck;

  @Override
  boolean skipGoal() {
    return skipCheck;
  }

  @Override
  String goal() {
    return "check";
  }

  @Override
  WriteMode writeMode() {
    return WriteMode.none();
  }

  @Override
  boolean wantsDiffs() {
    return true;
  }

  @Override
  void migrated(Run run, MigrationTarget target) throws MojoExecutionException, MojoFailureException {
    List<String> pending = new ArrayList<>();
    for (FileOutcome outcome : run.files()) {
      if (outcome.verdict() != Verdict.CHANGED) {
        continue;
      }
      String sources = plural(outcome.changes().size(), "data source");
      pending.add(shownName(outcome.file()) + " (" + sources + ")");
      // one log call per file: a diff stays in one piece in a parallel build's output
      getLog().error(logName(outcome.file()) + ": the migration to " + target.describe() + " would change "
          + sources + ":\n" + capped(MigrationText.relabelled(outcome.diff(), shownName(outcome.file())).stripTrailing(),
          MAX_DIFF_LINES));
    }
    getLog().info("promshift:check: " + MigrationText.summary(run, "would change", "", target.describe()));
    if (patchFile != null && !pending.isEmpty()) {
      // a patch that applies carries the files' secrets, unmasked: said below the diffs, where the log is read (the
      // empty patch of a clean build holds nothing to warn about)
      getLog().warn(MigrationText.patchWarning(patchFile()));
    }
    if (!pending.isEmpty()) {
      // the fix command last, as Spotless's check ends: Maven prints this message at the end of the build log
      throw new MojoFailureException(plural(pending.size(), "provisioning file") + " would change in a migration to "
          + target.describe() + ":\n    " + String.join("\n    ", pending)
          + "\nRun '" + APPLY_COMMAND + toProperty() + "' to rewrite them.");
    }
  }

  @Override
  Path patchFile() throws MojoExecutionException {
    return patchFile == null ? null : patchPath(patchFile);
  }

  /** The text's first {@code max} lines, and {@code ... N more lines} for the rest; the whole text when it fits. */
  static String capped(String text, int max) {
    String[] lines = text.split("\n", -1);
    if (lines.length <= max) {
      return text;
    }
    int more = lines.length - max;
    return String.join("\n", java.util.Arrays.asList(lines).subList(0, max)) + "\n... " + more
        + (more == 1 ? " more line" : " more lines");
  }
}
