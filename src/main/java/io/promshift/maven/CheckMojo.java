package io.promshift.maven;

import io.promshift.migrate.MigrationResult;
import io.promshift.report.UnifiedDiff;
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
  void migrated(List<Outcome> outcomes, int skipped, int failed) throws MojoExecutionException, MojoFailureException {
    List<String> pending = new ArrayList<>();
    int sources = 0;
    for (Outcome outcome : outcomes) {
      MigrationResult result = outcome.result();
      if (!result.changed()) {
        continue;
      }
      sources += result.changes().size();
      String name = relativeName(outcome.found().file());
      pending.add(name + " (" + plural(result.changes().size(), "data source") + ")");
      // one log call per file: a diff stays in one piece in a parallel build's output
      getLog().error(logName(outcome.found().file()) + ": the migration to " + describeTarget() + " would change "
          + plural(result.changes().size(), "data source") + ":\n" + UnifiedDiff.of(result).stripTrailing());
    }
    getLog().info("promshift:check: " + plural(outcomes.size() + skipped + failed, "file") + ": " + pending.size()
        + " would change (" + plural(sources, "data source") + " to " + describeTarget() + "), "
        + (outcomes.size() - pending.size()) + " unchanged, " + skipped + " skipped, " + failed + " failed");
    if (!pending.isEmpty()) {
      throw new MojoFailureException(plural(pending.size(), "provisioning file") + " would change in a migration to "
          + describeTarget() + ":\n    " + String.join("\n    ", pending)
          + "\nRun 'mvn promshift:apply" + toProperty() + "' to rewrite them.");
    }
  }
}
