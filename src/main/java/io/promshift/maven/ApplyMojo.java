package io.promshift.maven;

import io.promshift.io.AtomicWriter;
import io.promshift.migrate.Change;
import io.promshift.migrate.MigrationResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Rewrites the provisioning files in place with the migration in the configured direction ({@code to}), like
 * {@code spotless:apply}: each file atomically, every byte outside the edits kept, and a file that does not change
 * not touched at all (its modification time stays). Not bound to a phase: run {@code mvn promshift:apply}.
 */
@Mojo(name = "apply", threadSafe = true)
public class ApplyMojo extends AbstractMigrationMojo {

  @Override
  String goal() {
    return "apply";
  }

  @Override
  void migrated(List<Outcome> outcomes, int skipped, int failed) throws MojoExecutionException, MojoFailureException {
    AtomicWriter writer = new AtomicWriter();
    // as the CLI does: a build interrupted mid-write leaves no temp file behind
    Thread cleanup = new Thread(writer::abandonAll, "promshift-apply-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
    try {
      write(outcomes, skipped, failed, writer);
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(cleanup);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it cleans up
      }
    }
  }

  private void write(List<Outcome> outcomes, int skipped, int failed, AtomicWriter writer)
      throws MojoExecutionException, MojoFailureException {
    List<String> unwritten = new ArrayList<>();
    int changed = 0;
    int sources = 0;
    for (Outcome outcome : outcomes) {
      MigrationResult result = outcome.result();
      if (!result.changed()) {
        continue;
      }
      String at = logName(outcome.found().file());
      try {
        writer.replace(outcome.found().file(), outcome.original(), result.newBytes());
      } catch (IOException e) {
        getLog().error(at + ": error: " + e.getMessage());
        unwritten.add(at + ": " + e.getMessage());
        continue;
      }
      changed++;
      sources += result.changes().size();
      StringBuilder message = new StringBuilder(at).append(": ")
          .append(plural(result.changes().size(), "data source")).append(" to ").append(describeTarget());
      for (Change change : result.changes()) {
        message.append("\n  ").append(change.position()).append(' ').append(change.dataSource()).append(": ")
            .append(change.fromType()).append(" -> ").append(change.toType()).append(marker(change.marker()));
      }
      getLog().info(message);
    }
    getLog().info("promshift:apply: " + plural(outcomes.size() + skipped + failed, "file") + ": " + changed
        + " changed (" + plural(sources, "data source") + " to " + describeTarget() + "), "
        + (outcomes.size() - changed - unwritten.size()) + " unchanged, " + skipped + " skipped, "
        + (failed + unwritten.size()) + " failed");
    if (!unwritten.isEmpty()) {
      throw new MojoFailureException(plural(unwritten.size(), "file") + " could not be written:\n"
          + String.join("\n", unwritten));
    }
  }

  private static String marker(Change.MarkerAction action) {
    switch (action) {
      case ADDED:
        return " (marker added)";
      case SET_TRUE:
        return " (marker set to true)";
      case REMOVED:
        return " (marker removed)";
      case SET_FALSE:
        return " (marker set to false)";
      default:
        return "";
    }
  }
}
