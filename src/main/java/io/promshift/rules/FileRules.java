package io.promshift.rules;

import io.promshift.grafana.GoScalars;
import io.promshift.grafana.GoYaml;
import io.promshift.grafana.GoValue;
import io.promshift.model.DataSource;
import io.promshift.model.Field;
import io.promshift.model.Secrets;
import io.promshift.text.SourceException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules a schema cannot express, applied to one file: the file's own rules here, each data source's in
 * {@link DataSourceRules} and {@link SigV4Rules}.
 */
final class FileRules extends RuleSet {
  static final Pattern AWS_ACCESS_KEY_ID = Pattern.compile("(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])");
  private static final Pattern JSON_LEAF = Pattern.compile("^/datasources/[0-9]+/(?:jsonData|json_data|correlations)/.*");
  private static final Pattern SIGV4_AUTH = Pattern.compile("^/datasources/[0-9]+/(?:jsonData|json_data)/sigV4Auth$");

  private final GrafanaSettings grafana;

  FileRules(JsonView view, Emitter out, GrafanaSettings grafana) {
    super(view, out);
    this.grafana = grafana;
  }

  void apply() {
    apiVersion();
    topLevelKeys();
    ignoredValues();
    prune();
    expansionFailures();
    placeholdersInVersionZero();
    literalAccessKeyIds();
    jsonDataWords();
    DataSourceRules sources = new DataSourceRules(view, out);
    SigV4Rules sigV4 = new SigV4Rules(view, out, grafana);
    GrafanaSettingsRules settings = new GrafanaSettingsRules(view, out, grafana);
    for (DataSource ds : file.dataSources()) {
      Source source = new Source(ds, view, "datasources");
      sources.apply(source);
      sigV4.apply(source);
      settings.apply(source);
    }
    String deletions = file.isLegacy() ? "delete_datasources" : "deleteDatasources";
    for (DataSource ds : file.deleteDataSources()) {
      Source source = new Source(ds, view, deletions);
      if (!source.legacy()) {
        sources.integer(source, Field.ORG_ID);
      }
    }
  }

  // ------------------------------------------------------------------------------------------ the file

  private void apiVersion() {
    view.loc("/apiVersion").ifPresent(loc -> {
      if (!(loc.go() instanceof GoValue.GoString)) {
        return;
      }
      String text = loc.raw() == null ? "" : loc.raw();
      Number number = GoScalars.parseGoInt(text.strip());
      String shown = SchemaMessages.written(view, "/apiVersion");
      String message = number != null
          ? "apiVersion is the string " + shown + ", not the integer " + number
              + ": Grafana decodes apiVersion into an int64 and does not start"
          : "apiVersion is the string " + shown + ", not an integer: Grafana decodes apiVersion"
              + " into an int64 and does not start";
      out.report(Code.API_VERSION_QUOTED, "/apiVersion", view.position("/apiVersion"), message,
          "write apiVersion: 1 without quotes", Repairs.integerValue(view, "/apiVersion"));
    });
  }

  private void topLevelKeys() {
    String ignored = file.isLegacy() ? "deleteDatasources" : "delete_datasources";
    String read = file.isLegacy() ? "delete_datasources" : "deleteDatasources";
    if (view.has("/" + ignored)) {
      String why = file.isLegacy()
          ? "this file has no apiVersion, so Grafana reads it as version 0, which deletes only delete_datasources"
          : "an apiVersion 1 file deletes only deleteDatasources";
      out.report(Code.MISPLACED_KEY, "/" + ignored, view.keyPosition("/" + ignored),
          "Grafana ignores " + ignored + " here: " + why + "; nothing is deleted",
          file.isLegacy() ? "add apiVersion: 1 at the top (and camelCase keys), or rename it to " + read
              : "rename it to " + read);
    }
  }

  /** What Grafana would refuse in a value it never decodes: a warning each, at the problem's own place. */
  private void ignoredValues() {
    for (GoYaml.Ignored ignored : file.ignored()) {
      String why = switch (ignored.reason()) {
        case NOT_A_FIELD -> ignored.keyText() + " is not a field of " + ignored.container() + " that Grafana reads";
        case NULL_KEY -> "a null key of " + ignored.container() + " is dropped with its value";
        case MERGED_KEY_LOST -> ignored.keyText() + ", merged with <<, loses to the key " + ignored.container()
            + " already has";
      };
      SourceException problem = ignored.problem();
      out.report(Code.IGNORED_KEY_PROBLEM, ignored.pointer(), problem.position(), "Grafana ignores this key: " + why
          + ", so Grafana never decodes its value; decoded, it would fail: " + problem.problem(),
          "remove the key, or correct its value (Grafana refuses it wherever it decodes it)");
    }
  }

  private void prune() {
    if (file.isLegacy()) {
      return;
    }
    yaml11Word("/prune", "prune is a plain Go bool: go-yaml v3 still decodes this YAML 1.1 word into it");
  }

  private void expansionFailures() {
    for (Map.Entry<String, JsonView.Loc> entry : view.locations()) {
      String error = entry.getValue().error();
      if (error != null) {
        out.report(Code.EXPANSION_FAILED, entry.getKey(), view.position(entry.getKey()),
            error + ": Grafana's expander fails and Grafana does not start",
            "provide the file Grafana will read, or change the placeholder");
      }
    }
  }

  private void placeholdersInVersionZero() {
    if (!file.isLegacy()) {
      return;
    }
    for (Map.Entry<String, JsonView.Loc> entry : view.locations()) {
      JsonView.Loc loc = entry.getValue();
      String pointer = entry.getKey();
      if (loc.template() && view.templating().expandsDollar()) {
        continue; // compose or the shell expands it before Grafana reads the file: Grafana never sees the $
      }
      if (loc.placeholder() && loc.go() instanceof GoValue.GoString
          && (pointer.startsWith("/datasources/") || pointer.startsWith("/delete_datasources/"))) {
        out.report(Code.PLACEHOLDER_NOT_EXPANDED, pointer, view.position(pointer),
            SchemaMessages.subject(pointer) + " holds the placeholder " + SchemaMessages.written(view, pointer)
                + ", but this file has no apiVersion: Grafana reads it as version 0 and stores the text as written",
            "add apiVersion: 1 at the top (with camelCase keys) so that Grafana expands it, or write the value itself");
      }
    }
  }

  /** An AWS access key id written anywhere in the file (checked on the raw text, never shown). */
  private void literalAccessKeyIds() {
    for (Map.Entry<String, JsonView.Loc> entry : view.locations()) {
      JsonView.Loc loc = entry.getValue();
      if (loc.raw() == null || !(loc.go() instanceof GoValue.GoString)) {
        continue;
      }
      Matcher m = AWS_ACCESS_KEY_ID.matcher(loc.raw());
      if (m.find() && !isSecureAccessKey(entry.getKey()) && !isJsonDataSecret(entry.getKey())) {
        literalKey(entry.getKey(), "an AWS access key id (" + Secrets.redact(m.group()) + ")");
      }
    }
  }

  /** A secret key right under jsonData: secret-in-json-data reports it (as an error) already. */
  private static boolean isJsonDataSecret(String pointer) {
    String parent = JsonView.parent(pointer);
    return (parent.endsWith("/jsonData") || parent.endsWith("/json_data") || parent.endsWith("/azureCredentials"))
        && Secrets.isSecureJsonDataKey(JsonView.lastKey(pointer));
  }

  private static boolean isSecureAccessKey(String pointer) {
    String key = JsonView.lastKey(pointer).toLowerCase(Locale.ROOT);
    return (pointer.contains("/secureJsonData/") || pointer.contains("/secure_json_data/"))
        && (key.equals("sigv4accesskey") || key.equals("accesskey"));
  }

  /**
   * A boolean Grafana or a plugin reads from jsonData ({@code tlsSkipVerify: "true"}) written as text: a type assertion
   * finds no boolean, so the setting is off whatever the text says.
   */
  private void quotedBoolean(String pointer, JsonView.Loc loc) {
    // a word that means a boolean holds no placeholder or template: only where jsonData's own keys are
    if (!(loc.go() instanceof GoValue.GoString string) || string.yaml11BoolWord()
        || SIGV4_AUTH.matcher(pointer).matches() || !JsonView.JSON_DATA_BOOLEANS.contains(JsonView.lastKey(pointer))
        || !JsonView.parent(pointer).matches("^/datasources/[0-9]+/(?:jsonData|json_data)$")
        || GoScalars.meantBoolean(string.value()).isEmpty()) {
      return;
    }
    if (file.isLegacy() ? pointer.contains("/jsonData/") : pointer.contains("/json_data/")) {
      return; // a key Grafana ignores in this version
    }
    String key = JsonView.lastKey(pointer);
    String meant = GoScalars.meantBoolean(string.value()).orElseThrow().toString();
    out.report(Code.JSON_DATA_BOOLEAN_TEXT, pointer, view.position(pointer),
        SchemaMessages.subject(pointer) + " is the string " + SchemaMessages.shown(view, pointer) + ", not a boolean:"
            + " Grafana and the plugins read " + key + " as a JSON boolean, so it is off whatever the text says",
        "write " + key + ": " + meant + " (unquoted)", Repairs.booleanValue(view, pointer));
  }

  /**
   * YAML 1.1 words in jsonData and correlations, and quoted booleans where Grafana or a plugin reads a JSON boolean
   * (sigV4Auth has its own rule).
   */
  private void jsonDataWords() {
    for (Map.Entry<String, JsonView.Loc> entry : view.locations()) {
      String pointer = entry.getKey();
      quotedBoolean(pointer, entry.getValue());
      if (!(entry.getValue().go() instanceof GoValue.GoString string) || !string.yaml11BoolWord()
          || !JSON_LEAF.matcher(pointer).matches() || SIGV4_AUTH.matcher(pointer).matches()) {
        continue;
      }
      if (file.isLegacy() ? pointer.contains("/jsonData/") : pointer.contains("/json_data/")) {
        continue; // a key Grafana ignores in this version
      }
      out.report(Code.YAML11_BOOL, pointer, view.position(pointer),
          SchemaMessages.subject(pointer) + ": " + SchemaMessages.bare(view, pointer) + " is a YAML 1.1 word that"
              + " Grafana 9.4+ (go-yaml v3) reads as the string " + SchemaMessages.shown(view, pointer)
              + ", not a boolean",
          "write " + JsonView.lastKey(pointer) + ": " + truth(string.value())
              + " (or quote it if the plugin expects text)",
          // a boolean only where the key is one a plugin reads as a boolean; elsewhere the text may be meant
          JsonView.JSON_DATA_BOOLEANS.contains(JsonView.lastKey(pointer)) ? Repairs.booleanValue(view, pointer)
              : List.of());
    }
  }
}
