package io.promshift.rules;

import io.promshift.embed.Expansion;
import io.promshift.embed.FixedTypeAdvice;
import io.promshift.embed.Generated;
import io.promshift.embed.Misplaced;
import io.promshift.embed.Shape;
import io.promshift.embed.SourceFile;
import io.promshift.embed.Unit;
import io.promshift.embed.YamlPath;
import io.promshift.grafana.GoList;
import io.promshift.grafana.GoMap;
import io.promshift.grafana.GoScalars;
import io.promshift.grafana.GoValue;
import io.promshift.grafana.GoYaml;
import io.promshift.grafana.YamlDialect;
import io.promshift.model.DataSource;
import io.promshift.model.Field;
import io.promshift.model.PromTypeMigration;
import io.promshift.model.Secrets;
import io.promshift.syntax.AliasNode;
import io.promshift.syntax.DuplicateKey;
import io.promshift.syntax.MappingNode;
import io.promshift.syntax.ScalarNode;
import io.promshift.syntax.ScalarStyle;
import io.promshift.syntax.SequenceNode;
import io.promshift.syntax.YamlDocument;
import io.promshift.syntax.YamlNode;
import io.promshift.text.Position;
import io.promshift.text.Printable;
import io.promshift.text.SourceException;
import io.promshift.text.SourceText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules a data source's shape adds to the plain-file rules (embedded-shapes S1–S7): what the chart, the operator
 * or Kubernetes does to the definition on its way to Grafana. Findings concern the outer file: the unit's own values
 * (through the view's pointers) or the file around it, and say which layer decided where that matters.
 */
final class ShapeRules extends RuleSet {
  /**
   * The fields of {@code spec.datasource} in grafana-operator v5's CRD (grafana.integreatly.org/v1beta1, the same in
   * every v5 release): the CRD is structural, only jsonData and secureJsonData keep unknown keys, so Kubernetes drops
   * every other field before the operator sees it.
   */
  private static final Set<String> V5_FIELDS = Set.of(
      "access", "basicAuth", "basicAuthUser", "database", "editable", "isDefault", "jsonData", "name", "orgId",
      "secureJsonData", "type", "uid", "url", "user");
  /**
   * The fields of a {@code spec.datasources} item in grafana-operator v4's CRD (integreatly.org/v1alpha1,
   * config/crd/bases/integreatly.org_grafanadatasources.yaml at v4.10.1, the last v4 release; earlier v4 releases
   * list a subset of each of these three lists, and every v4 CRD is apiextensions.k8s.io/v1, so it prunes). Only
   * customJsonData and customSecureJsonData keep unknown keys.
   */
  private static final Set<String> V4_FIELDS = Set.of(
      "access", "basicAuth", "basicAuthPassword", "basicAuthUser", "customJsonData", "customSecureJsonData",
      "database", "editable", "isDefault", "jsonData", "name", "orgId", "password", "secureJsonData", "type", "uid",
      "url", "user", "version", "withCredentials");
  /** v4's typed jsonData (GrafanaDataSourceJsonData at v4.10.1): a key not listed is dropped by Kubernetes. */
  private static final Set<String> V4_JSON_DATA = Set.of(
      "addCorsHeader", "alertmanagerUid", "allowInfraExplore", "apiToken", "appInsightsAppId", "assumeRoleArn",
      "authType", "authenticationType", "azureLogAnalyticsSameAs", "clientEmail", "clientId", "cloudName",
      "clusterUrl", "connMaxLifetime", "customMetricsNamespaces", "customQueryParameters", "defaultBucket",
      "defaultDatabase", "defaultProject", "defaultRegion", "derivedFields", "encrypt", "esVersion",
      "exemplarTraceIdDestinations", "githubUrl", "graphiteVersion", "httpHeaderName1", "httpHeaderName2",
      "httpHeaderName3", "httpHeaderName4", "httpHeaderName5", "httpHeaderName6", "httpHeaderName7",
      "httpHeaderName8", "httpHeaderName9", "httpMethod", "httpMode", "implementation", "interval",
      "logAnalyticsClientId", "logAnalyticsDefaultWorkspace", "logAnalyticsSubscriptionId", "logAnalyticsTenantId",
      "logLevelField", "logMessageField", "manageAlerts", "maxIdleConns", "maxLines", "maxOpenConns", "nodeGraph",
      "oauthPassThru", "organization", "port", "postgresVersion", "queryTimeout", "search", "server", "serviceMap",
      "showOffline", "sigV4AssumeRoleArn", "sigV4Auth", "sigV4AuthType", "sigV4ExternalId", "sigV4Profile",
      "sigV4Region", "sslmode", "subscriptionId", "tenantId", "timeField", "timeInterval", "timeout", "timescaledb",
      "timezone", "tlsAuth", "tlsAuthWithCACert", "tlsSkipVerify", "tokenUri", "tracesToLogs", "tsdbResolution",
      "tsdbVersion", "url", "usePOST", "useProxy", "useYandexCloudAuthorization", "username", "version",
      "xHeaderKey", "xHeaderUser");
  /** v4's typed secureJsonData (GrafanaDataSourceSecureJsonData at v4.10.1). */
  private static final Set<String> V4_SECURE_JSON_DATA = Set.of(
      "accessKey", "accessToken", "appInsightsApiKey", "basicAuthPassword", "clientSecret", "httpHeaderValue1",
      "httpHeaderValue2", "httpHeaderValue3", "httpHeaderValue4", "httpHeaderValue5", "httpHeaderValue6",
      "httpHeaderValue7", "httpHeaderValue8", "httpHeaderValue9", "logAnalyticsClientSecret", "password",
      "privateKey", "secretKey", "sigV4AccessKey", "sigV4SecretKey", "tlsCACert", "tlsClientCert", "tlsClientKey",
      "token");
  /** One step of a valuesFrom targetPath: a key with any list indexes after it ({@code exemplarTraceIdDestinations[1]}). */
  private static final Pattern TARGET_STEP = Pattern.compile("([^\\[\\]]+)((?:\\[[0-9]+])*)");
  /** A Grafana expander written for Grafana, escaped for layers before it or not ({@code $__env{}, \\$$__file{}}). */
  private static final Pattern GRAFANA_EXPANDER = Pattern.compile("\\$__(env|file|vault)\\{");
  /** Version-0 spellings of apiVersion 1 fields (a v1 reader, such as a CRD, does not know them). */
  private static final Map<String, String> V0_TO_V1 = Map.of(
      "org_id", "orgId", "is_default", "isDefault", "basic_auth", "basicAuth", "basic_auth_user", "basicAuthUser",
      "with_credentials", "withCredentials", "json_data", "jsonData", "secure_json_data", "secureJsonData");

  private final SourceFile source;
  private final Unit unit;

  ShapeRules(SourceFile source, Unit unit, JsonView view, Emitter out) {
    super(view, out);
    this.source = source;
    this.unit = unit;
  }

  /**
   * Who handles a unit's text before Grafana takes it (embedded-shapes §1.4): its shape's layer, or docker compose and
   * the shell when they expand the {@code $} of a heredoc body first.
   */
  static JsonView.Templating templating(Unit unit) {
    List<Expansion> expansions = unit.expansions();
    if (expansions.isEmpty()) {
      return templating(unit.shape());
    }
    boolean compose = expansions.contains(Expansion.COMPOSE);
    boolean shell = expansions.contains(Expansion.SHELL);
    return compose && shell ? JsonView.Templating.COMPOSE_SHELL
        : compose ? JsonView.Templating.COMPOSE : JsonView.Templating.SHELL;
  }

  /** Who handles a shape's text before Grafana takes it (embedded-shapes §1.4). */
  static JsonView.Templating templating(Shape shape) {
    if (!shape.interpolated()) {
      return JsonView.Templating.API;
    }
    return switch (shape) {
      case CHART_VALUES, KPS_ADDITIONAL, KPS_STRING, KPS_DEFAULT, VM_EXTRA, USER -> JsonView.Templating.HELM;
      case ANSIBLE_ROLE -> JsonView.Templating.JINJA;
      default -> JsonView.Templating.NONE;
    };
  }

  void apply() {
    switch (unit.shape()) {
      case CHART_VALUES -> chartFileName();
      case KPS_ADDITIONAL, KPS_STRING -> twoDefaults();
      case KPS_DEFAULT -> {
        duplicateJsonData();
        fixedType();
      }
      case OPERATOR_V5 -> prunedV5();
      case OPERATOR_V4 -> prunedV4();
      default -> { }
    }
    if (view.templating() == JsonView.Templating.HELM) {
      templateBooleans();
    }
    if (view.templating() == JsonView.Templating.API) {
      apiPlaceholders();
    }
    if (view.templating().expandsDollar()) {
      expandedBeforeGrafana();
    }
    if (file.dialect() == YamlDialect.YAML_1_1) {
      outerBooleanWords();
    }
  }

  // ------------------------------------------------------------------------------------------ S1 grafana chart

  /**
   * The chart mounts each key under {@code datasources:} as a file of that name; Grafana reads only {@code .yaml} and
   * {@code .yml} files (case-sensitive). The key is the unit's last step, or the one before a {@code secret:} wrapper.
   */
  private void chartFileName() {
    YamlPath path = pathInDocument();
    boolean secret = "secret".equals(path.keyAt(0)) && "datasources".equals(path.keyAt(2));
    int back = secret ? 1 : 0;
    String name = path.keyAt(back);
    if (name == null || name.endsWith(".yaml") || name.endsWith(".yml")) {
      return;
    }
    YamlPath filePath = new YamlPath(path.steps().subList(0, path.size() - back));
    MappingNode.Entry key = entryAt(filePath);
    Position at = key != null ? file.position(key.key()) : file.position(file.document().root());
    int count = file.dataSources().size();
    String lower = name.toLowerCase(Locale.ROOT);
    String suggestion = lower.endsWith(".yaml") || lower.endsWith(".yml")
        ? name.substring(0, name.lastIndexOf('.')) + lower.substring(lower.lastIndexOf('.')) : name + ".yaml";
    out.report(Code.CHART_FILE_NAME, "", filePath.toString(), at,
        "the grafana chart mounts " + SchemaMessages.quote(name) + " as a file of that name in Grafana's provisioning"
            + " folder, and Grafana reads only files ending in .yaml or .yml (case-sensitive): "
            + (count == 1 ? "its data source is" : "its " + count + " data sources are") + " never provisioned",
        "rename the key to " + SchemaMessages.quote(suggestion));
  }

  // ------------------------------------------------------------------------------------------ S3 kube-prometheus-stack

  /**
   * An additional data source with {@code isDefault: true} next to kube-prometheus-stack's own default (on unless the
   * {@code sidecar.datasources} of the same {@code grafana:} map switches it off): two defaults in organization 1.
   */
  private void twoDefaults() {
    YamlPath grafanaPath = new YamlPath(pathInDocument().steps().subList(0, pathInDocument().size() - 1));
    if (!(resolved(nodeAt(grafanaPath)) instanceof GoMap grafana)) {
      return;
    }
    GoMap config = map(grafana, "sidecar").flatMap(sidecar -> map(sidecar, "datasources")).orElse(null);
    if (config != null && (isOff(config, "enabled") || isOff(config, "defaultDatasourceEnabled")
        || isOff(config, "isDefaultDatasource"))) {
      return;
    }
    YamlPath chartDefault = grafanaPath.key("sidecar").key("datasources").key("isDefaultDatasource");
    for (DataSource ds : file.dataSources()) {
      Source s = new Source(ds, view, "datasources");
      String pointer = s.field(Field.IS_DEFAULT);
      if (!Boolean.TRUE.equals(s.text(pointer).map(GoScalars::parseGoBool).orElse(null)) || !inFirstOrg(s)) {
        continue;
      }
      out.report(Code.CHART_TWO_DEFAULTS, pointer, view.position(pointer),
          "the data source at " + unit.describeItem(ds) + " (line " + unit.outer(view.position(s.pointer)).line()
              + ") has isDefault: true, and so has"
              + " kube-prometheus-stack's own Prometheus data source, the chart default (" + chartDefault
              + ", default true): two defaults in organization 1, and Grafana refuses to start (only one default"
              + " data source per organization)",
          "set isDefault: false here, or turn the chart default off (" + chartDefault + ": false, or "
              + grafanaPath.key("sidecar").key("datasources").key("defaultDatasourceEnabled") + ": false)");
    }
  }

  /** Whether a data source is in organization 1, where the chart's default is (orgId missing, empty, 0 or 1). */
  private boolean inFirstOrg(Source s) {
    String pointer = s.field(Field.ORG_ID);
    if (!s.has(pointer) || view.at(pointer).isNull()) {
      return true;
    }
    Optional<String> text = s.text(pointer).map(String::strip);
    return text.filter(t -> t.isEmpty() || (isBase10(t) && Long.parseLong(t.replace("+", "")) <= 1)).isPresent();
  }

  /**
   * The default data source's jsonData is {@code extraJsonData}, rendered before the keys the chart writes itself
   * ({@code httpMethod}, {@code timeInterval} always; {@code timeout}, {@code customQueryParameters},
   * {@code exemplarTraceIdDestinations} when set): the same key in both is a duplicate in the rendered file.
   */
  private void duplicateJsonData() {
    if (file.dataSources().isEmpty() || !(resolved(unit.node()) instanceof GoMap config)) {
      return;
    }
    String jsonData = "/datasources/0/jsonData";
    if (!(view.loc(jsonData).map(JsonView.Loc::go).orElse(null) instanceof GoMap extra)) {
      return;
    }
    YamlPath here = pathInDocument();
    for (GoMap.Entry entry : extra.entries()) {
      String key = entry.key();
      String writtenFrom = switch (key) {
        case "httpMethod" -> "always written, from " + here.key("httpMethod") + ", default POST";
        case "timeInterval" -> "always written, from " + here.key("defaultDatasourceScrapeInterval")
            + " or prometheus.prometheusSpec.scrapeInterval, default 30s";
        case "timeout", "customQueryParameters", "exemplarTraceIdDestinations" ->
            config.get(key).filter(ShapeRules::isSet).isPresent() ? "written because " + here.key(key) + " is set"
                : null;
        default -> null;
      };
      if (writtenFrom == null) {
        continue;
      }
      String pointer = JsonView.pointer(jsonData, key);
      out.report(Code.CHART_DUPLICATE_JSON_DATA, pointer, view.keyPosition(pointer),
          "extraJsonData." + key + ": kube-prometheus-stack writes extraJsonData into its default data source's"
              + " jsonData and then its own " + key + " (" + writtenFrom + "): the rendered file has " + key
              + " twice, and Grafana (go-yaml v3) refuses a key written twice: it does not start",
          "remove " + key + " from extraJsonData" + (key.equals("timeInterval")
              ? " and set " + here.key("defaultDatasourceScrapeInterval") + " instead"
              : key.equals("httpMethod") ? " and set " + here.key("httpMethod") + " instead" : ""));
    }
  }

  /**
   * The chart writes the default data source's {@code type: prometheus}: when Grafana would migrate it, the values
   * file cannot say the plugin type. One wording with migrate ({@link FixedTypeAdvice}).
   */
  private void fixedType() {
    Optional<String> pending = FixedTypeAdvice.pendingTarget(unit);
    if (pending.isEmpty()) {
      return;
    }
    String target = pending.get();
    out.report(Code.FIXED_TYPE, "/datasources/0/type", unit.describe(""), file.position(file.document().root()),
        FixedTypeAdvice.message(unit, target),
        "move it to " + new YamlPath(unit.path().steps().subList(0, Math.max(0, unit.path().size() - 2)))
            .key("additionalDataSources") + " with type: " + target);
  }

  // ------------------------------------------------------------------------------------------ S5, S6 grafana-operator

  /** v5: every item field the CRD does not list is dropped by Kubernetes. */
  private void prunedV5() {
    for (DataSource ds : file.dataSources()) {
      for (GoMap.Entry entry : ds.fields().entries()) {
        if (!V5_FIELDS.contains(entry.key())) {
          prunedItemField(ds, entry.key(), "grafana-operator's GrafanaDatasource (grafana.integreatly.org/v1beta1)",
              V5_FIELDS);
        }
      }
    }
  }

  /** v4: item fields, and jsonData and secureJsonData keys, that the CRD does not list are dropped by Kubernetes. */
  private void prunedV4() {
    String crd = "grafana-operator v4's GrafanaDataSource (integreatly.org/v1alpha1)";
    for (DataSource ds : file.dataSources()) {
      for (GoMap.Entry entry : ds.fields().entries()) {
        if (!V4_FIELDS.contains(entry.key())) {
          prunedItemField(ds, entry.key(), crd, V4_FIELDS);
        }
      }
      // customJsonData replaces jsonData as a whole when present: what jsonData would have lost does not matter then
      prunedKeys(ds, "jsonData", "customJsonData", V4_JSON_DATA, crd);
      prunedKeys(ds, "secureJsonData", "customSecureJsonData", V4_SECURE_JSON_DATA, crd);
    }
  }

  private void prunedItemField(DataSource ds, String key, String crd, Set<String> fields) {
    String pointer = JsonView.pointer("/datasources/" + ds.index(), key);
    String v1 = V0_TO_V1.get(key);
    String fix;
    if (v1 != null && fields.contains(v1)) {
      fix = "rename it to " + v1;
    } else if (key.equals("password") || key.equals("basicAuthPassword")) {
      fix = "move it to secureJsonData." + key + (unit.shape() == Shape.OPERATOR_V5
          ? " (with spec.valuesFrom to take it from a Secret)" : "");
    } else {
      fix = "remove " + key + (unit.shape() == Shape.OPERATOR_V5 ? "; the operator cannot set it" : "");
    }
    out.report(Code.PRUNED_FIELD, pointer, view.keyPosition(pointer),
        key + " is not a field of " + crd + ": Kubernetes drops it when the resource is stored, so it never"
            + " reaches Grafana", fix);
  }

  private void prunedKeys(DataSource ds, String mapKey, String customKey, Set<String> known, String crd) {
    if (ds.fields().containsKey(customKey)) {
      return;
    }
    String map = JsonView.pointer("/datasources/" + ds.index(), mapKey);
    if (!(view.loc(map).map(JsonView.Loc::go).orElse(null) instanceof GoMap keys)) {
      return;
    }
    for (GoMap.Entry entry : keys.entries()) {
      if (known.contains(entry.key())) {
        continue;
      }
      String pointer = JsonView.pointer(map, entry.key());
      String why = entry.key().equals(PromTypeMigration.MARKER)
          ? " (the migration marker cannot be stored here; the type alone is enough)" : "";
      out.report(Code.PRUNED_FIELD, pointer, view.keyPosition(pointer),
          mapKey + "." + Printable.shortened(entry.key(), 80) + " is not among the " + mapKey + " keys that " + crd
              + " lists: Kubernetes drops it when the resource is stored, so it never reaches Grafana" + why,
          "put the whole " + mapKey + " under " + customKey + ", which keeps any key, or move to grafana-operator v5");
    }
  }

  /**
   * On the operator's API path Grafana expands nothing: {@code $__env{}} and {@code $__file{}} are stored as written;
   * {@code ${VAR}} and {@code $VAR} only a step before may substitute, such as the operator's own valuesFrom (which
   * replaces {@code ${KEY}} and {@code $KEY} of its key at its targetPath).
   */
  private void apiPlaceholders() {
    Map<String, Set<String>> substituted = valuesFrom();
    for (Map.Entry<String, JsonView.Loc> entry : view.locations()) {
      String pointer = entry.getKey();
      JsonView.Loc loc = entry.getValue();
      if (loc.raw() == null || !(loc.go() instanceof GoValue.GoString)) {
        continue;
      }
      // a placeholder names where a secret is and may be shown; a secret that merely holds a "$" may not
      boolean secret = SchemaMessages.showing(view, pointer) == SchemaMessages.Showing.SECRET
          && !Secrets.isPlaceholder(loc.raw());
      String subject = Printable.shortened(relative(pointer), 80);
      if (Placeholders.containsExpander(loc.raw())) {
        out.report(Code.API_GRAFANA_PLACEHOLDER, pointer, view.position(pointer),
            subject + " holds " + SchemaMessages.written(view, pointer) + ": $__env{} and $__file{} are expanded only"
                + " when Grafana reads a provisioning file, and grafana-operator sends this data source through"
                + " Grafana's HTTP API, which stores the text as written",
            "take the value from a Secret or ConfigMap with spec.valuesFrom (targetPath + ${KEY}), or write it");
      }
      Set<String> covered = substituted.getOrDefault(pointer, Set.of());
      List<String> outside = new ArrayList<>(new LinkedHashSet<>(Placeholders.variables(loc.raw())));
      outside.removeAll(covered);
      if (outside.isEmpty()) {
        continue;
      }
      String names = secret ? "a variable" : SchemaMessages.join(outside.stream()
          .map(name -> "${" + Printable.shortened(name, 60) + "}").toList(), "and");
      String valuesFrom = covered.isEmpty() ? "" : "; spec.valuesFrom at this path substitutes only "
          + SchemaMessages.join(covered.stream().sorted().map(k -> "${" + k + "}").toList(), "and");
      out.report(Code.API_VARIABLE, pointer, view.position(pointer),
          subject + " holds " + names + ", which Grafana's HTTP API stores as written: grafana-operator sends it"
              + " unchanged, so it needs a step before (Flux postBuild substitution, the operator's valuesFrom,"
              + " envsubst)" + valuesFrom,
          "make sure the pipeline substitutes it, or add spec.valuesFrom with targetPath: "
              + Printable.shortened(relative(pointer), 80));
    }
  }

  /**
   * A heredoc body passes through docker compose and the shell before Grafana reads it (embedded-shapes §1.4): a
   * {@code $__env{X}} (or {@code $__file{}}, {@code $__vault{}}) meant for Grafana is their variable {@code __env}
   * unless escaped for each of them, and Grafana receives {@code {X}}.
   */
  private void expandedBeforeGrafana() {
    List<Expansion> expansions = unit.expansions();
    for (Map.Entry<String, JsonView.Loc> entry : view.locations()) {
      String pointer = entry.getKey();
      JsonView.Loc loc = entry.getValue();
      if (loc.raw() == null || !(loc.go() instanceof GoValue.GoString) || !GRAFANA_EXPANDER.matcher(loc.raw()).find()) {
        continue;
      }
      String after = loc.raw();
      for (Expansion expansion : expansions) {
        after = expansion.expand(after);
      }
      if (Placeholders.containsExpander(after)) {
        continue; // escaped for every layer: Grafana gets its placeholder
      }
      boolean secret = SchemaMessages.showing(view, pointer) == SchemaMessages.Showing.SECRET
          && !Secrets.isPlaceholder(loc.raw());
      String received = secret ? "the text without it"
          : SchemaMessages.quote(Printable.shortened(after.replace(String.valueOf(Expansion.UNKNOWN), ""), 80));
      String who = SchemaMessages.join(expansions.stream().map(Expansion::label).toList(), "and");
      boolean compose = expansions.contains(Expansion.COMPOSE);
      boolean shell = expansions.contains(Expansion.SHELL);
      String operator = unit.heredoc() == null ? "" : unit.heredoc().operator();
      String fix = compose && shell
          ? "write \\$$__env{NAME} (compose makes $$ one $, the shell \\$ one $), or quote the delimiter ("
              + quotedOperator(operator) + ") and write $$__env{NAME}"
          : compose ? "write $$__env{NAME}: compose makes $$ one $"
          : "write \\$__env{NAME}, or quote the delimiter (" + quotedOperator(operator) + ") so the shell leaves the"
              + " body as written";
      out.report(Code.EXPANDED_BEFORE_GRAFANA, pointer, view.position(pointer),
          Printable.shortened(SchemaMessages.subject(pointer), 80) + " holds " + SchemaMessages.written(view, pointer)
              + ", meant for Grafana, but " + who + " expand" + (expansions.size() == 1 ? "s" : "") + " it first ("
              + "$__env is a variable to " + (expansions.size() == 1 ? "it" : "them") + ", empty): Grafana receives "
              + received,
          fix);
    }
  }

  /** {@code <<'EOF'} for a heredoc written {@code <<EOF} (or {@code <<-EOF}). */
  private static String quotedOperator(String operator) {
    Matcher m = Pattern.compile("(<<-?)\\s*(.*)").matcher(operator);
    return m.matches() ? m.group(1) + "'" + m.group(2) + "'" : "<<'EOF'";
  }

  /** The operator's valuesFrom of this resource: the pointer of each targetPath, with the keys it substitutes. */
  private Map<String, Set<String>> valuesFrom() {
    Map<String, Set<String>> targets = new HashMap<>();
    YamlPath spec = new YamlPath(pathInDocument().steps().subList(0, pathInDocument().size() - 1));
    if (!(AliasNode.resolve(nodeAt(spec.key("valuesFrom"))) instanceof SequenceNode list)) {
      return targets;
    }
    for (YamlNode item : list.items()) {
      if (!(AliasNode.resolve(item) instanceof MappingNode entry) || scalarValue(entry, "targetPath") == null
          || !(AliasNode.resolve(entry.lastValue("valueFrom")) instanceof MappingNode from)) {
        continue;
      }
      String key = null;
      for (String ref : List.of("secretKeyRef", "configMapKeyRef")) {
        if (AliasNode.resolve(from.lastValue(ref)) instanceof MappingNode selector && scalarValue(selector, "key") != null) {
          key = scalarValue(selector, "key");
        }
      }
      String pointer = targetPointer(scalarValue(entry, "targetPath"));
      if (key != null && pointer != null) {
        targets.computeIfAbsent(pointer, p -> new LinkedHashSet<>()).add(key);
      }
    }
    return targets;
  }

  /** A valuesFrom targetPath ({@code secureJsonData.httpHeaderValue1}, {@code a.b[1].c}) as a pointer, or null. */
  private static String targetPointer(String targetPath) {
    String path = targetPath.strip();
    if (path.startsWith("$.")) {
      path = path.substring(2);
    }
    StringBuilder pointer = new StringBuilder("/datasources/0");
    for (String step : path.split("\\.", -1)) {
      Matcher m = TARGET_STEP.matcher(step);
      if (!m.matches()) {
        return null; // a JSONPath with filters or wildcards: not followed
      }
      pointer.append('/').append(m.group(1).replace("~", "~0").replace("/", "~1"));
      for (String index : m.group(2).replace("]", "").split("\\[")) {
        if (!index.isEmpty()) {
          pointer.append('/').append(index);
        }
      }
    }
    return pointer.toString();
  }

  /** A pointer of the item as the operator's targetPath names it ({@code jsonData.sigV4Region}). */
  private static String relative(String pointer) {
    String rest = pointer.replaceFirst("^/datasources/[0-9]+/?", "");
    return rest.replaceAll("/([0-9]+)(?=/|$)", "[$1]").replace('/', '.').replace("~1", "/").replace("~0", "~");
  }

  // ------------------------------------------------------------------------------------------ the outer reader

  /**
   * Helm's toYaml quotes a string that starts with {@code {}, and tpl renders inside the quotes: a template where
   * Grafana needs a boolean arrives as the string 'true' (embedded-shapes §1.3). The view leaves exactly those values
   * as strings ({@link JsonView.Loc#template()} without being unresolved).
   */
  private void templateBooleans() {
    for (Map.Entry<String, JsonView.Loc> entry : view.locations()) {
      JsonView.Loc loc = entry.getValue();
      if (!loc.template() || loc.unresolved()) {
        continue;
      }
      String pointer = entry.getKey();
      String key = JsonView.lastKey(pointer);
      boolean typedGoBool = file.isLegacy() && JsonView.V0_BOOLEANS.contains(key)
          && JsonView.parent(pointer).matches("/datasources/[0-9]+");
      String effect = typedGoBool
          ? "a version-0 " + key + " is decoded into a Go bool, which a quoted string is not: Grafana does not start"
          : key.equals("sigV4Auth") ? "Grafana does not sign the requests and its type migration skips this data source"
          : key.equals(PromTypeMigration.MARKER)
              ? "the marker is the boolean true; Grafana's rollback looks for exactly that"
              : "Grafana and the plugins read only a JSON boolean there (a plugin that decodes jsonData into typed"
                  + " fields fails every query)";
      out.report(Code.TEMPLATE_BOOLEAN, typedGoBool ? Severity.ERROR : Code.TEMPLATE_BOOLEAN.severity(), pointer,
          view.position(pointer),
          Printable.shortened(outerKey(pointer), 80) + " is the Helm template " + SchemaMessages.written(view, pointer)
              + ": Helm writes the values with toYaml before tpl renders them, toYaml quotes a string that starts"
              + " with {, and so Grafana receives the quoted string 'true' or 'false', not a boolean: " + effect,
          "write " + key + ": true (or false) as a plain YAML boolean; a Helm template cannot yield a boolean here");
    }
  }

  /**
   * A plain {@code yes/no/on/off/y/n} that the outer reader (YAML 1.1) made a boolean: Grafana receives true or false.
   * Grafana's own reader would have kept the word as a string (the file-shape rule yaml11-bool, which never fires
   * here: the view holds the boolean).
   */
  private void outerBooleanWords() {
    String reader = outerReader(unit.shape());
    for (Map.Entry<String, JsonView.Loc> entry : view.locations()) {
      JsonView.Loc loc = entry.getValue();
      if (!(loc.go() instanceof GoValue.GoBool bool)
          || !(AliasNode.resolve(loc.written()) instanceof ScalarNode scalar) || scalar.style() != ScalarStyle.PLAIN
          || scalar.tag() != null || !GoScalars.YAML11_BOOL_WORDS.contains(scalar.value())) {
        continue;
      }
      String pointer = entry.getKey();
      String key = Printable.shortened(outerKey(pointer), 80);
      out.report(Code.YAML11_BOOL_OUTER, pointer, view.position(pointer),
          key + ": " + scalar.value() + " is a YAML 1.1 boolean: " + reader + " reads it as " + bool.value()
              + ", so Grafana receives " + bool.value() + "; in a provisioning file"
              + " that Grafana reads itself (go-yaml v3) the same word is the string \"" + scalar.value() + "\"",
          "write " + key + ": " + bool.value() + ", which every reader reads alike");
    }
  }

  /** Which reader of the YAML 1.1 layer decides a shape's scalars. */
  private static String outerReader(Shape shape) {
    return switch (shape) {
      case CHART_VALUES, KPS_ADDITIONAL, KPS_DEFAULT, VM_EXTRA -> "Helm";
      case OPERATOR_V5, OPERATOR_V4 -> "kubectl";
      case ANSIBLE_ROLE -> "Ansible";
      default -> "the YAML 1.1 reader of this file (Helm, kubectl or Ansible)";
    };
  }

  /** The key as the outer file writes it (the chart default's isDefault is isDefaultDatasource there). */
  private String outerKey(String pointer) {
    String key = unit.pathOf(pointer).keyAt(0);
    return key != null ? key : SchemaMessages.subject(pointer);
  }

  // ------------------------------------------------------------------------------------------ the outer tree

  /** The unit's path in its document: the file's, or the one a string of values holds. */
  private YamlPath pathInDocument() {
    return unit.nesting() != null ? unit.nesting().path() : unit.path();
  }

  private YamlDocument document() {
    return source.stream().documents().get(unit.document());
  }

  /** The entry a path's last key names, found by walking the outer syntax tree (a key written twice: the last). */
  private MappingNode.Entry entryAt(YamlPath path) {
    if (source.stream() == null || path.isEmpty() || !(path.last() instanceof String)) {
      return null;
    }
    YamlNode parent = nodeAt(new YamlPath(path.steps().subList(0, path.size() - 1)));
    return AliasNode.resolve(parent) instanceof MappingNode map ? map.lastEntry((String) path.last()) : null;
  }

  /** The node at a path of the unit's document (for a unit in values written as a string: that string's), or null. */
  private YamlNode nodeAt(YamlPath path) {
    if (source.stream() == null) {
      return null;
    }
    YamlNode node = unit.nesting() != null ? unit.nesting().root() : document().root();
    for (Object step : path.steps()) {
      node = AliasNode.resolve(node);
      if (step instanceof String key && node instanceof MappingNode map) {
        node = map.lastValue(key);
      } else if (step instanceof Integer index && node instanceof SequenceNode list && index < list.items().size()) {
        node = list.items().get(index);
      } else {
        return null;
      }
    }
    return node;
  }

  /** A node as the YAML 1.1 reader decodes it (merge keys applied), or null when it cannot be read. */
  private GoValue resolved(YamlNode node) {
    if (node == null) {
      return null;
    }
    try {
      return GoYaml.resolve(document().part(node), YamlDialect.YAML_1_1);
    } catch (SourceException e) {
      return null; // the outer file's own problem, reported where it is read
    }
  }

  private static String scalarValue(MappingNode map, String key) {
    return AliasNode.resolve(map.lastValue(key)) instanceof ScalarNode scalar ? scalar.value() : null;
  }

  private static Optional<GoMap> map(GoMap map, String key) {
    return map.get(key).filter(GoMap.class::isInstance).map(GoMap.class::cast);
  }

  /**
   * Whether a chart setting is switched off: the boolean false, or text the chart renders as false ({@code "false"},
   * {@code 0}). A null is not: Helm drops a null value and the chart's default (true) applies.
   */
  private static boolean isOff(GoMap config, String key) {
    GoValue value = config.get(key).orElse(null);
    if (value instanceof GoValue.GoBool bool) {
      return !bool.value();
    }
    if (value instanceof GoValue.GoString text) {
      return Boolean.FALSE.equals(GoScalars.parseGoBool(text.value().strip()));
    }
    return value instanceof GoValue.GoInt integer && integer.value().longValue() == 0;
  }

  /** A Go template's {@code if}: not false, 0, "", null, or an empty map or list. */
  private static boolean isSet(GoValue value) {
    if (value instanceof GoValue.GoBool bool) {
      return bool.value();
    }
    if (value instanceof GoValue.GoString text) {
      return !text.value().isEmpty();
    }
    if (value instanceof GoValue.GoInt integer) {
      return integer.value().doubleValue() != 0;
    }
    if (value instanceof GoValue.GoFloat number) {
      return number.value() != 0;
    }
    if (value instanceof GoMap map) {
      return map.size() > 0;
    }
    return value instanceof GoList list && !list.items().isEmpty();
  }

  /**
   * Findings about the file around the units: keys the YAML 1.1 readers keep only the last of, and keys that look
   * like data source definitions where the chart does not read them.
   */
  static List<Diagnostic> outer(SourceFile source) {
    List<Diagnostic> findings = new ArrayList<>();
    SourceText text = source.source();
    for (YamlDocument document : source.stream().documents()) {
      for (DuplicateKey duplicate : document.duplicateKeys()) {
        Position first = text.position(duplicate.first().span().start());
        Position second = text.position(duplicate.second().span().start());
        findings.add(new Diagnostic(source.fileName(), second, Code.OUTER_DUPLICATE_KEY.severity(),
            Code.OUTER_DUPLICATE_KEY, "", "the key " + keyText(duplicate.second()) + " is also defined at line "
                + first.line() + ", column " + first.column() + ": Helm and kubectl (YAML 1.1, go-yaml v2) keep this"
                + " later value and drop the first without a word",
            "remove one of the two keys"));
      }
    }
    for (Unit unit : source.units()) {
      Generated.by(source.stream().documents().get(unit.document())).ifPresent(tool -> findings.add(new Diagnostic(
          source.fileName(), unit.position(), Code.GENERATED_FILE.severity(), Code.GENERATED_FILE, "",
          Generated.message(tool), "change the values or the jsonnet and render again", unit.path().toString())));
    }
    for (YamlDocument document : source.stream().documents()) {
      secretDataShadowed(source, document, findings);
    }
    for (Misplaced misplaced : source.misplaced()) {
      findings.add(new Diagnostic(source.fileName(), text.position(misplaced.key().span().start()),
          Code.CHART_IGNORED_KEY.severity(), Code.CHART_IGNORED_KEY, "", misplaced.why(),
          "move the list to grafana.additionalDataSources", misplaced.path().toString()));
    }
    return findings;
  }

  /** A Secret key in both data and stringData: Kubernetes keeps stringData's. */
  private static void secretDataShadowed(SourceFile source, YamlDocument document, List<Diagnostic> findings) {
    if (!(document.root() instanceof MappingNode object)
        || !(object.lastValue("kind") instanceof ScalarNode kind) || !kind.value().equals("Secret")
        || !(object.lastValue("data") instanceof MappingNode data)
        || !(object.lastValue("stringData") instanceof MappingNode stringData)) {
      return;
    }
    for (MappingNode.Entry entry : data.entries()) {
      String key = entry.keyText();
      MappingNode.Entry written = key == null ? null : stringData.lastEntry(key);
      if (written != null) {
        Position at = source.source().position(entry.key().span().start());
        Position wins = source.source().position(written.key().span().start());
        findings.add(new Diagnostic(source.fileName(), at, Code.SECRET_DATA_SHADOWED.severity(),
            Code.SECRET_DATA_SHADOWED, "", "data " + keyText(entry.key()) + " is also in stringData (line "
                + wins.line() + ", column " + wins.column() + "): Kubernetes keeps the stringData value, so this one"
                + " never reaches Grafana", "keep the key in one of the two", "data." + key));
      }
    }
  }

  private static String keyText(YamlNode key) {
    return key instanceof ScalarNode scalar ? "\"" + Printable.shortened(scalar.value(), 80) + "\"" : "(a complex key)";
  }
}
