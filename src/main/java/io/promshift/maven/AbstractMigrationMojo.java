package io.promshift.maven;

import io.promshift.MigrationTarget;
import io.promshift.Promshift;
import io.promshift.RunListener;
import io.promshift.io.FileSet;
import io.promshift.io.WriteMode;
import io.promshift.report.FileOutcome;
import io.promshift.report.Message;
import io.promshift.report.Run;
import io.promshift.report.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The migration goals' common part: the direction ({@code to}, as the CLI's {@code --to}) mapped onto the
 * library's settings, one {@link Promshift#migrate} run, and what both goals say about a file that cannot be
 * migrated or is not a data source provisioning file.
 */
public abstract class AbstractMigrationMojo extends AbstractPromshiftMojo {
  /**
   * Where data sources move: {@code plugins} (Amazon and Azure, as Grafana's migration decides), {@code amazon},
   * {@code azure}, or {@code prometheus} (the reverse: back to the core type).
   */
  @Parameter(property = "promshift.to", defaultValue = "plugins")
  private String to;

  /**
   * On {@code to=prometheus}: set {@code prometheus-type-migration} to {@code false}, as Grafana's rollback script
   * does, instead of removing it (removing it makes the reverse the exact inverse of the forward migration).
   */
  @Parameter(property = "promshift.keepMarker", defaultValue = "false")
  private boolean keepMarker;

  /**
   * Also rewrite provisioning files held base64-encoded (a Secret's {@code data}): decoded, changed and encoded again
   * with the same alphabet and padding. Off: they are read, and left as they are.
   */
  @Parameter(property = "promshift.rewriteBase64", defaultValue = "false")
  private boolean rewriteBase64;

  @Override
  final void process(FileSet files) throws MojoExecutionException, MojoFailureException {
    MigrationTarget target = target();
    Promshift promshift = Promshift.create(settings().target(target).keepMarker(keepMarker)
        .rewriteBase64(rewriteBase64).build());
    Path patch = patchFile();
    Run run;
    if (patch == null) {
      run = promshift.migrate(files, writeMode(), wantsDiffs(), RunListener.NONE);
    } else {
      try {
        // named relative to the project, as the diffs are: the patch applies from its base directory
        run = promshift.migrate(files, writeMode(), wantsDiffs(), patch, this::shownName, RunListener.NONE);
      } catch (IOException e) {
        throw new MojoExecutionException("promshift:" + goal() + ": cannot write the patch " + logName(patch) + " ("
            + e.getMessage() + ")", e);
      }
    }
    if (nothingToProcess(run.files(), run.problems())) {
      return;
    }
    List<String> refused = new ArrayList<>();
    List<String> unwritten = new ArrayList<>();
    List<FileOutcome> all = new ArrayList<>(run.problems());
    all.addAll(run.files());
    for (FileOutcome outcome : all) {
      if (outcome.verdict() == Verdict.SKIPPED) {
        getLog().debug(logName(outcome.file()) + ": not a data source provisioning file; skipped");
        continue;
      }
      for (Message message : outcome.diagnostics().stream().map(d -> Message.of(d, logName(d.file()))).toList()) {
        if (message.level() == Message.Level.ERROR && outcome.notWritten()) {
          getLog().error(message.toString()); // a write that failed fails the build whatever failOnError says
          unwritten.add(message.where() + ": " + message.text());
        } else if (message.level() != Message.Level.ERROR) {
          getLog().warn(message.toString());
        } else if (failOnError()) {
          getLog().error(message.toString());
          refused.add(message.where() + ": " + message.text());
        } else {
          getLog().warn(new Message(Message.Level.WARNING, message.where(), message.text() + " (failOnError=false)")
              .toString());
        }
      }
    }
    migrated(run, target);
    if (!unwritten.isEmpty()) {
      throw new MojoFailureException(plural(unwritten.size(), "file") + " could not be written:\n"
          + String.join("\n", unwritten));
    }
    if (!refused.isEmpty()) {
      throw new MojoFailureException(refused.size() + (refused.size() == 1 ? " file" : " files")
          + " could not be migrated (set failOnError=false to warn instead):\n" + String.join("\n", refused));
    }
  }

  /** Where the goal also writes the pending changes as one applicable patch, or null for nowhere. */
  Path patchFile() throws MojoExecutionException {
    return null;
  }

  /** What the goal does with the files: nothing (check) or rewrite them in place (apply). */
  abstract WriteMode writeMode();

  /** Whether the goal shows each changed file's diff. */
  abstract boolean wantsDiffs();

  /** The goal's verdict over the run. */
  abstract void migrated(Run run, MigrationTarget target) throws MojoExecutionException, MojoFailureException;

  private MigrationTarget target() throws MojoExecutionException {
    try {
      return MigrationTarget.parse(to == null ? "plugins" : to);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("promshift:" + goal() + ": unknown to '" + to
          + "'; use plugins, amazon, azure or prometheus");
    }
  }

  /** The property a user adds to repeat this run's direction, or "" for the default. */
  String toProperty() throws MojoExecutionException {
    MigrationTarget target = target();
    String marker = keepMarker ? " -Dpromshift.keepMarker=true" : "";
    return (target == MigrationTarget.PLUGINS ? "" : " -Dpromshift.to=" + target.word()) + marker;
  }

  static String plural(int count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
