package io.promshift.cli;

import io.promshift.PromshiftSettings;
import io.promshift.cli.CommandModel.Conversion;
import io.promshift.cli.CommandModel.Option;
import io.promshift.config.ProjectConfig;
import io.promshift.config.ProjectConfigReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Which project configuration applies: the {@code .promshift.yaml} found upward from the PATHs, {@code --config}'s
 * file, or none ({@code --no-config}). A file that does not read, or two PATHs finding different files, is a usage
 * error (exit 2).
 */
final class ConfigFileOptions {
  static final List<Option> OPTIONS = List.of(
      Option.single("--config", "FILE", 50, "Read this configuration file instead of the .promshift.yaml found upward"
          + " from the PATHs (up to the repository's top, the folder holding .git).").converted(Conversion.PATH),
      Option.flag("--no-config", 51, "Ignore any .promshift.yaml."));

  final Path config;
  final boolean noConfig;

  ConfigFileOptions(Arguments args) {
    this.config = args.value("--config");
    this.noConfig = args.flag("--no-config");
  }

  /**
   * The configuration that applies to a run over {@code roots}: {@code --config}'s file, or the one file the roots
   * find; empty with {@code --no-config} or when none is found.
   */
  Optional<ProjectConfig> config(List<Path> roots) {
    if (noConfig && config != null) {
      throw new UsageException("--config and --no-config cannot be used together");
    }
    if (noConfig) {
      return Optional.empty();
    }
    try {
      if (config != null) {
        if (!Files.isRegularFile(config)) {
          throw new UsageException("--config: no such file: " + config);
        }
        return Optional.of(ProjectConfigReader.read(config));
      }
      return ProjectConfigReader.forRoots(roots);
    } catch (UsageException e) {
      throw e;
    } catch (IllegalArgumentException e) { // two roots, two configuration files
      throw new UsageException(e.getMessage());
    } catch (RuntimeException e) { // a file that does not read, at file:line:col
      throw new UsageException(ProjectConfigReader.problem(e).orElseThrow(() -> e));
    }
  }

  /** Settings with the configuration's globs, embedded and units; the command line's options then override them. */
  static PromshiftSettings.Builder configured(Optional<ProjectConfig> project) {
    PromshiftSettings.Builder settings = PromshiftSettings.builder();
    project.ifPresent(settings::config);
    return settings;
  }
}
