package io.promshift.maven;

import io.promshift.Promshift;
import io.promshift.PromshiftSettings;
import io.promshift.RunListener;
import io.promshift.io.FileSet;
import io.promshift.io.WriteMode;
import io.promshift.report.FileOutcome;
import io.promshift.report.MigrationText;
import io.promshift.report.Run;
import io.promshift.report.Verdict;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Fixes what Grafana would misread, in place, like {@code spotless:apply}: the findings of the validation that have
 * an exact repair ({@code sigV4Auth: yes} to {@code true}, {@code apiVersion: "1"} to {@code 1}, an unprefixed
 * {@code assumeRoleArn} to {@code sigV4AssumeRoleArn}, ...), each file atomically, every byte outside the edits
 * kept, and each fix checked by reading the file back. A finding whose fix would change anything else stays, with a
 * warning. Not bound to a phase: run {@code mvn promshift:fix}.
 */
@Mojo(name = "fix", threadSafe = true)
public class FixMojo extends AbstractRewriteMojo {

  /**
   * The rules whose findings to fix, e.g. {@code <fixRules><fixRule>sigv4-auth-not-boolean</fixRule></fixRules>} or
   * {@code -Dpromshift.fixRules=yaml11-bool,api-version-quoted}. Unset: every rule that has a fix (as the CLI's
   * {@code fix} without {@code --rule}). A rule that does not exist or has no fix fails the build. The rule levels
   * ({@code rules}, the configuration file) and suppression comments apply: a finding that is off is not fixed.
   */
  @Parameter(property = "promshift.fixRules")
  private List<String> fixRules;

  /**
   * Also writes the changes made as one patch to this file, named relative to the project's base directory, which
   * {@code git apply -R} applies to undo them. It holds the files' secrets in clear, as the files do, so it is
   * created readable by its owner alone (mode 0600); an existing file is replaced, and a run that fixes nothing
   * leaves it empty. Unset: no patch.
   */
  @Parameter(property = "promshift.patchFile")
  private File patchFile;

  /** Skips this goal alone ({@code promshift.skip} skips every promshift goal). */
  @Parameter(property = "promshift.fix.skip", defaultValue = "false")
  private boolean skipFix;

  @Override
  boolean skipGoal() {
    return skipFix;
  }

  @Override
  String goal() {
    return "fix";
  }

  @Override
  PromshiftSettings.Builder goalSettings(PromshiftSettings.Builder settings) throws MojoExecutionException {
    List<String> ids = fixRules == null ? List.of()
        : fixRules.stream().filter(id -> id != null && !id.isBlank()).toList();
    try {
      return settings.fixRules(ids);
    } catch (IllegalArgumentException e) { // the library's words: the id it may have meant, or the fixable rules
      throw new MojoExecutionException("promshift:fix: fixRules: " + e.getMessage(), e);
    }
  }

  @Override
  Run rewrite(Promshift promshift, FileSet files, WriteMode mode, boolean diffs, Path patch,
      Function<Path, String> patchName) throws IOException {
    return patch == null ? promshift.fix(files, mode, diffs, RunListener.NONE)
        : promshift.fix(files, mode, diffs, patch, patchName, RunListener.NONE);
  }

  @Override
  WriteMode writeMode() {
    return WriteMode.inPlace();
  }

  @Override
  boolean wantsDiffs() {
    return false;
  }

  @Override
  String refusedVerb() {
    return "fixed";
  }

  @Override
  Path patchFile() throws MojoExecutionException {
    return patchFile == null ? null : patchPath(patchFile);
  }

  @Override
  void rewritten(Run run) throws MojoExecutionException {
    for (FileOutcome outcome : run.files()) {
      if (outcome.verdict() == Verdict.CHANGED) {
        // the file, then each fix on a line of its own, compiler style: IDEs and terminals link every one
        getLog().info(MigrationText.fixDetail(outcome, "fixed"));
        MigrationText.fixes(outcome).lines().filter(line -> !line.isEmpty()).forEach(getLog()::info);
      }
    }
    getLog().info("promshift:fix: " + MigrationText.fixSummary(run, "fixed", ""));
    if (patchFile != null && run.fixes() > 0) {
      // the patch carries the files' secrets, unmasked: said where the log is read (an empty patch holds none)
      getLog().warn(MigrationText.patchWarning(patchFile()));
    }
  }
}
