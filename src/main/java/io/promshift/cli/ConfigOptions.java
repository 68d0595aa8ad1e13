package io.promshift.cli;

import io.promshift.PromshiftSettings;
import io.promshift.cli.CommandModel.Conversion;
import io.promshift.cli.CommandModel.Option;
import io.promshift.config.ProjectConfig;
import io.promshift.config.ProjectConfigReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The validation options that override a project's configuration ({@link ConfigFileOptions}) on the command line:
 * rule levels ({@code --disable}, {@code --enable}, {@code --severity}) and the Grafana settings
 * ({@code --grafana-ini}). Every mistake is a usage error (exit 2).
 */
final class ConfigOptions {
  static final List<Option> OPTIONS = List.of(
      Option.repeated("--disable", "RULE", 52,
          "Do not report this rule (repeatable), e.g. --disable literal-aws-key."),
      Option.repeated("--enable", "RULE", 53,
          "Report this rule at its default severity (repeatable), over the configuration file's off."),
      Option.repeated("--severity", "RULE=LEVEL", 54, "Report this rule at LEVEL: off, error, warning or info"
          + " (repeatable), e.g. --severity literal-aws-key=error."),
      Option.single("--grafana-ini", "FILE", 55, "Judge with the settings of this grafana.ini: [aws]"
          + " allowed_auth_providers, assume_role_enabled, forward_settings_to_plugins, [auth] azure_auth_enabled,"
          + " [azure] forward_settings_to_plugins.").converted(Conversion.PATH));

  final List<String> disable;
  final List<String> enable;
  final List<String> severity;
  final Path grafanaIni;

  ConfigOptions(Arguments args) {
    this.disable = args.values("--disable");
    this.enable = args.values("--enable");
    this.severity = args.values("--severity");
    this.grafanaIni = args.value("--grafana-ini");
  }

  /**
   * The configuration's settings, then the command line's rule levels and grafana.ini over them.
   *
   * @return notes for standard error (grafana.ini values left at Grafana's default)
   */
  List<String> apply(Optional<ProjectConfig> project, PromshiftSettings.Builder settings) {
    List<String> notes = new ArrayList<>();
    project.ifPresent(p -> {
      settings.config(p);
      notes.addAll(p.notes());
    });
    for (String entry : severity) {
      int eq = entry.lastIndexOf('=');
      if (eq <= 0) {
        throw new UsageException("--severity: expected RULE=LEVEL (LEVEL: off, error, warning or info), got '" + entry + "'");
      }
      rule("--severity", () -> settings.rule(entry.substring(0, eq).strip(), entry.substring(eq + 1).strip()));
    }
    for (String id : disable) {
      rule("--disable", () -> settings.rule(id, "off"));
    }
    for (String id : enable) {
      rule("--enable", () -> settings.enableRule(id));
    }
    if (grafanaIni != null) {
      try {
        notes.addAll(settings.grafanaIni(grafanaIni));
      } catch (RuntimeException e) { // a file that does not read, at file:line
        throw new UsageException("--grafana-ini: " + ProjectConfigReader.problem(e).orElseThrow(() -> e));
      }
    }
    return notes;
  }

  private void rule(String option, Runnable change) {
    try {
      change.run();
    } catch (IllegalArgumentException e) {
      throw new UsageException(option + ": " + e.getMessage());
    }
  }
}
