package io.promshift.rules;

import io.promshift.model.Field;
import io.promshift.model.PromTypeMigration;
import io.promshift.text.Position;
import java.util.List;
import java.util.Optional;

/**
 * What the Grafana settings a user states ({@link GrafanaSettings}) mean for one Amazon or Azure Prometheus data
 * source, or one Grafana's type migration moves to those plugins: Azure auth switched off, and a forward list that
 * leaves the plugin out. Nothing is said where a setting was not stated.
 */
final class GrafanaSettingsRules extends RuleSet {
  private final GrafanaSettings grafana;

  GrafanaSettingsRules(JsonView view, Emitter out, GrafanaSettings grafana) {
    super(view, out);
    this.grafana = grafana;
  }

  void apply(Source s) {
    PromTypeMigration.Reason reason = s.migration();
    Optional<String> plugin = s.type().filter(t -> t.equals(PromTypeMigration.AMAZON) || t.equals(PromTypeMigration.AZURE))
        .or(reason::targetType);
    if (plugin.isEmpty()) {
      return;
    }
    boolean migrates = reason != PromTypeMigration.Reason.NONE;
    boolean azure = plugin.get().equals(PromTypeMigration.AZURE);
    if (azure) {
      azureAuth(s, migrates);
    }
    forwarded(s, plugin.get(), azure, migrates);
  }

  /**
   * The Azure Prometheus plugin (and core Prometheus) configure Azure authentication only when Grafana's
   * {@code [auth] azure_auth_enabled} is true; otherwise the requests go out without a token and Azure answers 401.
   */
  private void azureAuth(Source s, boolean migrates) {
    if (grafana.azureAuth().orElse(true)) {
      return;
    }
    String credentials = s.json("azureCredentials");
    String pointer = s.has(credentials) ? credentials : s.field(Field.TYPE);
    out.report(Code.AZURE_AUTH_DISABLED, pointer, view.position(pointer),
        "Grafana's [auth] azure_auth_enabled is false: the " + (migrates ? "Prometheus plugins skip" : "Azure Prometheus"
            + " plugin skips") + " Azure authentication, so the requests go out without a token and Azure answers"
            + " 401 Unauthorized", "set azure_auth_enabled = true in grafana.ini's [auth] section");
  }

  /** An explicit forward list without the plugin: Grafana does not pass the section's settings to it. */
  private void forwarded(Source s, String plugin, boolean azure, boolean migrates) {
    List<String> list = azure ? grafana.azureForwardSettingsPlugins() : grafana.awsForwardSettingsPlugins();
    if (list == null || list.contains(plugin)) {
      return;
    }
    String section = azure ? "[azure]" : "[aws]";
    String pointer = s.field(Field.TYPE);
    Position at = view.position(pointer);
    out.report(Code.FORWARD_SETTINGS_MISSING, pointer, at,
        (migrates ? "Grafana's type migration moves this data source to " + plugin + ", which" : "this " + plugin
            + " data source's plugin") + " is not in Grafana's " + section + " forward_settings_to_plugins ("
            + (list.isEmpty() ? "empty" : String.join(", ", list)) + "): Grafana does not pass its " + section
            + " settings to the plugin; Grafana's documentation says to add the plugin id there when queries fail with"
            + " 401 errors", "add " + plugin + " to forward_settings_to_plugins in grafana.ini's " + section + " section");
  }
}
