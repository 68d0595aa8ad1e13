package io.promshift.config;

import io.promshift.rules.GrafanaSettings;
import io.promshift.text.Position;
import io.promshift.text.SourceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The few {@code grafana.ini} settings that change a verdict, read as Grafana's INI library (go-ini) reads the file:
 * {@code [section]} headers, {@code key = value} (or {@code key: value}) lines, {@code ;} and {@code #} comments
 * (also after a value), quotes around a value removed, section and key names as written. Read:
 * {@code [aws] allowed_auth_providers}, {@code assume_role_enabled}, {@code forward_settings_to_plugins};
 * {@code [auth] azure_auth_enabled}; {@code [azure] forward_settings_to_plugins}. Everything else is ignored and
 * never shown (a grafana.ini holds passwords).
 *
 * <p>A value Grafana expands when it starts ({@code ${VAR}}, {@code $__env{VAR}}, {@code $__file{path}},
 * {@code $__vault{...}}) is not expanded here: promshift does not know the value, so the setting counts as not
 * stated and a note says so. Grafana's {@code GF_<SECTION>_<KEY>} environment variables are not read either.
 *
 * @param settings the settings the file states
 * @param notes what was left at Grafana's default, and why
 */
public record GrafanaIni(GrafanaSettings settings, List<String> notes) {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$(?:\\{|__(?:env|file|vault)\\{)");
  private static final List<String> TRUE = List.of("1", "t", "true", "y", "yes", "on");
  private static final List<String> FALSE = List.of("0", "f", "false", "n", "no", "off");
  private static final long MAX_BYTES = 4L << 20;

  public GrafanaIni {
    notes = List.copyOf(notes);
  }

  /**
   * Reads a grafana.ini file.
   *
   * @throws SourceException naming file:line for a file that cannot be read or a line Grafana would refuse (no key,
   *     an unclosed section header)
   */
  public static GrafanaIni read(Path file) {
    String name = file.toString();
    String text;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new SourceException(name, Position.START, SourceException.Kind.LIMIT,
            "grafana.ini is larger than " + (MAX_BYTES >> 20) + " MB");
      }
      text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SourceException(name, Position.START, SourceException.Kind.UNREADABLE,
          "cannot read grafana.ini (" + io.promshift.text.IoProblems.describe(e) + ")");
    }
    return parse(name, text);
  }

  /** Reads grafana.ini text; {@code name} is used in messages. */
  public static GrafanaIni parse(String name, String text) {
    GrafanaSettings settings = GrafanaSettings.DEFAULTS;
    List<String> notes = new ArrayList<>();
    String section = "";
    String[] lines = text.split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int lineNumber = i + 1;
      String line = lines[i].strip();
      if (i == 0 && line.startsWith("\uFEFF")) {
        line = line.substring(1).strip();
      }
      if (line.isEmpty() || line.startsWith(";") || line.startsWith("#")) {
        continue;
      }
      Position at = new Position(0, lineNumber, 1);
      if (line.startsWith("[")) {
        int close = line.indexOf(']');
        if (close < 0) {
          throw new SourceException(name, at, SourceException.Kind.SYNTAX,
              "a section header without its closing ]: Grafana does not start with this file");
        }
        section = line.substring(1, close).strip();
        continue;
      }
      int eq = delimiter(line);
      if (eq <= 0) {
        throw new SourceException(name, at, SourceException.Kind.SYNTAX,
            "a line that is neither a [section], a key = value nor a comment: Grafana does not start with this file");
      }
      String key = line.substring(0, eq).strip();
      String where = "[" + section + "] " + key;
      String setting = section + "." + key;
      if (!USED.contains(setting)) {
        continue; // never looked at: other sections hold passwords
      }
      String value = value(line.substring(eq + 1));
      if (PLACEHOLDER.matcher(value).find()) {
        notes.add(name + ":" + lineNumber + ": " + where + " is expanded when Grafana starts; promshift does not"
            + " expand it and judges with Grafana's default for it");
        settings = unset(settings, setting);
        continue;
      }
      switch (setting) {
        case "aws.allowed_auth_providers" -> settings = value.isEmpty() ? settings.withAllowedAuthProviders(null)
            : settings.withAllowedAuthProviders(GrafanaSettings.split(value));
        case "aws.forward_settings_to_plugins" -> settings = value.isEmpty()
            ? settings.withAwsForwardSettingsPlugins(null)
            : settings.withAwsForwardSettingsPlugins(GrafanaSettings.split(value));
        case "azure.forward_settings_to_plugins" -> settings = value.isEmpty()
            ? settings.withAzureForwardSettingsPlugins(null)
            : settings.withAzureForwardSettingsPlugins(GrafanaSettings.split(value));
        case "aws.assume_role_enabled" -> settings = settings.withAssumeRoleEnabled(bool(value, name, lineNumber,
            where, notes));
        case "auth.azure_auth_enabled" -> settings = settings.withAzureAuthEnabled(bool(value, name, lineNumber,
            where, notes));
        default -> throw new IllegalStateException(setting);
      }
    }
    return new GrafanaIni(settings, notes);
  }

  /** section.key of the settings read (Grafana reads an empty list value as "use the default"). */
  private static final List<String> USED = List.of("aws.allowed_auth_providers", "aws.assume_role_enabled",
      "aws.forward_settings_to_plugins", "auth.azure_auth_enabled", "azure.forward_settings_to_plugins");

  private static GrafanaSettings unset(GrafanaSettings settings, String setting) {
    return switch (setting) {
      case "aws.allowed_auth_providers" -> settings.withAllowedAuthProviders(null);
      case "aws.forward_settings_to_plugins" -> settings.withAwsForwardSettingsPlugins(null);
      case "azure.forward_settings_to_plugins" -> settings.withAzureForwardSettingsPlugins(null);
      case "aws.assume_role_enabled" -> settings.withAssumeRoleEnabled(null);
      default -> settings.withAzureAuthEnabled(null);
    };
  }

  /** go-ini's MustBool: its words, any case; anything else is Grafana's default (null here), with a note. */
  private static Boolean bool(String value, String name, int line, String where, List<String> notes) {
    String word = value.toLowerCase(Locale.ROOT);
    if (TRUE.contains(word)) {
      return true;
    }
    if (FALSE.contains(word)) {
      return false;
    }
    if (!value.isEmpty()) {
      notes.add(name + ":" + line + ": " + where + " is not a boolean Grafana reads; Grafana uses its default");
    }
    return null;
  }

  /** The first = or : (go-ini's key-value delimiters), outside a quoted key. */
  private static int delimiter(String line) {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '=' || c == ':') {
        return i;
      }
    }
    return -1;
  }

  /** The value as go-ini gives it: quotes removed, or an inline comment (from ; or #) cut off. */
  private static String value(String raw) {
    String text = raw.strip();
    for (String quote : List.of("\"\"\"", "\"", "`")) {
      if (text.startsWith(quote)) {
        int end = text.indexOf(quote, quote.length());
        if (end >= 0) {
          return text.substring(quote.length(), end);
        }
      }
    }
    int comment = -1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == ';' || text.charAt(i) == '#') {
        comment = i;
        break;
      }
    }
    return (comment >= 0 ? text.substring(0, comment) : text).strip();
  }
}
