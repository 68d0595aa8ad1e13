package io.promshift.rules;

import io.promshift.grafana.GoList;
import io.promshift.grafana.GoMap;
import io.promshift.grafana.GoScalars;
import io.promshift.grafana.GoValue;
import io.promshift.model.ProvisioningFile;
import io.promshift.model.Secrets;
import io.promshift.syntax.AliasNode;
import io.promshift.syntax.ScalarNode;
import io.promshift.syntax.ScalarStyle;
import io.promshift.syntax.YamlNode;
import io.promshift.text.Position;
import io.promshift.text.SourceException;
import io.promshift.text.Span;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A provisioning file as the JSON document the schema judges, built in one pass over the values Grafana
 * reads ({@link GoValue}: merge keys applied, aliases followed), with a map from each value's JSON pointer to
 * the nodes it was read from, so that a finding about {@code /datasources/0/jsonData/sigV4Region} lands on
 * the exact line and column of that value (or, for a value that is missing, of its parent's key).
 *
 * <p>With an {@link Interpolator}, apiVersion 1 values are expanded where Grafana expands them: the text and
 * typed data source fields, every string leaf of {@code jsonData} and {@code correlations} (converted to a
 * boolean or number when the expanded text parses as one, as Grafana converts values that came from a
 * variable), the values of {@code secureJsonData}, and {@code deleteDatasources} names and org ids.
 * Version-0 files are never expanded. A document that passes through another layer first ({@link Templating}: Helm
 * values, Ansible vars, the operator's API path, docker compose and the shell of a heredoc) marks what that layer
 * decides as unresolved placeholders, so no rule judges a {@code {{ }}} template's literal text, a value nobody will
 * expand, or a {@code $VAR} compose or the shell replaces before Grafana reads the file. Immutable once built.
 */
public final class JsonView {
  /** More values than this (counting each alias expansion) and the file is refused as a limit. */
  static final int MAX_VALUES = 1_000_000;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** apiVersion 1 data source fields Grafana reads as text and interpolates (values.StringValue, BoolValue, IntValue). */
  static final Set<String> V1_TEXT_FIELDS = Set.of(
      "name", "type", "access", "url", "user", "database", "basicAuthUser", "uid",
      "isDefault", "basicAuth", "withCredentials", "editable", "orgId", "version");

  /**
   * What happens to the document's text before Grafana takes it, and so which placeholders it may hold
   * (embedded-shapes §1.4): who expands what decides whether a rule may judge a value's text.
   */
  enum Templating {
    /** Grafana's provisioning alone: {@code $VAR}, {@code ${VAR}}, {@code $__env{}}, ... in apiVersion 1 values. */
    NONE(null, "this file, still saying type: prometheus, flips it back at the next start"),
    /**
     * Helm ({@code toYaml}, then {@code tpl}) before Grafana's provisioning: a {@code {{ }}} anywhere in a string is
     * rendered against the release. A string that starts with {@code {} is quoted by toYaml (go-yaml v2's emitter),
     * so it renders to a quoted string whatever its template yields.
     */
    HELM("Helm (tpl)", "the file the chart renders, still saying type: prometheus, flips it back at the next start"
        + " (and, through the k8s-sidecar, at every reload, until the next start)"),
    /** Ansible's Jinja before Grafana's provisioning: a {@code {{ }}} anywhere in a string (its result type is Jinja's). */
    JINJA("Ansible (Jinja)", "the file the role writes, still saying type: prometheus, flips it back at the next"
        + " start"),
    /**
     * The HTTP API (grafana-operator): Grafana expands nothing. A {@code ${VAR}} or {@code $VAR} is a value only an
     * outside step may substitute (Flux, the operator's valuesFrom, envsubst); a {@code $__env{}} stays as written.
     */
    API("nobody (the HTTP API stores it as written)", "grafana-operator, still sending type: prometheus, flips it"
        + " back at its next push (every resync up to v5.18, every change from v5.19)"),
    /**
     * docker compose interpolates the compose file before anything runs: a string value with a {@code $} is its
     * ({@code $VAR}, {@code ${VAR:-default}}; {@code $$} is one {@code $}), decided by the environment compose runs in.
     */
    COMPOSE("docker compose", "the compose file, still saying type: prometheus, flips it back at the next start"),
    /**
     * The shell expands an unquoted heredoc's body as the script writes the file: a string value with a {@code $} or a
     * backquote is the shell's ({@code $VAR}, {@code ${...}}, {@code $(...)}).
     */
    SHELL("the shell (an unquoted heredoc)", "the script, still writing type: prometheus, flips it back at the next"
        + " start"),
    /** Both: compose interpolates the script in a compose file, then the shell expands the heredoc's body. */
    COMPOSE_SHELL("docker compose, then the shell (an unquoted heredoc)", "the script, still writing type:"
        + " prometheus, flips it back at the next start");

    private final String renderer;
    private final String flipBack;

    Templating(String renderer, String flipBack) {
      this.renderer = renderer;
      this.flipBack = flipBack;
    }

    /** Who brings {@code type: prometheus} back after Grafana's migration, and when. */
    String flipBack() {
      return flipBack;
    }

    /**
     * Who renders {@code {{ }}} (Helm, Jinja) or expands {@code $} (compose, the shell) before Grafana reads the
     * value, or null when nobody does.
     */
    String renderer() {
      return renderer;
    }

    /** Whether this layer renders {@code {{ }}} templates (Helm, Jinja). */
    boolean rendersBraces() {
      return this == HELM || this == JINJA;
    }

    /**
     * Whether this layer expands {@code $} before Grafana reads the file (compose, the shell): a value with one is
     * that layer's, not a Grafana placeholder.
     */
    boolean expandsDollar() {
      return this == COMPOSE || this == SHELL || this == COMPOSE_SHELL;
    }

    /** Whether a raw value holds what this layer expands. */
    boolean expands(String raw) {
      if (raw == null || !expandsDollar()) {
        return false;
      }
      return raw.indexOf('$') >= 0 || (this != COMPOSE && raw.indexOf('`') >= 0);
    }
  }

  /**
   * jsonData keys that Grafana, the plugin SDK or the Prometheus plugins read as JSON booleans (a string there is not
   * true), and the version-0 fields Grafana decodes into Go bools: where a Helm template's quoted result is a
   * known mistake rather than an unknown value.
   */
  static final Set<String> JSON_DATA_BOOLEANS = Set.of(
      "sigV4Auth", "prometheus-type-migration", "tlsAuth", "tlsAuthWithCACert", "tlsSkipVerify", "oauthPassThru",
      "manageAlerts", "allowAsRecordingRulesTarget", "disableGrafanaCache", "queryStatsEnabled",
      "disableMetricsLookup", "incrementalQuerying", "disableRecordingRules", "seriesEndpoint",
      "forwardGrafanaUserHeader", "enableSecureSocksProxy");
  static final Set<String> V0_BOOLEANS = Set.of("is_default", "basic_auth", "with_credentials", "editable");

  private enum Mode { PLAIN, TEXT, JSON_DATA, SECURE_MAP, SECURE_VALUE, DATA_SOURCES, DATA_SOURCE, DELETIONS, DELETION }

  /**
   * What the view knows about one value.
   *
   * @param key the key node it sits under (null for list items and the root)
   * @param written the node as written at that place (an alias where an alias is used)
   * @param go the value as Grafana decodes it
   * @param raw the scalar's text as written, or null for a collection
   * @param text the text Grafana works with: {@code raw} expanded where that happened
   * @param interpolates whether Grafana interpolates this value (apiVersion 1 only)
   * @param placeholder whether the raw text holds a placeholder
   * @param unresolved whether a placeholder is left that this validation could not expand
   * @param changed whether expansion changed the text
   * @param error an expander failure (Grafana does not start), or null
   * @param template whether the raw text holds a {@code {{ }}} template that the layer before Grafana renders
   *     ({@link Templating#HELM}, {@link Templating#JINJA}), or a {@code $} that compose or the shell expands first
   *     ({@link Templating#expandsDollar()}); such a value is a placeholder left unresolved, except
   *     where Helm's result is known to be a quoted string at a key that needs a boolean ({@link #JSON_DATA_BOOLEANS}):
   *     there its type is what matters, and it stays the string it is
   */
  record Loc(YamlNode key, YamlNode written, GoValue go, String raw, String text, boolean interpolates,
      boolean placeholder, boolean unresolved, boolean changed, String error, boolean template) {}

  private final ProvisioningFile file;
  private final Interpolator interpolator;
  private final Templating templating;
  /** One value: what is known about it, its JSON, and its children (map keys in order, or list items). */
  private static final class Node {
    final Loc loc;
    JsonNode json;
    String[] keys;
    Node[] children;

    Node(Loc loc) {
      this.loc = loc;
    }
  }

  private final Node tree;
  private final JsonNode root;
  private volatile List<Map.Entry<String, Loc>> all;
  private volatile Secrets secrets;
  private int count;

  private JsonView(ProvisioningFile file, Interpolator interpolator, Templating templating) {
    this.file = file;
    this.interpolator = interpolator;
    this.templating = templating;
    YamlNode rootNode = file.document().root();
    this.tree = walk(file.root(), null, rootNode, Mode.PLAIN, true, false);
    this.root = tree.json;
  }

  /** The file as JSON without expanding placeholders. */
  public static JsonView of(ProvisioningFile file) {
    return new JsonView(file, null, Templating.NONE);
  }

  /** The file as JSON with placeholders expanded as the options say. */
  public static JsonView of(ProvisioningFile file, ValidationOptions options) {
    return new JsonView(file, Interpolator.of(options), Templating.NONE);
  }

  static JsonView of(ProvisioningFile file, Interpolator interpolator) {
    return new JsonView(file, interpolator, Templating.NONE);
  }

  /** A document that passes through another layer first (Helm, Jinja, the HTTP API): see {@link Templating}. */
  static JsonView of(ProvisioningFile file, Interpolator interpolator, Templating templating) {
    return new JsonView(file, templating == Templating.API ? null : interpolator, templating);
  }

  Templating templating() {
    return templating;
  }

  public ProvisioningFile file() {
    return file;
  }

  /** The secrets policy applied to this file (computed once, on first use). */
  Secrets secrets() {
    Secrets result = secrets;
    if (result == null) {
      result = Secrets.of(file);
      secrets = result;
    }
    return result;
  }

  /** The document as JSON. */
  public JsonNode root() {
    return root;
  }

  /** The JSON value at a pointer, or a missing node. */
  public JsonNode at(String pointer) {
    Node node = find(pointer);
    return node == null ? MissingNode.getInstance() : node.json;
  }

  public boolean has(String pointer) {
    return find(pointer) != null;
  }

  /** The value's position; for a pointer to nothing, the position of the key of the nearest parent there is. */
  public Position position(String pointer) {
    Node node = find(pointer);
    if (node != null) {
      Loc loc = node.loc;
      if (loc.written() != null) {
        return file.position(loc.written());
      }
      return loc.key() != null ? file.position(loc.key()) : Position.START;
    }
    return keyPosition(parent(pointer));
  }

  /** The position of the key a value sits under; a list item's own position; the root's start. */
  public Position keyPosition(String pointer) {
    Node node = find(pointer);
    if (node == null) {
      return pointer.isEmpty() ? Position.START : keyPosition(parent(pointer));
    }
    Loc loc = node.loc;
    if (loc.key() != null) {
      return file.position(loc.key());
    }
    return loc.written() != null ? file.position(loc.written()) : Position.START;
  }

  Optional<Loc> loc(String pointer) {
    Node node = find(pointer);
    return node == null ? Optional.empty() : Optional.of(node.loc);
  }

  /** The text Grafana works with at a pointer (expanded where that happened), for scalars. */
  Optional<String> text(String pointer) {
    Node node = find(pointer);
    return node == null || node.loc.text() == null ? Optional.empty() : Optional.of(node.loc.text());
  }

  /** Whether the value at the pointer holds a placeholder this validation did not expand. */
  boolean unresolved(String pointer) {
    Node node = find(pointer);
    return node != null && node.loc.unresolved();
  }

  /** Every value with its pointer, in document order (built once, on first use). */
  List<Map.Entry<String, Loc>> locations() {
    List<Map.Entry<String, Loc>> result = all;
    if (result == null) {
      List<Map.Entry<String, Loc>> list = new ArrayList<>();
      collect(tree, "", list);
      result = List.copyOf(list);
      all = result;
    }
    return result;
  }

  private static void collect(Node node, String pointer, List<Map.Entry<String, Loc>> out) {
    out.add(Map.entry(pointer, node.loc));
    if (node.children == null) {
      return;
    }
    for (int i = 0; i < node.children.length; i++) {
      collect(node.children[i], node.keys != null ? pointer(pointer, node.keys[i]) : pointer(pointer, i), out);
    }
  }

  /** The node at a pointer, found by descending the tree one segment at a time, or null. */
  private Node find(String pointer) {
    if (pointer == null) {
      return null;
    }
    Node node = tree;
    if (pointer.isEmpty()) {
      return node;
    }
    if (pointer.charAt(0) != '/') {
      return null;
    }
    int from = 1;
    int length = pointer.length();
    while (node != null) {
      int to = pointer.indexOf('/', from);
      if (to < 0) {
        to = length;
      }
      node = child(node, pointer, from, to);
      if (to == length) {
        return node;
      }
      from = to + 1;
    }
    return null;
  }

  private static Node child(Node node, String pointer, int from, int to) {
    if (node.children == null) {
      return null;
    }
    if (node.keys != null) {
      int tilde = pointer.indexOf('~', from);
      String segment = tilde >= 0 && tilde < to
          ? pointer.substring(from, to).replace("~1", "/").replace("~0", "~") : null;
      int length = to - from;
      for (int i = 0; i < node.keys.length; i++) {
        String key = node.keys[i];
        if (segment != null ? key.equals(segment)
            : key.length() == length && pointer.regionMatches(from, key, 0, length)) {
          return node.children[i];
        }
      }
      return null;
    }
    if (to == from || to - from > 9 || (pointer.charAt(from) == '0' && to - from > 1)) {
      return null;
    }
    int index = 0;
    for (int i = from; i < to; i++) {
      char c = pointer.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
      index = index * 10 + (c - '0');
    }
    return index < node.children.length ? node.children[index] : null;
  }

  /** {@code parent + "/" + key}, the key escaped as RFC 6901 says. */
  public static String pointer(String parent, String key) {
    if (key.indexOf('~') < 0 && key.indexOf('/') < 0) {
      return parent + "/" + key;
    }
    return parent + "/" + key.replace("~", "~0").replace("/", "~1");
  }

  public static String pointer(String parent, int index) {
    return parent + "/" + index;
  }

  static String parent(String pointer) {
    int slash = pointer.lastIndexOf('/');
    return slash <= 0 ? "" : pointer.substring(0, slash);
  }

  /** The last segment of a pointer, unescaped. */
  public static String lastKey(String pointer) {
    return pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
  }

  /**
   * A scalar's text as the reader before Grafana passes it on: Grafana's own reader sees it as written; Helm and
   * kubectl decode it and write it again, so a YAML 1.1 {@code yes} arrives as {@code true}.
   */
  private String written(ScalarNode scalar, GoValue value) {
    if (file.dialect() == io.promshift.grafana.YamlDialect.GRAFANA) {
      return scalar.value();
    }
    if (value instanceof GoValue.GoBool bool) {
      return String.valueOf(bool.value());
    }
    return value instanceof GoValue.GoInt integer ? integer.value().toString() : scalar.value();
  }

  boolean isPlaceholder(String text) {
    return text != null && Placeholders.contains(text);
  }

  // ------------------------------------------------------------------------------------------ the one pass

  /**
   * Whether a string holds a {@code {{ }}} template (an opening {@code {{} with a closing {@code }}} after it).
   */
  static boolean isTemplate(String text) {
    int open = text.indexOf("{{");
    return open >= 0 && text.indexOf("}}", open + 2) >= 0;
  }

  private Node walk(GoValue value, YamlNode key, YamlNode written, Mode mode, boolean top, boolean needsBoolean) {
    if (++count > MAX_VALUES) {
      throw new SourceException(file.fileName(), Position.START, SourceException.Kind.LIMIT,
          "the document expands, through its aliases, to more than " + MAX_VALUES
              + " values; promshift refuses to validate it");
    }
    ScalarNode scalar = AliasNode.resolve(written) instanceof ScalarNode s ? s : null;
    String raw = scalar == null ? null : written(scalar, value);
    boolean interpolates = !file.isLegacy() && isInterpolated(mode) && scalar != null
        && !(value instanceof GoValue.GoNull) && (mode != Mode.JSON_DATA || value instanceof GoValue.GoString);
    boolean hasPlaceholder = isPlaceholder(raw);
    String text = value instanceof GoValue.GoString string && mode == Mode.JSON_DATA ? string.value() : raw;
    if (templating.rendersBraces() && value instanceof GoValue.GoString && isTemplate(raw)) {
      // Helm's toYaml quotes a string that starts with "{": whatever the template yields, a quoted string arrives
      boolean quotedString = templating == Templating.HELM && needsBoolean && raw.startsWith("{");
      Node node = new Node(new Loc(key, written, value, raw, text, interpolates, !quotedString || hasPlaceholder,
          !quotedString, false, null, true));
      node.json = plain(value);
      return node;
    }
    if (value instanceof GoValue.GoString && templating.expands(raw)) {
      // compose or the shell expands it as the file is written: what Grafana reads is not known here
      Node node = new Node(new Loc(key, written, value, raw, text, false, true, true, false, null, true));
      node.json = plain(value);
      return node;
    }
    if (templating == Templating.API) {
      // nobody interpolates on the API path: a placeholder is a literal ($__env{}) or an outside step's (${VAR})
      boolean unknown = hasPlaceholder && value instanceof GoValue.GoString;
      interpolates = false;
      if (unknown) {
        Node node = new Node(new Loc(key, written, value, raw, text, false, true, true, false, null, false));
        node.json = plain(value);
        return node;
      }
    }
    if (interpolates && hasPlaceholder) {
      Interpolator.Result result = interpolator == null ? null : interpolator.interpolate(text);
      Node node;
      if (result == null || result.unresolved()) {
        node = new Node(new Loc(key, written, value, raw, text, true, true, true, false,
            result == null ? null : result.error(), false));
        node.json = plain(value);
      } else {
        node = new Node(new Loc(key, written, value, raw, result.value(), true, true, false, result.changed(), null,
            false));
        node.json = !result.changed() ? plain(value)
            : mode == Mode.JSON_DATA ? converted(result.value()) : NODES.stringNode(result.value());
      }
      return node;
    }
    Node node = new Node(new Loc(key, written, value, raw, text, interpolates, hasPlaceholder, false, false, null,
        false));
    if (value instanceof GoMap map) {
      ObjectNode object = NODES.objectNode();
      int size = map.entries().size();
      node.keys = new String[size];
      node.children = new Node[size];
      boolean jsonDataMap = mode == Mode.JSON_DATA && key instanceof ScalarNode k
          && (k.value().equals("jsonData") || k.value().equals("json_data"));
      int i = 0;
      for (GoMap.Entry entry : map.entries()) {
        boolean needs = jsonDataMap ? JSON_DATA_BOOLEANS.contains(entry.key())
            : mode == Mode.DATA_SOURCE && file.isLegacy() && V0_BOOLEANS.contains(entry.key());
        Node child = walk(entry.value(), entry.keyNode(), entry.valueNode(), childMode(mode, entry.key(), top), false,
            needs);
        node.keys[i] = entry.key();
        node.children[i++] = child;
        object.set(entry.key(), child.json);
      }
      node.json = object;
    } else if (value instanceof GoList list) {
      int size = list.items().size();
      ArrayNode array = NODES.arrayNode(size);
      node.children = new Node[size];
      Mode childMode = mode == Mode.DATA_SOURCES ? Mode.DATA_SOURCE
          : mode == Mode.DELETIONS ? Mode.DELETION
          : mode == Mode.JSON_DATA ? Mode.JSON_DATA : Mode.PLAIN;
      for (int i = 0; i < size; i++) {
        Node child = walk(list.items().get(i), null, list.node().items().get(i), childMode, false, false);
        node.children[i] = child;
        array.add(child.json);
      }
      node.json = array;
    } else {
      node.json = plain(value);
    }
    return node;
  }

  private Mode childMode(Mode mode, String key, boolean top) {
    if (top) {
      if (key.equals("datasources")) {
        return Mode.DATA_SOURCES;
      }
      if (key.equals(file.isLegacy() ? "delete_datasources" : "deleteDatasources")) {
        return Mode.DELETIONS;
      }
      return Mode.PLAIN;
    }
    switch (mode) {
      case DATA_SOURCE:
        if (file.isLegacy()) {
          return switch (key) {
            case "json_data", "correlations" -> Mode.JSON_DATA; // walked for positions; never interpolated
            default -> Mode.PLAIN;
          };
        }
        if (V1_TEXT_FIELDS.contains(key)) {
          return Mode.TEXT;
        }
        return switch (key) {
          case "jsonData", "correlations" -> Mode.JSON_DATA;
          case "secureJsonData" -> Mode.SECURE_MAP;
          default -> Mode.PLAIN;
        };
      case DELETION:
        return key.equals("name") || key.equals("orgId") ? Mode.TEXT : Mode.PLAIN;
      case JSON_DATA:
        return Mode.JSON_DATA;
      case SECURE_MAP:
        return Mode.SECURE_VALUE;
      default:
        return Mode.PLAIN;
    }
  }

  private static boolean isInterpolated(Mode mode) {
    return mode == Mode.TEXT || mode == Mode.JSON_DATA || mode == Mode.SECURE_VALUE;
  }

  /** A jsonData leaf that came from a variable: a bool or number when the text parses as one (go-yaml rules). */
  private static JsonNode converted(String text) {
    GoValue resolved = GoScalars.resolve(new ScalarNode(Span.at(0), Span.at(0), text, ScalarStyle.PLAIN, null, null));
    if (resolved instanceof GoValue.GoBool || resolved instanceof GoValue.GoInt || resolved instanceof GoValue.GoFloat) {
      return plain(resolved);
    }
    return NODES.stringNode(text);
  }

  /** The JSON form of a value without looking inside collections (they are walked by the caller). */
  private static JsonNode plain(GoValue value) {
    if (value instanceof GoValue.GoString s) {
      return NODES.stringNode(s.value());
    }
    if (value instanceof GoValue.GoBool b) {
      return NODES.booleanNode(b.value());
    }
    if (value instanceof GoValue.GoInt i) {
      return i.value() instanceof BigInteger big ? NODES.numberNode(big) : NODES.numberNode(i.value().longValue());
    }
    if (value instanceof GoValue.GoFloat f) {
      return NODES.numberNode(f.value());
    }
    if (value instanceof GoValue.GoNull) {
      return NODES.nullNode();
    }
    if (value instanceof GoMap map) {
      ObjectNode object = NODES.objectNode();
      for (GoMap.Entry entry : map.entries()) {
        object.set(entry.key(), plain(entry.value()));
      }
      return object;
    }
    GoList list = (GoList) value;
    ArrayNode array = NODES.arrayNode(list.items().size());
    for (GoValue item : list.items()) {
      array.add(plain(item));
    }
    return array;
  }
}
