package io.promshift.maven;

import io.promshift.Promshift;
import io.promshift.io.FileSet;
import io.promshift.migrate.Direction;
import io.promshift.migrate.MigrationOptions;
import io.promshift.migrate.MigrationResult;
import io.promshift.migrate.Migrator;
import io.promshift.migrate.Notice;
import io.promshift.migrate.Target;
import io.promshift.model.PromTypeMigration;
import io.promshift.model.ProvisioningReader;
import io.promshift.text.SourceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The migration goals' common part: the direction ({@code to}, as the CLI's {@code --to}), one migration per
 * file through the library's {@link Migrator}, and what both goals say about a file that cannot be migrated or
 * is not a data source provisioning file.
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

  /** One file and what the migration makes of it; {@code original} is null when it could not be read. */
  record Outcome(FileSet.Found found, byte[] original, MigrationResult result) {
    boolean notProvisioning() {
      return result.notProvisioning();
    }
  }

  @Override
  final void process(List<FileSet.Found> files) throws MojoExecutionException, MojoFailureException {
    Promshift promshift = Promshift.create();
    Migrator migrator = promshift.migrator(options());
    long maxFileSize = promshift.settings().read().maxFileSize();
    List<Outcome> migrated = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    int skipped = 0;
    for (FileSet.Found found : files) {
      Outcome outcome = migrate(migrator, maxFileSize, found);
      MigrationResult result = outcome.result();
      String at = logName(found.file());
      if (result.refused()) {
        String line = at + ":" + result.refusal().position() + ": ";
        if (failOnError()) {
          getLog().error(line + "error: " + result.refusal().message());
          refused.add(line + result.refusal().message());
        } else {
          getLog().warn(line + "warning: " + result.refusal().message() + " (failOnError=false)");
        }
      } else if (outcome.notProvisioning()) {
        skipped++;
        getLog().debug(at + ": not a data source provisioning file; skipped");
      } else {
        for (Notice notice : result.notices()) {
          getLog().warn(at + ":" + notice.position() + ": warning: " + notice.message());
        }
        migrated.add(outcome);
      }
    }
    migrated(migrated, skipped, files.size() - migrated.size() - skipped);
    if (!refused.isEmpty()) {
      throw new MojoFailureException(refused.size() + (refused.size() == 1 ? " file" : " files")
          + " could not be migrated (set failOnError=false to warn instead):\n" + String.join("\n", refused));
    }
  }

  /**
   * The goal's verdict over the files that were read and are data source provisioning files (in order);
   * {@code skipped} were not provisioning files, {@code failed} could not be read or migrated.
   */
  abstract void migrated(List<Outcome> outcomes, int skipped, int failed)
      throws MojoExecutionException, MojoFailureException;

  private Outcome migrate(Migrator migrator, long maxFileSize, FileSet.Found found) {
    String name = relativeName(found.file());
    byte[] original;
    try {
      original = ProvisioningReader.readBytes(found.file(), maxFileSize);
    } catch (SourceException e) {
      return new Outcome(found, null, migrator.migrate(found.file()));
    }
    return new Outcome(found, original, migrator.migrate(name, original));
  }

  /** The options the CLI's {@code --to} and {@code --keep-marker} give. */
  MigrationOptions options() throws MojoExecutionException {
    String target = to == null ? "plugins" : to.trim().toLowerCase(Locale.ROOT);
    MigrationOptions.Builder builder;
    if (target.equals("plugins")) {
      builder = MigrationOptions.forward();
    } else if (target.equals("amazon")) {
      builder = MigrationOptions.forward().only(Target.AMAZON);
    } else if (target.equals("azure")) {
      builder = MigrationOptions.forward().only(Target.AZURE);
    } else if (target.equals("prometheus")) {
      builder = MigrationOptions.reverse();
    } else {
      throw new MojoExecutionException("promshift:" + goal() + ": unknown to '" + to
          + "'; use plugins, amazon, azure or prometheus");
    }
    return builder.markerFalseOnReverse(keepMarker).build();
  }

  /** The target in words: "plugin types", or the one type. */
  String describeTarget() throws MojoExecutionException {
    MigrationOptions options = options();
    if (options.direction() == Direction.REVERSE) {
      return PromTypeMigration.PROMETHEUS;
    }
    if (options.targets().size() == 1) {
      return options.targets().iterator().next().pluginType();
    }
    return "plugin types";
  }

  /** The property a user adds to repeat this run's direction, or "" for the default. */
  String toProperty() throws MojoExecutionException {
    String target = to == null ? "plugins" : to.trim().toLowerCase(Locale.ROOT);
    String marker = keepMarker ? " -Dpromshift.keepMarker=true" : "";
    return (target.equals("plugins") ? "" : " -Dpromshift.to=" + target) + marker;
  }

  static String plural(int count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
