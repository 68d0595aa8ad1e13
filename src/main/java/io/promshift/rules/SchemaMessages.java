package io.promshift.rules;

import com.networknt.schema.Error;
import io.promshift.grafana.GoScalars;
import io.promshift.grafana.GoValue;
import io.promshift.model.Secrets;
import io.promshift.text.Position;
import io.promshift.text.Printable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Turns the schema's errors at one instance location into findings a person reads: what the value is, what
 * would have been accepted, and what Grafana does with it. Every value a finding quotes goes through
 * {@link #showing}: secrets are never shown, and a value that came from interpolation only as its placeholder.
 */
final class SchemaMessages {
  private static final int SHOWN = 60;
  private static final Pattern DATA_SOURCE = Pattern.compile("^/datasources/([0-9]+)$");
  private final JsonView view;
  private final JsonNode schema;

  SchemaMessages(JsonView view, JsonNode schema) {
    this.view = view;
    this.schema = schema;
  }

  List<Diagnostic> describe(String location, List<Error> errors) {
    List<Diagnostic> findings = new ArrayList<>();
    // required: one finding per required list (each says why), at the key of the mapping that lacks them
    Map<String, List<String>> missing = new LinkedHashMap<>();
    List<Error> others = new ArrayList<>();
    for (Error error : errors) {
      if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
        missing.computeIfAbsent(fragment(error), k -> new ArrayList<>()).add(error.getProperty());
      } else {
        others.add(error);
      }
    }
    missing.forEach((schemaAt, properties) -> findings.add(required(location, schemaAt, properties)));
    if (!others.isEmpty()) {
      findings.add(value(location, others));
    }
    return findings;
  }

  // ------------------------------------------------------------------------------------------ missing properties

  private Diagnostic required(String location, String schemaAt, List<String> properties) {
    String pointer = JsonView.pointer(location, properties.get(0));
    String names = join(properties, "and");
    String where = where(location);
    String why = comment(schemaAt);
    String consequence;
    if (why != null && why.contains("sigV4")) {
      consequence = "SigV4 signing fails on every query";
    } else if ((why != null && why.contains("Azure")) || schemaAt.startsWith("/$defs/azureCredentials")) {
      consequence = "Azure authentication fails (grafana-azure-sdk-go refuses these credentials)";
    } else if (location.startsWith("/deleteDatasources/") || location.startsWith("/delete_datasources/")) {
      consequence = "Grafana matches the data source to delete by (orgId, name) and has nothing to match";
    } else {
      consequence = consequence(pointer, schemaAt, null);
    }
    String message = (why != null ? why + "; " : "") + where + " has no " + names + ": " + consequence;
    return finding(pointer, view.keyPosition(location), message, "add " + names + " to " + where);
  }

  /** Where something is missing: a data source by its name, anything else by its path. */
  private String where(String location) {
    Matcher m = DATA_SOURCE.matcher(location);
    if (m.matches()) {
      int index = Integer.parseInt(m.group(1));
      return view.file().dataSources().stream().filter(ds -> ds.index() == index).findFirst()
          .map(ds -> "data source " + ds.label()).orElse(subject(location));
    }
    return location.isEmpty() ? "the file" : subject(location);
  }

  /** The {@code $comment} of the nearest enclosing schema (an allOf branch says why it requires something). */
  private String comment(String fragment) {
    String at = fragment;
    while (!at.isEmpty()) {
      JsonNode node = schema.at(at);
      if (node.has("$comment")) {
        return node.get("$comment").asString();
      }
      at = at.substring(0, at.lastIndexOf('/'));
    }
    return null;
  }

  // ------------------------------------------------------------------------------------------ wrong values

  private Diagnostic value(String location, List<Error> errors) {
    JsonNode instance = errors.get(0).getInstanceNode();
    String shown = show(location, instance);
    // anyOf branches: one alternative per branch; everything else: one phrase per error
    Map<String, Map<String, List<Error>>> anyOfs = new LinkedHashMap<>();
    List<Error> singles = new ArrayList<>();
    for (Error error : errors) {
      String path = error.getEvaluationPath().toString();
      int anyOf = path.lastIndexOf("/anyOf/");
      if (anyOf >= 0) {
        String rest = path.substring(anyOf + 7);
        String branch = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
        anyOfs.computeIfAbsent(path.substring(0, anyOf), k -> new LinkedHashMap<>())
            .computeIfAbsent(branch, k -> new ArrayList<>()).add(error);
      } else {
        singles.add(error);
      }
    }
    Set<String> problems = new LinkedHashSet<>();
    Set<String> accepted = new LinkedHashSet<>();
    for (Map<String, List<Error>> branches : anyOfs.values()) {
      List<String> alternatives = new ArrayList<>();
      for (List<Error> branch : branches.values()) {
        String alternative = alternative(branch.get(0));
        if (alternative != null && !alternative.equals("\"\"") && !alternatives.contains(alternative)) {
          alternatives.add(alternative);
        }
      }
      if (!alternatives.isEmpty()) {
        accepted.addAll(alternatives);
        problems.add("is " + shown + ", expected " + join(alternatives, "or"));
      }
    }
    for (Error error : singles) {
      problems.add(phrase(error, shown, accepted));
    }
    String schemaAt = fragment(errors.get(0));
    String message = subject(location) + " " + String.join("; ", problems) + ": "
        + consequence(location, schemaAt, instance);
    return finding(location, view.position(location), message, fix(location, schemaAt, instance, accepted),
        Repairs.typedValue(view, location, accepted));
  }

  /** What an anyOf branch would have accepted, in words; null for the placeholder branch (said separately). */
  private String alternative(Error error) {
    String fragment = fragment(error);
    if (fragment.startsWith("/$defs/placeholder/")) {
      return null;
    }
    for (String def : List.of("awsRegion", "iamRoleArn")) {
      if (fragment.startsWith("/$defs/" + def + "/")) {
        return article(schema.at("/$defs/" + def + "/title").asString()) + " such as " + example(def);
      }
    }
    JsonNode branch = schema.at(fragment.substring(0, fragment.lastIndexOf('/')));
    switch (error.getKeyword()) {
      case "const":
        return quote(error.getSchemaNode());
      case "enum":
        return enumeration(error.getSchemaNode());
      case "type":
        return types(error.getSchemaNode());
      default:
        if (branch.has("title")) {
          return branch.get("title").asString();
        }
        return error.getMessage();
    }
  }

  private static String example(String def) {
    return def.equals("awsRegion") ? "us-east-1" : "arn:aws:iam::123456789012:role/grafana";
  }

  /** One error that is not an anyOf branch. */
  private String phrase(Error error, String shown, Set<String> accepted) {
    JsonNode node = error.getSchemaNode();
    String fragment = fragment(error);
    switch (error.getKeyword()) {
      case "type":
        accepted.add(types(node));
        return "is " + shown + ", expected " + types(node);
      case "const":
        accepted.add(quote(node));
        return "is " + shown + ", expected " + quote(node);
      case "enum":
        accepted.add(enumeration(node));
        return "is " + shown + ", expected " + enumeration(node);
      case "minLength":
        return node.asInt() <= 1 ? "is empty" : "is shorter than " + node.asInt() + " characters";
      case "maxLength":
        return "is longer than " + node.asInt() + " characters";
      case "minimum":
        return "is " + shown + ", below the minimum " + node.asString();
      case "maximum":
        return "is " + shown + ", above the maximum " + node.asString();
      case "exclusiveMaximum":
        return "is " + shown + ", expected less than " + node.asString();
      case "pattern": {
        JsonNode owner = schema.at(fragment.substring(0, fragment.lastIndexOf('/')));
        String what = owner.has("title") ? article(owner.get("title").asString()) : "text matching " + node.asString();
        accepted.add(what);
        return "is " + shown + ", not " + what;
      }
      case "not": {
        if (fragment.startsWith("/$defs/literal/")) {
          return "is " + shown + ", a placeholder in a version-0 file, where Grafana does not expand placeholders";
        }
        if (node.has("const") && node.get("const").isString() && node.get("const").asString().isEmpty()) {
          return "is empty";
        }
        return "is " + shown + ", which is not allowed here";
      }
      default:
        return error.getMessage();
    }
  }

  // ------------------------------------------------------------------------------------------ what Grafana does

  /** What Grafana does with such a value, chosen by where the schema said it. */
  private String consequence(String pointer, String schemaAt, JsonNode instance) {
    String key = JsonView.lastKey(pointer);
    if (schemaAt.startsWith("/$defs/literal") || schemaAt.startsWith("/$defs/jsonDataV0")
        || schemaAt.startsWith("/$defs/prometheusJsonDataV0")) {
      return "the plugin receives the placeholder as literal text";
    }
    if (schemaAt.contains("/secureJsonData") || schemaAt.startsWith("/$defs/secureValue")
        || schemaAt.contains("/secure_json_data")) {
      if (schemaAt.endsWith("/required") || schemaAt.contains("/not")) {
        return "authentication fails without it";
      }
      return "Grafana reads secureJsonData as a map of strings: a nested map or list is a fatal type error and"
          + " Grafana does not start";
    }
    if (schemaAt.contains("/allOf/") && schemaAt.endsWith("/required") && schemaAt.contains("$defs/dataSource")) {
      return "authentication fails without it";
    }
    if (key.equals("httpMethod")) {
      return "the Prometheus plugin trims and upper-cases it, and any method but GET or POST fails every query";
    }
    if (schemaAt.startsWith("/$defs/prometheusJsonData")) {
      return "the Prometheus plugin decodes jsonData into typed fields, so every query fails"
          + " (\"error unmarshalling JSONData\")";
    }
    switch (key) {
      case "sigV4AuthType":
        return "SigV4 signing fails on every query (\"unknown auth type"
            + (instance != null && instance.isString() ? showable(view, pointer).map(t -> ": " + t).orElse("") : "")
            + "\")";
      case "sigV4Region":
        return "requests are signed for the region exactly as written, and AWS rejects the signature";
      case "sigV4AssumeRoleArn":
        return "assuming the role fails on every query";
      case "sigV4Auth":
        return "Grafana 9.4+ does not sign the requests and its type migration skips this data source";
      case "sigV4ExternalId":
      case "sigV4Profile":
      case "sigv4Service":
        return "the plugin SDK reads it only as a string and ignores this value";
      case "prometheus-type-migration":
        return "the migration marker is the JSON boolean true; Grafana's rollback looks for exactly that";
      default:
        break;
    }
    if (schemaAt.startsWith("/$defs/azureCredentials") || schemaAt.startsWith("/$defs/azureCloud")) {
      return "Azure authentication fails (grafana-azure-sdk-go refuses these credentials)";
    }
    if (schemaAt.startsWith("/$defs/yamlBool")) {
      return "Grafana cannot decode it into a Go bool and does not start";
    }
    if (schemaAt.startsWith("/$defs/yamlInt")) {
      return "Grafana cannot decode it into a Go integer and does not start";
    }
    if (pointer.equals("/apiVersion")) {
      return "Grafana reads apiVersion 1 (or 0 for the deprecated version 0) and nothing else";
    }
    return "Grafana cannot decode the file and does not start";
  }

  private String fix(String pointer, String schemaAt, JsonNode instance, Set<String> accepted) {
    String key = JsonView.lastKey(pointer);
    if (schemaAt.startsWith("/$defs/literal") || schemaAt.contains("JsonDataV0")) {
      return "write the value itself, or add apiVersion: 1 (with camelCase keys) so that Grafana expands placeholders";
    }
    if (schemaAt.contains("/secureJsonData") || schemaAt.startsWith("/$defs/secureValue")) {
      return "give " + key + " one text value (a $__env{NAME} or $__file{/path} reference)";
    }
    if (key.equals("sigV4Region")) {
      return "write the workspace's region code, e.g. sigV4Region: us-east-1";
    }
    if (key.equals("sigV4AuthType")) {
      return "use default (AWS SDK chain), keys, credentials, ec2_iam_role or grafana_assume_role;"
          + " for a role, sigV4AuthType: default plus sigV4AssumeRoleArn";
    }
    boolean asIs = showing(view, pointer) == Showing.AS_IS;
    if (asIs && instance != null && instance.isString() && !accepted.isEmpty()) {
      String text = instance.asString().strip();
      boolean wantsNumber = wantsNumber(accepted);
      boolean wantsBoolean = wantsBoolean(accepted);
      if (wantsBoolean && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")
          || GoScalars.YAML11_BOOL_WORDS.contains(text))) {
        return "write " + key + ": " + RuleSet.truth(text) + " (unquoted)";
      }
      if (wantsNumber && GoScalars.parseGoInt(text) != null) {
        return "remove the quotes: " + key + ": " + text;
      }
    }
    if (asIs && instance != null && instance.isNumber() && accepted.stream().anyMatch(a -> a.startsWith("a string"))) {
      return "quote it: " + key + ": \"" + instance.asString() + "\"";
    }
    if (!accepted.isEmpty()) {
      return "write " + key + " as " + join(new ArrayList<>(accepted), "or");
    }
    return "correct " + key + " as the schema describes it";
  }

  /** Whether the values a schema error accepts ({@link #alternative}'s words) include a boolean. */
  static boolean wantsBoolean(Set<String> accepted) {
    return accepted.stream().anyMatch(a -> a.contains("boolean"));
  }

  /** Whether the values a schema error accepts include an integer or a number. */
  static boolean wantsNumber(Set<String> accepted) {
    return accepted.stream().anyMatch(a -> a.contains("integer") || a.contains("number"));
  }

  // ------------------------------------------------------------------------------------------ words

  private Diagnostic finding(String pointer, Position position, String message, String fix) {
    return finding(pointer, position, message, fix, List.of());
  }

  private Diagnostic finding(String pointer, Position position, String message, String fix, List<Repair> repairs) {
    return new Diagnostic(view.file().fileName(), position, Severity.ERROR, Code.SCHEMA, pointer,
        message, fix, "", repairs);
  }

  /** {@code jsonData.sigV4Region} for {@code /datasources/0/jsonData/sigV4Region}; "data source N" for an item. */
  static String subject(String pointer) {
    String[] parts = pointer.split("/", -1);
    StringBuilder out = new StringBuilder();
    int from = 1;
    if (parts.length >= 3 && (parts[1].equals("datasources") || parts[1].equals("deleteDatasources")
        || parts[1].equals("delete_datasources")) && parts[2].matches("[0-9]+")) {
      if (parts.length == 3) {
        return parts[1] + "[" + parts[2] + "]";
      }
      from = 3;
    }
    for (int i = from; i < parts.length; i++) {
      String part = parts[i].replace("~1", "/").replace("~0", "~");
      if (part.matches("[0-9]+") && out.length() > 0) {
        out.append('[').append(part).append(']');
      } else {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(part);
      }
    }
    return out.length() == 0 ? "the file" : out.toString();
  }

  /** The instance as a message may show it: through {@link #showing}, long text cut. */
  private String show(String pointer, JsonNode instance) {
    if (instance == null || instance.isMissingNode()) {
      return "missing";
    }
    if (instance.isObject()) {
      return "a map";
    }
    if (instance.isArray()) {
      return "a list";
    }
    if (instance.isNull()) {
      return "null";
    }
    String kind = instance.isString() ? "a string" : instance.isBoolean() ? "a boolean" : "a number";
    Optional<JsonView.Loc> loc = view.loc(pointer);
    if (loc.isEmpty() || loc.get().raw() == null) {
      return kind;
    }
    switch (showing(view, pointer)) {
      case SECRET:
        return written(view, pointer);
      case EXPANDED:
        return "what " + written(view, pointer) + " expands to (" + kind + ")";
      default:
        break;
    }
    if (instance.isString()) {
      boolean yaml11 = loc.get().go() instanceof GoValue.GoString s && s.yaml11BoolWord();
      String quoted = quote(Secrets.maskCredentials(instance.asString()));
      return yaml11 ? "the string " + quoted + " (a YAML 1.1 word, a string for Grafana 9.4+)" : "the string " + quoted;
    }
    return instance.isBoolean() ? "the boolean " + instance.asString() : "the number " + instance.asString();
  }

  // ------------------------------------------------------------------------------------------ what may be quoted

  /** How a message may show a value: {@link #showing} decides, for every value any finding quotes. */
  enum Showing {
    /** A secret by {@link Secrets}: only {@link Secrets#redact} of the text as written. */
    SECRET,
    /** The text came from interpolation (the environment or a file): only the placeholder as written. */
    EXPANDED,
    /** As it is, credentials in URLs masked. */
    AS_IS
  }

  /**
   * The one decision on what a message may quote of the value at a pointer. A secret is a value under
   * secureJsonData or a credential key (the pointer says so), or text written in a node that is a secret
   * anywhere in the file (reached through an alias or a merge key); a value the validation expanded came from
   * the environment or a file, which hold secrets, so only the placeholder written in the file may be quoted.
   */
  static Showing showing(JsonView view, String pointer) {
    if (pointer == null) {
      return Showing.AS_IS; // nothing there to show
    }
    Optional<JsonView.Loc> loc = view.loc(pointer);
    if (isSecretPointer(pointer) || loc.map(l -> view.secrets().isSecret(l.written())).orElse(false)) {
      return Showing.SECRET;
    }
    return loc.filter(JsonView.Loc::changed).isPresent() ? Showing.EXPANDED : Showing.AS_IS;
  }

  /**
   * The value at a pointer, quoted, as a message may show it: the text Grafana works with; for a value that
   * came from interpolation, the placeholder as written and "(as expanded)"; for a secret, its redaction.
   */
  static String shown(JsonView view, String pointer) {
    return switch (showing(view, pointer)) {
      case SECRET -> written(view, pointer);
      case EXPANDED -> written(view, pointer) + " (as expanded)";
      case AS_IS -> quote(Secrets.maskCredentials(view.loc(pointer).map(JsonView.Loc::text).orElse("")));
    };
  }

  /** The value at a pointer as written in the file (a placeholder stays one), quoted; a secret redacted. */
  static String written(JsonView view, String pointer) {
    Optional<JsonView.Loc> loc = view.loc(pointer);
    if (loc.isEmpty() || loc.get().raw() == null) {
      return loc.map(l -> l.go().kindName()).map(k -> "a " + k).orElse("missing");
    }
    String raw = loc.get().raw();
    return showing(view, pointer) == Showing.SECRET ? quote(Secrets.redact(raw)) : quote(Secrets.maskCredentials(raw));
  }

  /**
   * The text at a pointer, unquoted, when a message may show it as it is (not a secret, not expanded;
   * credentials in URLs masked); empty otherwise, and then a message says it without the value.
   */
  static Optional<String> showable(JsonView view, String pointer) {
    if (pointer == null || showing(view, pointer) != Showing.AS_IS) {
      return Optional.empty();
    }
    return view.loc(pointer).map(JsonView.Loc::text).map(Secrets::maskCredentials);
  }

  /** The text at a pointer as it is when it may be shown so, else quoted as {@link #shown} says. */
  static String bare(JsonView view, String pointer) {
    return showable(view, pointer).orElseGet(() -> shown(view, pointer));
  }

  /** Whether a pointer runs through secureJsonData or a credential key. */
  private static boolean isSecretPointer(String pointer) {
    for (String segment : pointer.split("/")) {
      if (!segment.isEmpty() && Secrets.isSecretKey(segment.replace("~1", "/").replace("~0", "~"))) {
        return true;
      }
    }
    return false;
  }

  static String quote(String text) {
    return Printable.quoted(text, SHOWN);
  }

  private static String quote(JsonNode value) {
    return value.isString() ? quote(value.asString()) : value.toString();
  }

  private static String enumeration(JsonNode values) {
    List<String> shown = new ArrayList<>();
    for (JsonNode value : values) {
      shown.add(quote(value));
    }
    if (shown.size() > 8) {
      return "one of " + String.join(", ", shown.subList(0, 8)) + ", …";
    }
    return join(shown, "or");
  }

  /** {@code ["integer","null"]} → "an integer"; null is left out (it is always also accepted). */
  private static String types(JsonNode node) {
    List<String> names = new ArrayList<>();
    if (node.isArray()) {
      for (JsonNode type : node) {
        if (!type.asString().equals("null")) {
          names.add(type.asString());
        }
      }
    } else {
      names.add(node.asString());
    }
    if (names.isEmpty()) {
      return "null";
    }
    List<String> words = new ArrayList<>();
    for (String name : names) {
      words.add(switch (name) {
        case "object" -> "a map";
        case "array" -> "a list";
        case "integer" -> "an integer";
        default -> "a " + name;
      });
    }
    return join(words, "or");
  }

  private static String article(String title) {
    String lower = title.length() > 1 && Character.isUpperCase(title.charAt(1)) ? title
        : Character.toLowerCase(title.charAt(0)) + title.substring(1);
    return ("AEIOUaeiou".indexOf(lower.charAt(0)) >= 0 ? "an " : "a ") + lower;
  }

  static String join(List<String> items, String conjunction) {
    if (items.size() <= 1) {
      return items.isEmpty() ? "" : items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + " " + conjunction + " " + items.get(items.size() - 1);
  }

  private static String fragment(Error error) {
    String location = error.getSchemaLocation().toString();
    int hash = location.indexOf('#');
    return hash < 0 ? "" : location.substring(hash + 1);
  }
}
