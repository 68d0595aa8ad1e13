package io.promshift.rules;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How to validate. Immutable; build with {@link #builder()}.
 *
 * <p>Without an environment, placeholders ({@code $VAR}, {@code ${VAR}}, {@code $__env{VAR}},
 * {@code $__file{path}}, {@code $__vault{...}}) are accepted wherever Grafana expands them, and the values they
 * decide are reported as unchecked. With an environment, apiVersion 1 values are expanded as Grafana expands
 * them ({@code $$} escapes, {@code ExpandVar} then {@code ExpandEnv}, unset names become empty), jsonData
 * leaves that came from a placeholder become booleans or numbers when they parse as one, and the expanded
 * values are validated. {@code $__file{path}} is read only under a file root; {@code $__vault{}} is never
 * expanded (Grafana Enterprise resolves it at run time).
 */
public final class ValidationOptions {
  public static final ValidationOptions DEFAULTS = builder().build();

  private final Map<String, String> environment;
  private final Path fileRoot;
  private final String migrateCommand;
  private final String envFileOption;

  private final GrafanaSettings grafana;

  private ValidationOptions(Map<String, String> environment, Path fileRoot, String migrateCommand,
      String envFileOption, GrafanaSettings grafana) {
    this.grafana = grafana;
    this.environment = environment == null ? null : Map.copyOf(environment);
    this.fileRoot = fileRoot;
    this.migrateCommand = migrateCommand;
    this.envFileOption = envFileOption;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The environment placeholders are expanded from; empty when placeholders are only accepted. */
  public Optional<Map<String, String>> environment() {
    return Optional.ofNullable(environment);
  }

  /**
   * The directory {@code $__file{path}} is read under: a relative path is resolved against it, and an
   * absolute path is re-rooted below it ({@code /run/secrets/x} reads {@code <root>/run/secrets/x}), so that a
   * build can provide the files Grafana's host will have. Empty: {@code $__file{}} is not expanded.
   */
  public Optional<Path> fileRoot() {
    return Optional.ofNullable(fileRoot);
  }

  /**
   * The command a finding's fix names to migrate the file ({@code migration-pending}): the CLI's by default; a front
   * end names its own (the Maven plugin: {@code mvn promshift:apply}), as the fix is read where it runs.
   */
  public String migrateCommand() {
    return migrateCommand;
  }

  /**
   * The option a finding's fix names to validate with an environment ({@code placeholder-unchecked}): the CLI's
   * {@code --env-file} by default; the Maven plugin's {@code envFile}.
   */
  public String envFileOption() {
    return envFileOption;
  }

  /** The settings of the Grafana that reads the files, where they change a verdict (its defaults unless stated). */
  public GrafanaSettings grafana() {
    return grafana;
  }

  public boolean expands() {
    return environment != null;
  }

  @Override
  public String toString() {
    return "ValidationOptions[environment=" + (environment == null ? "none" : new TreeMap<>(environment).keySet())
        + ", fileRoot=" + fileRoot + ", grafana=" + grafana + "]";
  }

  /** Mutable builder; the options it builds are immutable. */
  public static final class Builder {
    private Map<String, String> environment;
    private Path fileRoot;
    private String migrateCommand = "promshift migrate --write";
    private String envFileOption = "--env-file";

    private GrafanaSettings grafana = GrafanaSettings.DEFAULTS;

    private Builder() {}

    /** The settings of the Grafana that reads the files ({@code [aws]}, {@code [azure]}, azure_auth_enabled). */
    public Builder grafana(GrafanaSettings value) {
      this.grafana = java.util.Objects.requireNonNull(value, "grafana");
      return this;
    }

    /** Expand placeholders from this environment (names to values). */
    public Builder environment(Map<String, String> value) {
      this.environment = value;
      return this;
    }

    /** Read {@code $__file{path}} below this directory (only used together with an environment). */
    public Builder fileRoot(Path value) {
      this.fileRoot = value;
      return this;
    }

    /** The command a fix names to migrate a file (default {@code promshift migrate}). */
    public Builder migrateCommand(String value) {
      this.migrateCommand = java.util.Objects.requireNonNull(value, "migrateCommand");
      return this;
    }

    /** The option a fix names to validate with an environment (default {@code --env-file}). */
    public Builder envFileOption(String value) {
      this.envFileOption = java.util.Objects.requireNonNull(value, "envFileOption");
      return this;
    }

    public ValidationOptions build() {
      return new ValidationOptions(environment, fileRoot, migrateCommand, envFileOption, grafana);
    }
  }
}
