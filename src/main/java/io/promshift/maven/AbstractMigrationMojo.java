package io.promshift.maven;

import io.promshift.MigrationTarget;
import io.promshift.Promshift;
import io.promshift.PromshiftSettings;
import io.promshift.RunListener;
import io.promshift.io.FileSet;
import io.promshift.io.WriteMode;
import io.promshift.report.Run;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Function;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The migration goals' common part: the direction ({@code to}, as the CLI's {@code --to}) mapped onto the
 * library's settings, and one {@link Promshift#migrate} run.
 */
public abstract class AbstractMigrationMojo extends AbstractRewriteMojo {
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

  @Override
  final PromshiftSettings.Builder goalSettings(PromshiftSettings.Builder settings) throws MojoExecutionException {
    return settings.target(target()).keepMarker(keepMarker);
  }

  @Override
  final Run rewrite(Promshift promshift, FileSet files, WriteMode mode, boolean diffs, Path patch,
      Function<Path, String> patchName) throws IOException {
    return patch == null ? promshift.migrate(files, mode, diffs, RunListener.NONE)
        : promshift.migrate(files, mode, diffs, patch, patchName, RunListener.NONE);
  }

  @Override
  final String refusedVerb() {
    return "migrated";
  }

  @Override
  final void rewritten(Run run) throws MojoExecutionException, MojoFailureException {
    migrated(run, target());
  }

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
}
