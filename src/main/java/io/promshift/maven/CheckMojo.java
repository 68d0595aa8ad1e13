package io.promshift.maven;

import io.promshift.MigrationTarget;
import io.promshift.io.WriteMode;
import io.promshift.report.FileOutcome;
import io.promshift.report.MigrationText;
import io.promshift.report.Run;
import io.promshift.report.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Fails the build when the migration in the configured direction ({@code to}) would change a provisioning file,
 * and prints the unified diff of each such file, secrets masked, like {@code spotless:check}. Writes nothing;
 * {@code promshift:apply} makes the change.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractMigrationMojo {

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
          + sources + ":\n" + MigrationText.relabelled(outcome.diff(), shownName(outcome.file())).stripTrailing());
    }
    getLog().info("promshift:check: " + MigrationText.summary(run, "would change", "", target.describe()));
    if (!pending.isEmpty()) {
      throw new MojoFailureException(plural(pending.size(), "provisioning file") + " would change in a migration to "
          + target.describe() + ":\n    " + String.join("\n    ", pending)
          + "\nRun 'mvn promshift:apply" + toProperty() + "' to rewrite them.");
    }
  }
}
