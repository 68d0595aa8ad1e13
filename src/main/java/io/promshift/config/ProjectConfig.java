package io.promshift.config;

import io.promshift.rules.GrafanaSettings;
import io.promshift.rules.RulePolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A project's {@code .promshift.yaml}, read and checked: what it states, and nothing for what it does not (a front
 * end's own defaults and flags then decide). Immutable.
 *
 * @param file the file it was read from
 * @param rules the rule levels it sets ({@code rules:}); {@link RulePolicy#DEFAULTS} when it sets none
 * @param failOn {@code fail-on}: error, warning or info; null when not stated
 * @param include {@code include} globs; null when not stated (a command line's {@code --include} replaces them)
 * @param exclude {@code exclude} globs; null when not stated
 * @param embedded {@code embedded}: auto or off; null when not stated
 * @param units {@code units}: {@code PATH=KIND} declarations; null when not stated
 * @param grafana the Grafana settings it states ({@code grafana:}), over those of its {@code grafana-ini} file
 * @param grafanaIni {@code grafana-ini}, resolved against the configuration file's directory; null when not stated
 * @param notes what a person should know about how it was read (a grafana.ini value left to Grafana's default)
 */
public record ProjectConfig(
    Path file, RulePolicy rules, String failOn, List<String> include, List<String> exclude, String embedded,
    List<String> units, GrafanaSettings grafana, Path grafanaIni, List<String> notes) {
  /** The name looked for upward from each root. */
  public static final String FILE_NAME = ".promshift.yaml";

  public ProjectConfig {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(grafana, "grafana");
    include = include == null ? null : List.copyOf(include);
    exclude = exclude == null ? null : List.copyOf(exclude);
    units = units == null ? null : List.copyOf(units);
    notes = List.copyOf(notes);
  }

  public Optional<String> failOnWord() {
    return Optional.ofNullable(failOn);
  }

  public Optional<List<String>> includes() {
    return Optional.ofNullable(include);
  }

  public Optional<List<String>> excludes() {
    return Optional.ofNullable(exclude);
  }

  public Optional<String> embeddedMode() {
    return Optional.ofNullable(embedded);
  }

  public Optional<List<String>> unitDeclarations() {
    return Optional.ofNullable(units);
  }
}
