package io.promshift.cli;

import io.promshift.config.ProjectConfig;
import io.promshift.config.ProjectConfigReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Which project configuration applies: the {@code .promshift.yaml} found upward from the PATHs, {@code --config}'s
 * file, or none ({@code --no-config}). A file that does not read, or two PATHs finding different files, is a usage
 * error (exit 2).
 */
final class ConfigFileOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = "--config", paramLabel = "FILE", order = 50,
      description = "Read this configuration file instead of the .promshift.yaml found upward from the PATHs"
          + " (up to the repository's top, the folder holding .git).")
  Path config;

  @Option(names = "--no-config", order = 51, description = "Ignore any .promshift.yaml.")
  boolean noConfig;

  /**
   * The configuration that applies to a run over {@code roots}: {@code --config}'s file, or the one file the roots
   * find; empty with {@code --no-config} or when none is found.
   */
  Optional<ProjectConfig> config(List<Path> roots) {
    if (noConfig && config != null) {
      throw usage("--config and --no-config cannot be used together");
    }
    if (noConfig) {
      return Optional.empty();
    }
    try {
      if (config != null) {
        if (!Files.isRegularFile(config)) {
          throw usage("--config: no such file: " + config);
        }
        return Optional.of(ProjectConfigReader.read(config));
      }
      return ProjectConfigReader.forRoots(roots);
    } catch (ParameterException e) {
      throw e;
    } catch (IllegalArgumentException e) { // two roots, two configuration files
      throw usage(e.getMessage());
    } catch (RuntimeException e) { // a file that does not read, at file:line:col
      throw usage(ProjectConfigReader.problem(e).orElseThrow(() -> e));
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
