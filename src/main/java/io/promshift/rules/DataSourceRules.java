package io.promshift.rules;

import io.promshift.grafana.GoMap;
import io.promshift.grafana.GoScalars;
import io.promshift.grafana.GoValue;
import io.promshift.model.Field;
import io.promshift.model.PromTypeMigration;
import io.promshift.model.Secrets;
import io.promshift.text.Position;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** One data source's own fields: typed values, name, url, uid, access, keys out of place, secrets, migration. */
final class DataSourceRules extends RuleSet {
  static final int MAX_NAME_BYTES = 190;
  static final int MAX_URL_BYTES = 255;
  static final int MAX_UID = 40;
  private static final Pattern UID = Pattern.compile("[a-zA-Z0-9\\-_]*");
  /** apiVersion 1 keys and their version-0 spelling. */
  private static final Map<String, String> V1_TO_V0 = new LinkedHashMap<>();
  private static final Map<String, String> V0_TO_V1 = new HashMap<>();
  /** Plugin settings Grafana reads only under jsonData. */
  private static final Set<String> JSON_DATA_KEYS = Set.of(
      "sigV4Auth", "sigV4AuthType", "sigV4Region", "sigV4AssumeRoleArn", "sigV4ExternalId", "sigV4Profile",
      "httpMethod", "timeInterval", "queryTimeout", "manageAlerts", "prometheusType", "prometheusVersion",
      "azureCredentials", "tlsSkipVerify", "tlsAuth", "tlsAuthWithCACert", "keepCookies", "oauthPassThru",
      "httpHeaderName1", "httpHeaderName2", "cacheLevel", "incrementalQuerying", "exemplarTraceIdDestinations");

  static {
    V1_TO_V0.put("orgId", "org_id");
    V1_TO_V0.put("isDefault", "is_default");
    V1_TO_V0.put("basicAuth", "basic_auth");
    V1_TO_V0.put("basicAuthUser", "basic_auth_user");
    V1_TO_V0.put("withCredentials", "with_credentials");
    V1_TO_V0.put("jsonData", "json_data");
    V1_TO_V0.put("secureJsonData", "secure_json_data");
    V1_TO_V0.put("uid", null);
    V1_TO_V0.forEach((v1, v0) -> {
      if (v0 != null) {
        V0_TO_V1.put(v0, v1);
      }
    });
  }

  DataSourceRules(JsonView view, Emitter out) {
    super(view, out);
  }

  void apply(Source s) {
    if (!s.legacy()) {
      for (Field field : List.of(Field.IS_DEFAULT, Field.BASIC_AUTH, Field.WITH_CREDENTIALS, Field.EDITABLE)) {
        bool(s, field);
      }
      integer(s, Field.ORG_ID);
      integer(s, Field.VERSION);
      uid(s);
    } else {
      for (Field field : List.of(Field.IS_DEFAULT, Field.BASIC_AUTH, Field.WITH_CREDENTIALS, Field.EDITABLE)) {
        yaml11Word(s.field(field), field.legacyKey() + " is a plain Go bool in a version-0 file: go-yaml v3 still"
            + " decodes this YAML 1.1 word into it");
      }
    }
    name(s);
    url(s);
    access(s);
    httpMethod(s);
    misplacedKeys(s);
    secrets(s);
    migration(s);
  }

  /** A Prometheus plugin's httpMethod written otherwise than the plugin reads it (trimmed, upper case). */
  private void httpMethod(Source s) {
    if (!s.isPrometheusFamily() || !s.has(s.jsonData)) {
      return;
    }
    String pointer = s.json("httpMethod");
    Repairs.literal(view, pointer).ifPresent(text -> {
      String read = text.strip().toUpperCase(java.util.Locale.ROOT);
      if ((read.equals("GET") || read.equals("POST")) && !read.equals(text)) {
        out.report(Code.HTTP_METHOD_SPELLING, pointer, view.position(pointer),
            "httpMethod is " + SchemaMessages.quote(text) + ": the Prometheus plugin trims and upper-cases it, so it"
                + " works as " + read + "; the file says otherwise", "write httpMethod: " + read,
            List.of(Repair.string(pointer, read)));
      }
    });
  }

  /** isDefault, basicAuth, withCredentials, editable: raw text, interpolated, then Go's strconv.ParseBool. */
  private void bool(Source s, Field field) {
    String pointer = s.field(field);
    Optional<JsonView.Loc> found = view.loc(pointer);
    if (found.isEmpty() || found.get().go() instanceof GoValue.GoNull || found.get().raw() == null) {
      return;
    }
    JsonView.Loc loc = found.get();
    if (loc.unresolved()) {
      unchecked(pointer, loc, "Go's strconv.ParseBool must accept what it expands to, or Grafana does not start");
      return;
    }
    String text = loc.text();
    if (GoScalars.parseGoBool(text) != null) {
      return;
    }
    Optional<String> asIs = SchemaMessages.showable(view, pointer);
    out.report(Code.BOOL_NOT_PARSEBOOL, pointer, view.position(pointer),
        describeText(pointer, field.key()) + " is not a word Go's strconv.ParseBool accepts (1 t T TRUE true True 0"
            + " f F FALSE false False): Grafana stops at startup (strconv.ParseBool: parsing "
            + asIs.map(SchemaMessages::quote).orElse("…") + ": invalid syntax)",
        "write " + field.key() + ": " + asIs.map(RuleSet::truth).orElse("true") + " (or false)",
        Repairs.booleanValue(view, pointer));
  }

  /** orgId, version (and deleteDatasources orgId): raw text, interpolated, then a base-10 integer. */
  void integer(Source s, Field field) {
    String pointer = s.field(field);
    Optional<JsonView.Loc> found = view.loc(pointer);
    if (found.isEmpty() || found.get().go() instanceof GoValue.GoNull || found.get().raw() == null) {
      return;
    }
    JsonView.Loc loc = found.get();
    if (loc.unresolved()) {
      unchecked(pointer, loc, "it must expand to a base-10 integer, or Grafana does not start");
      return;
    }
    String text = loc.text();
    if (text.isEmpty() || isBase10(text)) {
      return;
    }
    Number go = GoScalars.parseGoInt(text.replace("_", ""));
    String fix = go != null && SchemaMessages.showable(view, pointer).isPresent() ? "write " + field.key() + ": " + go
        : "write " + field.key() + " as decimal digits, e.g. 1";
    out.report(Code.INT_NOT_BASE10, pointer, view.position(pointer),
        describeText(pointer, field.key()) + " is not a base-10 integer: Grafana converts it with"
            + " strconv.ParseInt(text, 10, 64) and stops at startup", fix);
  }

  private void uid(Source s) {
    String pointer = s.field(Field.UID);
    Optional<String> uid = s.text(pointer);
    if (uid.isEmpty() || uid.get().isEmpty()) {
      return;
    }
    String text = uid.get();
    boolean tooLong = text.getBytes(StandardCharsets.UTF_8).length > MAX_UID;
    boolean badChars = !UID.matcher(text).matches();
    if (!tooLong && !badChars) {
      return;
    }
    String problem = tooLong && badChars ? "is longer than " + MAX_UID + " characters and holds characters other than"
        + " a-z A-Z 0-9 - _" : tooLong ? "is longer than " + MAX_UID + " characters" : "holds characters other than a-z A-Z 0-9 - _";
    out.report(Code.UID_INVALID, pointer, view.position(pointer),
        "uid " + SchemaMessages.shown(view, pointer) + " " + problem + ": Grafana logs a warning and stores it anyway (with"
            + " the failWrongDSUID toggle on, provisioning fails)",
        "use at most " + MAX_UID + " of a-z A-Z 0-9 - _"
            + SchemaMessages.showable(view, pointer).map(t -> ", e.g. " + suggestUid(t)).orElse(""));
  }

  private static String suggestUid(String text) {
    String cleaned = text.replaceAll("[^a-zA-Z0-9\\-_]+", "-").replaceAll("^-+|-+$", "");
    if (cleaned.isEmpty()) {
      cleaned = "my-datasource";
    }
    return cleaned.length() > MAX_UID ? cleaned.substring(0, MAX_UID) : cleaned;
  }

  private void name(Source s) {
    String pointer = s.field(Field.NAME);
    Optional<JsonView.Loc> found = view.loc(pointer);
    if (found.isPresent() && found.get().unresolved()) {
      return;
    }
    boolean missing = found.isEmpty() || found.get().go() instanceof GoValue.GoNull
        || (found.get().text() != null && found.get().text().isEmpty());
    if (missing) {
      String what = found.isEmpty() ? "has no name" : found.get().changed() ? "has a name that expands to nothing"
          : "has an empty name";
      Position at = found.isEmpty() ? view.keyPosition(s.pointer) : view.position(pointer);
      out.report(Code.NAME_MISSING, pointer, at,
          SchemaMessages.subject(s.pointer) + " " + what + ": Grafana identifies data sources by (orgId, name), the"
              + " lookup fails (data source identifier not set) and provisioning aborts",
          "give it a name: name: My data source");
      return;
    }
    tooLong(s, pointer, "name", MAX_NAME_BYTES, Code.NAME_TOO_LONG, "");
  }

  private void url(Source s) {
    tooLong(s, s.field(Field.URL), "url", MAX_URL_BYTES, Code.URL_TOO_LONG, " (move query parameters into jsonData)");
  }

  /** Grafana's data source service measures names and URLs in bytes and rejects longer ones. */
  private void tooLong(Source s, String pointer, String what, int max, Code rule, String hint) {
    s.text(pointer).ifPresent(text -> {
      int bytes = text.getBytes(StandardCharsets.UTF_8).length;
      if (bytes > max) {
        out.report(rule, pointer, view.position(pointer),
            "the " + what + " is " + bytes + " bytes long, over Grafana's limit of " + max
                + " bytes: the data source service rejects it and provisioning aborts",
            "shorten the " + what + " to at most " + max + " bytes" + hint);
      }
    });
  }

  private void access(Source s) {
    String pointer = s.field(Field.ACCESS);
    s.text(pointer).ifPresent(access -> {
      if (access.isEmpty() || access.equals("proxy") || access.equals("direct")) {
        return;
      }
      out.report(Code.ACCESS_INVALID, pointer, view.position(pointer),
          "access " + SchemaMessages.shown(view, pointer) + " is neither proxy nor direct: Grafana logs \"invalid access"
              + " value, will use 'proxy' instead\" and uses proxy",
          "write access: proxy");
    });
  }

  private void misplacedKeys(Source s) {
    for (GoMap.Entry entry : s.ds.fields().entries()) {
      String key = entry.key();
      String pointer = JsonView.pointer(s.pointer, key);
      if (s.legacy() && V1_TO_V0.containsKey(key)) {
        String v0 = V1_TO_V0.get(key);
        out.report(Code.MISPLACED_KEY, pointer, view.keyPosition(pointer),
            "Grafana ignores " + key + " here: this file has no apiVersion, so Grafana reads it as version 0"
                + (v0 == null ? ", which has no " + key : ", which reads " + v0),
            v0 == null ? "add apiVersion: 1 at the top (and use camelCase keys throughout)"
                : "add apiVersion: 1 at the top (and use camelCase keys throughout), or rename it to " + v0);
      } else if (!s.legacy() && V0_TO_V1.containsKey(key)) {
        String v1 = V0_TO_V1.get(key);
        out.report(Code.MISPLACED_KEY, pointer, view.keyPosition(pointer),
            "Grafana ignores " + key + " in an apiVersion 1 file, which reads " + v1, "rename it to " + v1);
      } else if (JSON_DATA_KEYS.contains(key)) {
        String home = s.legacy() ? "json_data" : "jsonData";
        out.report(Code.MISPLACED_KEY, pointer, view.keyPosition(pointer),
            "Grafana ignores " + key + " on the data source itself: plugin settings are read only under " + home,
            "move " + key + " under " + home);
      } else if (Secrets.isSecureJsonDataKey(key)) {
        String home = s.legacy() ? "secure_json_data" : "secureJsonData";
        String normalised = Secrets.normalise(key);
        String note = normalised.equals("password") || normalised.equals("basicauthpassword")
            ? " (Grafana 9+ no longer reads a data source's own password fields)" : "";
        out.report(Code.MISPLACED_KEY, pointer, view.keyPosition(pointer),
            "Grafana ignores " + key + " on the data source itself: secrets are read only under " + home + note,
            "move " + key + " under " + home);
      }
    }
  }

  private void secrets(Source s) {
    List<String> maps = new ArrayList<>();
    maps.add(s.jsonData);
    maps.add(JsonView.pointer(s.jsonData, "azureCredentials"));
    String home = s.legacy() ? "secure_json_data" : "secureJsonData";
    for (String map : maps) {
      view.loc(map).map(JsonView.Loc::go).filter(GoMap.class::isInstance).map(GoMap.class::cast).ifPresent(json -> {
        for (GoMap.Entry entry : json.entries()) {
          String pointer = JsonView.pointer(map, entry.key());
          if (Secrets.isSecureJsonDataKey(entry.key()) && s.isSet(pointer)) {
            out.report(Code.SECRET_IN_JSON_DATA, pointer, view.keyPosition(pointer),
                entry.key() + " is a secret under " + SchemaMessages.subject(map) + ": Grafana reads it only from "
                    + home + ", so authentication does not get it, and jsonData is stored unencrypted and shown to"
                    + " everyone who can view the data source",
                "move it to " + home + "." + entry.key() + (s.legacy() ? "" : " as a $__env{NAME} or $__file{/path} reference"));
          }
        }
      });
    }
    view.loc(s.secure).map(JsonView.Loc::go).filter(GoMap.class::isInstance).map(GoMap.class::cast).ifPresent(secure -> {
      for (GoMap.Entry entry : secure.entries()) {
        String key = entry.key().toLowerCase(Locale.ROOT);
        String pointer = JsonView.pointer(s.secure, entry.key());
        JsonView.Loc loc = view.loc(pointer).orElseThrow();
        if (loc.raw() == null || loc.raw().isEmpty() || loc.go() instanceof GoValue.GoNull
            || loc.placeholder()) {
          continue;
        }
        if (key.equals("sigv4accesskey") || key.equals("accesskey")) {
          literalKey(pointer, "a literal AWS access key id (" + Secrets.redact(loc.raw()) + ")");
        } else if (key.equals("sigv4secretkey") || key.equals("secretkey")) {
          literalKey(pointer, "a literal AWS secret access key (" + Secrets.redact(loc.raw()) + ")");
        } else if (key.equals("sigv4sessiontoken") || key.equals("sessiontoken")) {
          literalKey(pointer, "a literal AWS session token (" + Secrets.redact(loc.raw()) + ")");
        }
      }
    });
  }

  private void migration(Source s) {
    PromTypeMigration.Reason reason = s.migration();
    String typePointer = s.field(Field.TYPE);
    if (reason != PromTypeMigration.Reason.NONE) {
      String target = reason.targetType().orElseThrow();
      String why = reason == PromTypeMigration.Reason.AZURE_CREDENTIALS ? "jsonData.azureCredentials is set"
          : "jsonData.sigV4Auth is true";
      out.report(Code.MIGRATION_PENDING, typePointer, view.position(typePointer),
          "Grafana's type migration moves this prometheus data source to " + target + " (" + why + ") at every"
              + " start (Grafana 13; 12 with prometheusTypeMigration), and " + view.templating().flipBack(),
          "run " + out.options().migrateCommand() + " to write type: " + target + " and the migration marker");
      versionOnMigration(s, target);
    }
    String marker = s.json(PromTypeMigration.MARKER);
    JsonNode value = s.at(marker);
    if (value.isBoolean() && value.asBoolean()) {
      out.report(Code.MIGRATED, marker, view.position(marker),
          "migrated: Grafana's type migration moved this data source from prometheus to "
              + s.type().flatMap(t -> SchemaMessages.showable(view, typePointer)).orElse("its plugin type")
              + "; the plugin's config page shows \"Data source migrated\"",
          "nothing to do; keep the marker, a rollback to core Prometheus looks for it");
    }
  }

  private void versionOnMigration(Source s, String target) {
    String pointer = s.field(Field.VERSION);
    s.text(pointer).filter(FileRules::isBase10).filter(v -> Long.parseLong(v.replace("+", "")) != 0).ifPresent(v ->
        out.report(Code.FIXED_VERSION_MIGRATED, pointer, view.position(pointer),
            "version: " + SchemaMessages.bare(view, pointer) + " is fixed on a data source whose type the migration"
                + " changes to " + target
                + ": since Grafana 10.2 a fixed version applies once and later starts skip the entry until it is"
                + " raised, while the migration resets the stored version, so the migrated file may not apply as"
                + " expected",
            "raise version when you migrate the file, or drop it"));
  }
}
