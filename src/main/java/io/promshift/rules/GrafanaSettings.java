package io.promshift.rules;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The settings of the Grafana that reads the files, where they change a verdict: the {@code [aws]} section
 * ({@code allowed_auth_providers}, {@code assume_role_enabled}, {@code forward_settings_to_plugins}), {@code [auth]}
 * {@code azure_auth_enabled} and {@code [azure]} {@code forward_settings_to_plugins}. A null value was not stated:
 * the rules then assume Grafana's default where it decides a verdict ({@code allowed_auth_providers},
 * {@code assume_role_enabled}) and say nothing where it would only guess ({@code azure_auth_enabled} defaults to false
 * in Grafana, yet a file that uses Azure auth is written for a Grafana that turned it on; a forward list left at
 * Grafana's default). Immutable.
 *
 * @param allowedAuthProviders {@code [aws] allowed_auth_providers}; null: Grafana's default
 *     ({@code default,keys,credentials})
 * @param assumeRoleEnabled {@code [aws] assume_role_enabled}; null: Grafana's default (true)
 * @param azureAuthEnabled {@code [auth] azure_auth_enabled}; null: not stated
 * @param awsForwardSettingsPlugins {@code [aws] forward_settings_to_plugins}; null: Grafana's default list
 * @param azureForwardSettingsPlugins {@code [azure] forward_settings_to_plugins}; null: Grafana's default list
 */
public record GrafanaSettings(
    List<String> allowedAuthProviders, Boolean assumeRoleEnabled, Boolean azureAuthEnabled,
    List<String> awsForwardSettingsPlugins, List<String> azureForwardSettingsPlugins) {
  /** Grafana's {@code [aws] allowed_auth_providers} when the setting is not given (pkg/setting, conf/defaults.ini). */
  public static final List<String> DEFAULT_ALLOWED_AUTH_PROVIDERS = List.of("default", "keys", "credentials");

  /** Nothing stated: Grafana's defaults. */
  public static final GrafanaSettings DEFAULTS = new GrafanaSettings(null, null, null, null, null);

  public GrafanaSettings {
    allowedAuthProviders = allowedAuthProviders == null ? null : List.copyOf(allowedAuthProviders);
    awsForwardSettingsPlugins = awsForwardSettingsPlugins == null ? null : List.copyOf(awsForwardSettingsPlugins);
    azureForwardSettingsPlugins = azureForwardSettingsPlugins == null ? null : List.copyOf(azureForwardSettingsPlugins);
  }

  /**
   * A list as Grafana's {@code util.SplitString} reads one: separated by commas and/or white space, empty items
   * dropped (a JSON-array form {@code ["a","b"]} is also accepted by Grafana, and here).
   */
  public static List<String> split(String value) {
    String text = value.strip();
    if (text.startsWith("[") && text.endsWith("]")) {
      text = text.substring(1, text.length() - 1).replace("\"", "");
    }
    return Arrays.stream(text.split("[,\\s]+")).map(String::strip).filter(item -> !item.isEmpty()).toList();
  }

  /** The allowed auth providers in effect (Grafana's default when none were stated). */
  public List<String> allowedProviders() {
    return allowedAuthProviders == null ? DEFAULT_ALLOWED_AUTH_PROVIDERS : allowedAuthProviders;
  }

  public boolean assumeRole() {
    return assumeRoleEnabled == null || assumeRoleEnabled;
  }

  public Optional<Boolean> azureAuth() {
    return Optional.ofNullable(azureAuthEnabled);
  }

  /** This with another's stated values over its own (a command line's grafana.ini over a configuration file's). */
  public GrafanaSettings overriddenBy(GrafanaSettings other) {
    return new GrafanaSettings(
        other.allowedAuthProviders != null ? other.allowedAuthProviders : allowedAuthProviders,
        other.assumeRoleEnabled != null ? other.assumeRoleEnabled : assumeRoleEnabled,
        other.azureAuthEnabled != null ? other.azureAuthEnabled : azureAuthEnabled,
        other.awsForwardSettingsPlugins != null ? other.awsForwardSettingsPlugins : awsForwardSettingsPlugins,
        other.azureForwardSettingsPlugins != null ? other.azureForwardSettingsPlugins : azureForwardSettingsPlugins);
  }

  public GrafanaSettings withAllowedAuthProviders(List<String> value) {
    return new GrafanaSettings(value, assumeRoleEnabled, azureAuthEnabled, awsForwardSettingsPlugins,
        azureForwardSettingsPlugins);
  }

  public GrafanaSettings withAssumeRoleEnabled(Boolean value) {
    return new GrafanaSettings(allowedAuthProviders, value, azureAuthEnabled, awsForwardSettingsPlugins,
        azureForwardSettingsPlugins);
  }

  public GrafanaSettings withAzureAuthEnabled(Boolean value) {
    return new GrafanaSettings(allowedAuthProviders, assumeRoleEnabled, value, awsForwardSettingsPlugins,
        azureForwardSettingsPlugins);
  }

  public GrafanaSettings withAwsForwardSettingsPlugins(List<String> value) {
    return new GrafanaSettings(allowedAuthProviders, assumeRoleEnabled, azureAuthEnabled, value,
        azureForwardSettingsPlugins);
  }

  public GrafanaSettings withAzureForwardSettingsPlugins(List<String> value) {
    return new GrafanaSettings(allowedAuthProviders, assumeRoleEnabled, azureAuthEnabled, awsForwardSettingsPlugins,
        value);
  }
}
