package io.promshift.rules;

import io.promshift.grafana.GoMap;
import io.promshift.grafana.GoScalars;
import io.promshift.grafana.GoValue;
import io.promshift.model.DataSource;
import io.promshift.model.Field;
import io.promshift.model.PromTypeMigration;
import io.promshift.model.ProvisioningFile;
import io.promshift.model.Secrets;
import io.promshift.text.Position;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** The rules a schema cannot express, applied to one file. */
final class FileRules {
  static final int MAX_NAME_BYTES = 190;
  static final int MAX_URL_BYTES = 255;
  static final int MAX_UID = 40;
  private static final Pattern UID = Pattern.compile("[a-zA-Z0-9\\-_]*");
  private static final Pattern BASE10 = Pattern.compile("[+-]?[0-9]+");
  /** {@code scheme://[userinfo@]aps-workspaces.<region>.amazonaws.com[.cn][:port][path]}. */
  static final Pattern AMP_URL = Pattern.compile(
      "^(?:([A-Za-z][A-Za-z0-9+.-]*):)?(?://)?(?:[^/?#@]*@)?aps-workspaces\\.([a-z0-9-]+)\\.amazonaws\\.com(?:\\.cn)?"
          + "(?::[0-9]*)?([/?#].*)?$");
  private static final Pattern API_V1_END = Pattern.compile("^[^?#]*/api/v1/*(?:[?#].*)?$");
  static final Pattern AWS_ACCESS_KEY_ID = Pattern.compile("(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])");

  static final List<String> SIGV4_KEYS = List.of(
      "sigV4AuthType", "sigV4Region", "sigV4AssumeRoleArn", "sigV4ExternalId", "sigV4Profile");
  static final List<String> SIGV4_SECURE_KEYS = List.of("sigV4AccessKey", "sigV4SecretKey", "sigV4SessionToken");
  private static final List<String> SIGV4_READ = List.of(
      "sigV4Auth", "sigV4AuthType", "sigV4Region", "sigV4AssumeRoleArn", "sigV4ExternalId", "sigV4Profile",
      "sigv4Service");
  /** Keys Grafana's SigV4 signer ignores, with the key it reads instead (null: none). */
  private static final Map<String, String> SIGV4_IGNORED = new LinkedHashMap<>();
  /** Secrets that do nothing (and sit in plain text) under jsonData. */
  private static final Set<String> JSON_DATA_SECRETS = Set.of(
      "sigv4accesskey", "sigv4secretkey", "sigv4sessiontoken", "accesskey", "secretkey", "sessiontoken",
      "azureclientsecret", "clientsecret", "certificatepassword", "privatekey", "password", "basicauthpassword");
  /** apiVersion 1 keys and their version-0 spelling. */
  private static final Map<String, String> V1_TO_V0 = new LinkedHashMap<>();
  private static final Map<String, String> V0_TO_V1 = new java.util.HashMap<>();
  /** Plugin settings Grafana reads only under jsonData. */
  private static final Set<String> JSON_DATA_KEYS = Set.of(
      "sigV4Auth", "sigV4AuthType", "sigV4Region", "sigV4AssumeRoleArn", "sigV4ExternalId", "sigV4Profile",
      "httpMethod", "timeInterval", "queryTimeout", "manageAlerts", "prometheusType", "prometheusVersion",
      "azureCredentials", "tlsSkipVerify", "tlsAuth", "tlsAuthWithCACert", "keepCookies", "oauthPassThru",
      "httpHeaderName1", "httpHeaderName2", "cacheLevel", "incrementalQuerying", "exemplarTraceIdDestinations");
  /** Secrets Grafana reads only under secureJsonData. */
  private static final Set<String> SECURE_KEYS = Set.of(
      "password", "basicAuthPassword", "sigV4AccessKey", "sigV4SecretKey", "sigV4SessionToken", "tlsCACert",
      "tlsClientCert", "tlsClientKey", "azureClientSecret", "httpHeaderValue1", "httpHeaderValue2");

  static {
    SIGV4_IGNORED.put("sigV4Endpoint", null);
    SIGV4_IGNORED.put("authType", "sigV4AuthType");
    SIGV4_IGNORED.put("defaultRegion", "sigV4Region");
    SIGV4_IGNORED.put("assumeRoleArn", "sigV4AssumeRoleArn");
    SIGV4_IGNORED.put("externalId", "sigV4ExternalId");
    SIGV4_IGNORED.put("profile", "sigV4Profile");
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

  private final ProvisioningFile file;
  private final JsonView view;
  private final Emitter out;

  FileRules(JsonView view, Emitter out) {
    this.file = view.file();
    this.view = view;
    this.out = out;
  }

  void apply() {
    apiVersion();
    topLevelKeys();
    prune();
    expansionFailures();
    placeholdersInVersionZero();
    literalAccessKeyIds();
    jsonDataWords();
    for (DataSource ds : file.dataSources()) {
      dataSource(new Source(ds, view, "datasources"));
    }
    String deletions = file.isLegacy() ? "delete_datasources" : "deleteDatasources";
    for (DataSource ds : file.deleteDataSources()) {
      Source source = new Source(ds, view, deletions);
      if (!source.legacy()) {
        integer(source, Field.ORG_ID);
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
      String message = number != null
          ? "apiVersion is the string " + SchemaMessages.quote(text) + ", not the integer " + number
              + ": Grafana decodes apiVersion into an int64 and does not start"
          : "apiVersion is the string " + SchemaMessages.quote(text) + ", not an integer: Grafana decodes apiVersion"
              + " into an int64 and does not start";
      out.report(RuleCatalog.API_VERSION_QUOTED, "/apiVersion", view.position("/apiVersion"), message,
          "write apiVersion: 1 without quotes");
    });
  }

  private void topLevelKeys() {
    String ignored = file.isLegacy() ? "deleteDatasources" : "delete_datasources";
    String read = file.isLegacy() ? "delete_datasources" : "deleteDatasources";
    if (view.has("/" + ignored)) {
      String why = file.isLegacy()
          ? "this file has no apiVersion, so Grafana reads it as version 0, which deletes only delete_datasources"
          : "an apiVersion 1 file deletes only deleteDatasources";
      out.report(RuleCatalog.MISPLACED_KEY, "/" + ignored, view.keyPosition("/" + ignored),
          "Grafana ignores " + ignored + " here: " + why + "; nothing is deleted",
          file.isLegacy() ? "add apiVersion: 1 at the top (and camelCase keys), or rename it to " + read
              : "rename it to " + read);
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
        out.report(RuleCatalog.EXPANSION_FAILED, entry.getKey(), view.position(entry.getKey()),
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
      if (loc.placeholder() && loc.go() instanceof GoValue.GoString
          && (pointer.startsWith("/datasources/") || pointer.startsWith("/delete_datasources/"))) {
        out.report(RuleCatalog.PLACEHOLDER_NOT_EXPANDED, pointer, view.position(pointer),
            SchemaMessages.subject(pointer) + " holds the placeholder " + SchemaMessages.quote(loc.raw())
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
        && JSON_DATA_SECRETS.contains(JsonView.lastKey(pointer).toLowerCase(Locale.ROOT));
  }

  private static boolean isSecureAccessKey(String pointer) {
    String key = JsonView.lastKey(pointer).toLowerCase(Locale.ROOT);
    return (pointer.contains("/secureJsonData/") || pointer.contains("/secure_json_data/"))
        && (key.equals("sigv4accesskey") || key.equals("accesskey"));
  }

  private void literalKey(String pointer, String what) {
    String how = file.isLegacy()
        ? "this version-0 file is not interpolated: add apiVersion: 1 and use $__env{NAME} or $__file{/path}"
        : "use $__env{NAME} or $__file{/path} instead";
    out.report(RuleCatalog.LITERAL_AWS_KEY, pointer, view.position(pointer),
        SchemaMessages.subject(pointer) + " holds " + what + " in plain text: it works, but every copy of this"
            + " file carries the credential", how);
  }

  // ------------------------------------------------------------------------------------------ one data source

  private void dataSource(Source s) {
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
    misplacedKeys(s);
    sigV4(s);
    ampUrl(s);
    secrets(s);
    migration(s);
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
    String what = describeText(loc, field.key());
    out.report(RuleCatalog.BOOL_NOT_PARSEBOOL, pointer, view.position(pointer),
        what + " is not a word Go's strconv.ParseBool accepts (1 t T TRUE true True 0 f F FALSE false False):"
            + " Grafana stops at startup (strconv.ParseBool: parsing "
            + (loc.changed() ? "…" : SchemaMessages.quote(text)) + ": invalid syntax)",
        "write " + field.key() + ": " + truth(text) + " (or false)");
  }

  /** orgId, version (and deleteDatasources orgId): raw text, interpolated, then a base-10 integer. */
  private void integer(Source s, Field field) {
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
    String fix = go != null && !loc.changed() ? "write " + field.key() + ": " + go
        : "write " + field.key() + " as decimal digits, e.g. 1";
    out.report(RuleCatalog.INT_NOT_BASE10, pointer, view.position(pointer),
        describeText(loc, field.key()) + " is not a base-10 integer: Grafana converts it with"
            + " strconv.ParseInt(text, 10, 64) and stops at startup", fix);
  }

  static boolean isBase10(String text) {
    if (!BASE10.matcher(text).matches()) {
      return false;
    }
    try {
      Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private void unchecked(String pointer, JsonView.Loc loc, String requirement) {
    out.report(RuleCatalog.PLACEHOLDER_UNCHECKED, pointer, view.position(pointer),
        SchemaMessages.subject(pointer) + " is the placeholder " + SchemaMessages.quote(loc.raw())
            + ", decided when Grafana starts: " + requirement,
        "validate with the environment Grafana runs with (--env-file) to check the value");
  }

  private static String describeText(JsonView.Loc loc, String key) {
    if (loc.changed()) {
      return key + " " + SchemaMessages.quote(loc.raw()) + " expands to text that"; // the environment may hold secrets
    }
    return key + ": " + (loc.text().isEmpty() ? "\"\" (empty)" : loc.text());
  }

  private static String truth(String text) {
    String lower = text.strip().toLowerCase(Locale.ROOT);
    boolean yes = lower.equals("y") || lower.equals("yes") || lower.equals("on") || lower.equals("true");
    return yes || !(lower.equals("n") || lower.equals("no") || lower.equals("off")) ? "true" : "false";
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
    out.report(RuleCatalog.UID_INVALID, pointer, view.position(pointer),
        "uid " + SchemaMessages.shown(view, pointer, text) + " " + problem + ": Grafana logs a warning and stores it anyway (with"
            + " the failWrongDSUID toggle on, provisioning fails)",
        "use at most " + MAX_UID + " of a-z A-Z 0-9 - _"
            + (view.loc(pointer).filter(JsonView.Loc::changed).isPresent() ? "" : ", e.g. " + suggestUid(text)));
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
      out.report(RuleCatalog.NAME_MISSING, pointer, at,
          SchemaMessages.subject(s.pointer) + " " + what + ": Grafana identifies data sources by (orgId, name), the"
              + " lookup fails (data source identifier not set) and provisioning aborts",
          "give it a name: name: My data source");
      return;
    }
    s.text(pointer).ifPresent(name -> {
      int bytes = name.getBytes(StandardCharsets.UTF_8).length;
      if (bytes > MAX_NAME_BYTES) {
        out.report(RuleCatalog.NAME_TOO_LONG, pointer, view.position(pointer),
            "the name is " + bytes + " bytes long, over Grafana's limit of " + MAX_NAME_BYTES
                + " bytes: the data source service rejects it and provisioning aborts",
            "shorten the name to at most " + MAX_NAME_BYTES + " bytes");
      }
    });
  }

  private void url(Source s) {
    String pointer = s.field(Field.URL);
    s.text(pointer).ifPresent(url -> {
      int bytes = url.getBytes(StandardCharsets.UTF_8).length;
      if (bytes > MAX_URL_BYTES) {
        out.report(RuleCatalog.URL_TOO_LONG, pointer, view.position(pointer),
            "the url is " + bytes + " bytes long, over Grafana's limit of " + MAX_URL_BYTES
                + " bytes: the data source service rejects it and provisioning aborts",
            "shorten the url to at most " + MAX_URL_BYTES + " bytes (move query parameters into jsonData)");
      }
    });
  }

  private void access(Source s) {
    String pointer = s.field(Field.ACCESS);
    s.text(pointer).ifPresent(access -> {
      if (access.isEmpty() || access.equals("proxy") || access.equals("direct")) {
        return;
      }
      out.report(RuleCatalog.ACCESS_INVALID, pointer, view.position(pointer),
          "access " + SchemaMessages.shown(view, pointer, access) + " is neither proxy nor direct: Grafana logs \"invalid access"
              + " value, will use 'proxy' instead\" and uses proxy",
          "write access: proxy");
    });
  }

  // ------------------------------------------------------------------------------------------ keys in the wrong place

  private void misplacedKeys(Source s) {
    for (GoMap.Entry entry : s.ds.fields().entries()) {
      String key = entry.key();
      String pointer = JsonView.pointer(s.pointer, key);
      if (s.legacy() && V1_TO_V0.containsKey(key)) {
        String v0 = V1_TO_V0.get(key);
        out.report(RuleCatalog.MISPLACED_KEY, pointer, view.keyPosition(pointer),
            "Grafana ignores " + key + " here: this file has no apiVersion, so Grafana reads it as version 0"
                + (v0 == null ? ", which has no " + key : ", which reads " + v0),
            v0 == null ? "add apiVersion: 1 at the top (and use camelCase keys throughout)"
                : "add apiVersion: 1 at the top (and use camelCase keys throughout), or rename it to " + v0);
      } else if (!s.legacy() && V0_TO_V1.containsKey(key)) {
        String v1 = V0_TO_V1.get(key);
        out.report(RuleCatalog.MISPLACED_KEY, pointer, view.keyPosition(pointer),
            "Grafana ignores " + key + " in an apiVersion 1 file, which reads " + v1, "rename it to " + v1);
      } else if (JSON_DATA_KEYS.contains(key)) {
        String home = s.legacy() ? "json_data" : "jsonData";
        out.report(RuleCatalog.MISPLACED_KEY, pointer, view.keyPosition(pointer),
            "Grafana ignores " + key + " on the data source itself: plugin settings are read only under " + home,
            "move " + key + " under " + home);
      } else if (SECURE_KEYS.contains(key)) {
        String home = s.legacy() ? "secure_json_data" : "secureJsonData";
        String note = key.equals("password") || key.equals("basicAuthPassword")
            ? " (Grafana 9+ no longer reads a data source's own password fields)" : "";
        out.report(RuleCatalog.MISPLACED_KEY, pointer, view.keyPosition(pointer),
            "Grafana ignores " + key + " on the data source itself: secrets are read only under " + home + note,
            "move " + key + " under " + home);
      }
    }
  }

  // ------------------------------------------------------------------------------------------ SigV4

  private void sigV4(Source s) {
    Source.Signing signing = s.signing();
    String auth = s.json("sigV4Auth");
    boolean amazon = s.isAmazon();
    if (signing == Source.Signing.NOT_BOOLEAN) {
      JsonView.Loc loc = view.loc(auth).orElseThrow();
      out.report(RuleCatalog.SIGV4_AUTH_NOT_BOOLEAN, auth, view.position(auth),
          "sigV4Auth is " + describeNonBoolean(loc, s.at(auth)) + ", not the boolean true: Grafana 9.4+ does not sign"
              + " the requests and its type migration skips this data source",
          "write sigV4Auth: true (unquoted)");
    } else if (signing == Source.Signing.UNKNOWN) {
      unchecked(auth, view.loc(auth).orElseThrow(), "only an expansion to true (or True, TRUE) turns signing on and"
          + " makes Grafana's type migration move it");
    }
    if (amazon && (signing == Source.Signing.MISSING || signing == Source.Signing.OFF
        || signing == Source.Signing.NOT_BOOLEAN)) {
      String state = switch (signing) {
        case MISSING -> "has no jsonData.sigV4Auth";
        case OFF -> "has sigV4Auth: false";
        default -> "has sigV4Auth " + describeNonBoolean(view.loc(auth).orElseThrow(), s.at(auth)) + ", not the boolean true";
      };
      Position at = s.has(s.jsonData) || s.has(auth) ? view.position(auth) : view.position(s.field(Field.TYPE));
      Optional<String> host = s.text(Field.URL).map(FileRules::host);
      if (host.isPresent() && !host.get().isEmpty() && !isAwsHost(host.get())) {
        // a plain Prometheus or a SigV4 proxy in front of AMP: unsigned may be what is meant
        out.report(RuleCatalog.AMP_UNSIGNED, Severity.WARNING, auth, at,
            "this " + PromTypeMigration.AMAZON + " data source " + state + ": its requests to " + host.get()
                + " go out unsigned, which works only if that host is not AWS or signs them itself (a SigV4 proxy)",
            "add sigV4Auth: true under jsonData, unless " + host.get() + " signs the requests itself");
      } else {
        out.report(RuleCatalog.AMP_UNSIGNED, auth, at,
            "this " + PromTypeMigration.AMAZON + " data source " + state + ": the plugin does not turn SigV4 on by"
                + " itself, so its requests go out unsigned and AWS rejects them (403)",
            "add sigV4Auth: true under jsonData");
      }
    }
    if (signing == Source.Signing.ON) {
      String region = s.json("sigV4Region");
      Optional<JsonView.Loc> loc = view.loc(region);
      boolean missing = loc.isEmpty() || loc.get().go() instanceof GoValue.GoNull
          || (loc.get().text() != null && loc.get().text().isEmpty());
      if (!s.unresolved(region) && missing) {
        String what = !s.has(region) ? "there is no sigV4Region"
            : view.loc(region).orElseThrow().changed() ? "sigV4Region expands to nothing" : "sigV4Region is empty";
        String hint = urlRegion(s).map(r -> "sigV4Region: " + r + " (the workspace URL's region)")
            .orElse("sigV4Region: <the workspace's region>, e.g. us-east-1");
        out.report(RuleCatalog.SIGV4_REGION_MISSING, region, view.position(region),
            "sigV4Auth is true but " + what + ": requests are signed for the region as given, so signing fails and"
                + " every query fails", "add " + hint);
      }
    }
    if ((signing == Source.Signing.OFF || signing == Source.Signing.MISSING) && !amazon) {
      List<String> present = new ArrayList<>();
      String first = null;
      for (String key : SIGV4_KEYS) {
        if (s.isSet(s.json(key))) {
          present.add(key);
          first = first == null ? s.json(key) : first;
        }
      }
      for (String key : SIGV4_SECURE_KEYS) {
        if (s.isSet(s.secure(key))) {
          present.add(key);
          first = first == null ? s.secure(key) : first;
        }
      }
      if (!present.isEmpty()) {
        String pointer = signing == Source.Signing.OFF ? auth : first;
        Position at = signing == Source.Signing.OFF ? view.position(auth) : view.keyPosition(first);
        out.report(RuleCatalog.SIGV4_KEYS_WHILE_OFF, pointer, at,
            SchemaMessages.join(present, "and") + (present.size() == 1 ? " is" : " are") + " set, but "
                + (signing == Source.Signing.OFF ? "sigV4Auth is false" : "there is no sigV4Auth: true")
                + ": Grafana reads SigV4 settings only when signing is on, so requests go out unsigned",
            "add sigV4Auth: true under jsonData to sign, or remove the SigV4 settings");
      }
    }
    if (signing == Source.Signing.ON || signing == Source.Signing.UNKNOWN || amazon) {
      String type = s.json("sigV4AuthType");
      s.text(type).filter(t -> t.equals("ec2_iam_role") || t.equals("grafana_assume_role")).ifPresent(t ->
          out.report(RuleCatalog.SIGV4_AUTH_TYPE_PROVIDER, type, view.position(type),
              "sigV4AuthType " + t + " works only when Grafana's [aws] allowed_auth_providers lists " + t
                  + " (the default is default,keys,credentials); otherwise every query fails with \"trying to use"
                  + " non-allowed auth method " + t + "\"",
              "add " + t + " to allowed_auth_providers in grafana.ini's [aws] section, or use sigV4AuthType: default"));
    }
    boolean signs = amazon || signing == Source.Signing.ON || signing == Source.Signing.UNKNOWN
        || signing == Source.Signing.NOT_BOOLEAN;
    if (signs) {
      ignoredKeys(s);
    }
  }

  private static final Pattern HOST = Pattern.compile("^(?:[A-Za-z][A-Za-z0-9+.-]*:)?(?://)?(?:[^/?#@]*@)?([^/?#:]*)");

  /** The host of a URL as written (empty when there is none to see). */
  static String host(String url) {
    Matcher m = HOST.matcher(url.strip());
    return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : "";
  }

  static boolean isAwsHost(String host) {
    return host.endsWith(".amazonaws.com") || host.endsWith(".amazonaws.com.cn") || host.endsWith(".api.aws");
  }

  private String describeNonBoolean(JsonView.Loc loc, JsonNode value) {
    if (loc.go() instanceof GoValue.GoNull) {
      return "null";
    }
    if (file.isLegacy() && loc.placeholder()) {
      return "the placeholder " + SchemaMessages.quote(loc.raw()) + ", which a version-0 file (no apiVersion) does not"
          + " expand: the string " + SchemaMessages.quote(loc.raw());
    }
    if (loc.changed()) {
      return SchemaMessages.quote(loc.raw()) + " (as expanded, a string)";
    }
    if (loc.go() instanceof GoValue.GoString string) {
      if (string.yaml11BoolWord()) {
        return string.value() + ", a YAML 1.1 word that Grafana 9.4+ (go-yaml v3) reads as the string "
            + SchemaMessages.quote(string.value());
      }
      return "the string " + SchemaMessages.quote(string.value());
    }
    if (value.isObject() || value.isArray()) {
      return value.isObject() ? "a map" : "a list";
    }
    return "the " + loc.go().kindName() + " " + value.asString();
  }

  private void ignoredKeys(Source s) {
    if (!s.has(s.jsonData)) {
      return;
    }
    view.loc(s.jsonData).map(JsonView.Loc::go).filter(GoMap.class::isInstance).map(GoMap.class::cast)
        .ifPresent(json -> {
          for (GoMap.Entry entry : json.entries()) {
            String key = entry.key();
            String right = null;
            boolean known = false;
            if (SIGV4_IGNORED.containsKey(key)) {
              right = SIGV4_IGNORED.get(key);
              known = true;
            } else {
              for (String read : SIGV4_READ) {
                if (!read.equals(key) && read.equalsIgnoreCase(key)) {
                  right = read;
                  known = true;
                }
              }
            }
            if (known) {
              ignored(s, JsonView.pointer(s.jsonData, key), key, right);
            }
          }
        });
    view.loc(s.secure).map(JsonView.Loc::go).filter(GoMap.class::isInstance).map(GoMap.class::cast)
        .ifPresent(secure -> {
          for (GoMap.Entry entry : secure.entries()) {
            String key = entry.key();
            String right = null;
            if (key.equals("accessKey")) {
              right = "sigV4AccessKey";
            } else if (key.equals("secretKey")) {
              right = "sigV4SecretKey";
            } else if (key.equals("sessionToken")) {
              right = "sigV4SessionToken";
            } else {
              for (String read : SIGV4_SECURE_KEYS) {
                if (!read.equals(key) && read.equalsIgnoreCase(key)) {
                  right = read;
                }
              }
            }
            if (right != null) {
              ignored(s, JsonView.pointer(s.secure, key), key, right);
            }
          }
        });
  }

  private void ignored(Source s, String pointer, String key, String right) {
    String message;
    String fix;
    if (right == null) {
      message = "Grafana's SigV4 signer does not read " + key + ": the endpoint comes from the data source's url";
      fix = "remove " + key;
    } else {
      boolean both = s.has(JsonView.pointer(JsonView.parent(pointer), right));
      message = "Grafana's SigV4 signer does not read " + key + "; it reads " + right
          + (both ? " (also set here), so " + key + " does nothing" : ", which is not set");
      fix = both ? "remove " + key : "rename " + key + " to " + right;
    }
    out.report(RuleCatalog.SIGV4_IGNORED_KEY, pointer, view.keyPosition(pointer), message, fix);
  }

  // ------------------------------------------------------------------------------------------ URLs and access

  /** The region of an AMP workspace URL written in the file (not one that came from the environment). */
  private Optional<String> urlRegion(Source s) {
    if (view.loc(s.field(Field.URL)).filter(JsonView.Loc::changed).isPresent()) {
      return Optional.empty();
    }
    return s.text(Field.URL).map(AMP_URL::matcher).filter(Matcher::matches).map(m -> m.group(2));
  }

  private void ampUrl(Source s) {
    String urlPointer = s.field(Field.URL);
    Optional<String> url = s.text(urlPointer);
    Source.Signing signing = s.signing();
    if (url.isPresent()) {
      Matcher amp = AMP_URL.matcher(url.get());
      boolean isAmp = amp.matches();
      if (isAmp) {
        String scheme = amp.group(1);
        if (scheme == null || !scheme.equalsIgnoreCase("https")) {
          out.report(RuleCatalog.AMP_URL_NOT_HTTPS, urlPointer, view.position(urlPointer),
              "the Amazon Managed Service for Prometheus workspace URL " + (scheme == null ? "has no scheme"
                  : "uses " + scheme + "://") + ": AMP answers only on https, so every query fails",
              "write the url as https://aps-workspaces." + amp.group(2) + ".amazonaws.com/workspaces/<workspace-id>/");
        }
        String regionPointer = s.json("sigV4Region");
        String urlRegion = amp.group(2);
        boolean signs = s.isAmazon() || signing == Source.Signing.ON || signing == Source.Signing.UNKNOWN
            || signing == Source.Signing.NOT_BOOLEAN;
        boolean urlExpanded = view.loc(urlPointer).filter(JsonView.Loc::changed).isPresent();
        s.text(regionPointer).filter(r -> signs && !r.isEmpty() && !r.equals(urlRegion)).ifPresent(region ->
            out.report(RuleCatalog.AMP_URL_REGION_MISMATCH, regionPointer, view.position(regionPointer),
                "sigV4Region " + SchemaMessages.shown(view, regionPointer, region) + " and the workspace URL"
                    + (urlExpanded ? " (as expanded)" : " (" + urlRegion + ")") + " name different regions:"
                    + " requests are signed for the wrong region and AWS rejects the signature",
                urlExpanded ? "make sigV4Region and the workspace URL name the same region"
                    : "write sigV4Region: " + urlRegion + " (or correct the url)"));
      }
      if ((isAmp || s.isPrometheusFamily()) && API_V1_END.matcher(url.get()).matches()) {
        out.report(RuleCatalog.AMP_URL_API_V1, urlPointer, view.position(urlPointer),
            "the url already ends in /api/v1: the Prometheus plugin appends /api/v1/query itself, so the path"
                + " doubles (/api/v1/api/v1/query) and every query fails with 404",
            "remove /api/v1 from the end of the url");
      }
    }
    String accessPointer = s.field(Field.ACCESS);
    s.text(accessPointer).filter("direct"::equals).ifPresent(a -> {
      if (s.isAmazon() || signing == Source.Signing.ON) {
        out.report(RuleCatalog.ACCESS_DIRECT_SIGNED, accessPointer, view.position(accessPointer),
            "access: direct makes the browser send the requests, and only Grafana's server can sign them with"
                + " SigV4: the requests go out unsigned and AWS rejects them",
            "write access: proxy");
      }
    });
  }

  // ------------------------------------------------------------------------------------------ credentials

  private void secrets(Source s) {
    List<String> maps = new ArrayList<>();
    maps.add(s.jsonData);
    maps.add(JsonView.pointer(s.jsonData, "azureCredentials"));
    String home = s.legacy() ? "secure_json_data" : "secureJsonData";
    for (String map : maps) {
      view.loc(map).map(JsonView.Loc::go).filter(GoMap.class::isInstance).map(GoMap.class::cast).ifPresent(json -> {
        for (GoMap.Entry entry : json.entries()) {
          String pointer = JsonView.pointer(map, entry.key());
          if (JSON_DATA_SECRETS.contains(entry.key().toLowerCase(Locale.ROOT)) && s.isSet(pointer)) {
            out.report(RuleCatalog.SECRET_IN_JSON_DATA, pointer, view.keyPosition(pointer),
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

  // ------------------------------------------------------------------------------------------ migration state

  private void migration(Source s) {
    PromTypeMigration.Reason reason = s.migration();
    String typePointer = s.field(Field.TYPE);
    if (reason != PromTypeMigration.Reason.NONE) {
      String target = reason.targetType().orElseThrow();
      String why = reason == PromTypeMigration.Reason.AZURE_CREDENTIALS ? "jsonData.azureCredentials is set"
          : "jsonData.sigV4Auth is true";
      out.report(RuleCatalog.MIGRATION_PENDING, typePointer, view.position(typePointer),
          "Grafana's type migration moves this prometheus data source to " + target + " (" + why + ") at every"
              + " start (Grafana 13; 12 with prometheusTypeMigration), and this file, still saying type: prometheus,"
              + " flips it back at the next start",
          "run promshift migrate to write type: " + target + " and the migration marker");
      versionOnMigration(s, target);
    }
    String marker = s.json(PromTypeMigration.MARKER);
    JsonNode value = s.at(marker);
    if (value.isBoolean() && value.asBoolean()) {
      out.report(RuleCatalog.MIGRATED, marker, view.position(marker),
          "migrated: Grafana's type migration moved this data source from prometheus to "
              + s.type().orElse("its plugin type") + "; the plugin's config page shows \"Data source migrated\"",
          "nothing to do; keep the marker, a rollback to core Prometheus looks for it");
    }
  }

  private void versionOnMigration(Source s, String target) {
    String pointer = s.field(Field.VERSION);
    s.text(pointer).filter(FileRules::isBase10).filter(v -> Long.parseLong(v.replace("+", "")) != 0).ifPresent(v ->
        out.report(RuleCatalog.FIXED_VERSION_MIGRATED, pointer, view.position(pointer),
            "version: " + v + " is fixed on a data source whose type the migration changes to " + target
                + ": since Grafana 10.2 a fixed version applies once and later starts skip the entry until it is"
                + " raised, while the migration resets the stored version, so the migrated file may not apply as"
                + " expected",
            "raise version when you migrate the file, or drop it"));
  }

  // ------------------------------------------------------------------------------------------ YAML 1.1 words

  private static final Pattern JSON_LEAF = Pattern.compile("^/datasources/[0-9]+/(?:jsonData|json_data|correlations)/.*");
  private static final Pattern SIGV4_AUTH = Pattern.compile("^/datasources/[0-9]+/(?:jsonData|json_data)/sigV4Auth$");

  /** YAML 1.1 words in jsonData and correlations (sigV4Auth has its own rule). */
  private void jsonDataWords() {
    for (Map.Entry<String, JsonView.Loc> entry : view.locations()) {
      String pointer = entry.getKey();
      if (!(entry.getValue().go() instanceof GoValue.GoString string) || !string.yaml11BoolWord()
          || !JSON_LEAF.matcher(pointer).matches() || SIGV4_AUTH.matcher(pointer).matches()) {
        continue;
      }
      if (file.isLegacy() ? pointer.contains("/jsonData/") : pointer.contains("/json_data/")) {
        continue; // a key Grafana ignores in this version
      }
      out.report(RuleCatalog.YAML11_BOOL, pointer, view.position(pointer),
          SchemaMessages.subject(pointer) + ": " + string.value() + " is a YAML 1.1 word that Grafana 9.4+"
              + " (go-yaml v3) reads as the string " + SchemaMessages.quote(string.value()) + ", not a boolean",
          "write " + JsonView.lastKey(pointer) + ": " + truth(string.value())
              + " (or quote it if the plugin expects text)");
    }
  }

  private void yaml11Word(String pointer, String why) {
    if (pointer == null) {
      return;
    }
    view.loc(pointer).ifPresent(loc -> {
      if (loc.go() instanceof GoValue.GoString string && string.yaml11BoolWord()) {
        out.report(RuleCatalog.YAML11_BOOL, pointer, view.position(pointer),
            SchemaMessages.subject(pointer) + ": " + string.value() + " is a YAML 1.1 word; " + why + " as "
                + truth(string.value()) + ", but in jsonData the same word is a string",
            "write " + JsonView.lastKey(pointer) + ": " + truth(string.value()));
      }
    });
  }
}
