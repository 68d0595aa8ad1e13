package io.promshift.maven;

import io.promshift.MigrationTarget;
import io.promshift.io.WriteMode;
import io.promshift.report.FileOutcome;
import io.promshift.report.MigrationText;
import io.promshift.report.Run;
import io.promshift.report.Verdict;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Rewrites the provisioning files in place with the migration in the configured direction ({@code to}), like
 * {@code spotless:apply}: each file atomically, every byte outside the edits kept, and a file that does not change
 * not touched at all (its modification time stays). Not bound to a phase: run {@code mvn promshift:apply}.
 */
@Mojo(name = "apply", threadSafe = true)
public class ApplyMojo extends AbstractMigrationMojo {

  /** Skips this goal alone ({@code promshift.skip} skips every promshift goal). */
  @Parameter(property = "promshift.apply.skip", defaultValue = "false")
  private boolean skipApply;

  @Override
  boolean skipGoal() {
    return skipApply;
  }

  @Override
  String goal() {
    return "apply";
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
  void migrated(Run run, MigrationTarget target) throws MojoExecutionException, MojoFailureException {
    for (FileOutcome outcome : run.files()) {
      if (outcome.verdict() == Verdict.CHANGED) {
        getLog().info(logName(outcome.file()) + ": " + plural(outcome.changes().size(), "data source") + " to "
            + target.describe() + MigrationText.changes(outcome));
      }
    }
    getLog().info("promshift:apply: " + MigrationText.summary(run, "changed", "", target.describe()));
  }
}
