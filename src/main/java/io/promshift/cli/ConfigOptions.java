package io.promshift.cli;

import io.promshift.PromshiftSettings;
import io.promshift.config.ProjectConfig;
import io.promshift.config.ProjectConfigReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The validation options that override a project's configuration ({@link ConfigFileOptions}) on the command line:
 * rule levels ({@code --disable}, {@code --enable}, {@code --severity}) and the Grafana settings
 * ({@code --grafana-ini}). Every mistake is a usage error (exit 2).
 */
final class ConfigOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = "--disable", paramLabel = "RULE", order = 52,
      description = "Do not report this rule (repeatable), e.g. --disable literal-aws-key.")
  List<String> disable = List.of();

  @Option(names = "--enable", paramLabel = "RULE", order = 53,
      description = "Report this rule at its default severity (repeatable), over the configuration file's off.")
  List<String> enable = List.of();

  @Option(names = "--severity", paramLabel = "RULE=LEVEL", order = 54,
      description = "Report this rule at LEVEL: off, error, warning or info (repeatable), e.g."
          + " --severity literal-aws-key=error.")
  List<String> severity = List.of();

  @Option(names = "--grafana-ini", paramLabel = "FILE", order = 55,
      description = "Judge with the settings of this grafana.ini: [aws] allowed_auth_providers, assume_role_enabled,"
          + " forward_settings_to_plugins, [auth] azure_auth_enabled, [azure] forward_settings_to_plugins.")
  Path grafanaIni;

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
        throw usage("--severity: expected RULE=LEVEL (LEVEL: off, error, warning or info), got '" + entry + "'");
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
        throw usage("--grafana-ini: " + ProjectConfigReader.problem(e).orElseThrow(() -> e));
      }
    }
    return notes;
  }

  private void rule(String option, Runnable change) {
    try {
      change.run();
    } catch (IllegalArgumentException e) {
      throw usage(option + ": " + e.getMessage());
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
