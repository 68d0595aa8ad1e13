package io.promshift.embed;

import io.promshift.grafana.GoScalars;
import io.promshift.grafana.GoYaml;
import io.promshift.grafana.YamlDialect;
import io.promshift.model.ProvisioningFile;
import io.promshift.model.ProvisioningReader;
import io.promshift.syntax.AliasNode;
import io.promshift.syntax.DuplicateKey;
import io.promshift.syntax.MappingNode;
import io.promshift.syntax.ScalarNode;
import io.promshift.syntax.ScalarStyle;
import io.promshift.syntax.SequenceNode;
import io.promshift.syntax.YamlDocument;
import io.promshift.syntax.YamlNode;
import io.promshift.syntax.YamlReader;
import io.promshift.syntax.YamlStream;
import io.promshift.text.SourceException;
import io.promshift.text.SourceText;
import io.promshift.text.Span;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the units of every document of a stream by the rules of embedded-shapes §1.2, in one walk over the syntax
 * trees (no re-parsing per unit): Kubernetes objects by {@code apiVersion} and {@code kind} (also inside
 * {@code kind: List} items, OpenShift template objects and chart {@code extraObjects}, which the walk reaches like any
 * other nested value), then Helm values keys at any depth (under {@code grafana:}, an umbrella alias, Flux
 * {@code spec.values}, Argo CD {@code valuesObject}, kustomize {@code valuesInline}), then the user's paths, which
 * win over everything. The walk does not enter a unit it found, aliases (their anchors are walked where they are
 * written) or strings (provisioning text inside strings is another layer). Comments are never units.
 *
 * <p>Stateless apart from one walk's results; a new locator per file.
 */
final class UnitLocator {
  /** Keys of kube-prometheus-stack's default data source that a values file sets only to configure it. */
  private static final Set<String> KPS_DEFAULT_KEYS = Set.of("defaultDatasourceEnabled", "isDefaultDatasource",
      "url", "uid", "name", "extraJsonData", "httpMethod", "timeInterval", "timeout",
      "createPrometheusReplicasDatasources", "exemplarTraceIdDestinations", "customQueryParameters");

  /** A line of text that starts a provisioning file's data source or delete list. */
  private static final java.util.regex.Pattern DOCUMENT_LINE =
      java.util.regex.Pattern.compile("(?m)^\\s*\"?(datasources|deleteDatasources)\"?\\s*:");

  private final List<UnitRule> rules;
  private final ProvisioningReader reader;
  /** Reads the YAML held in strings (values, item lists, JSON): one reader for the whole walk. */
  private final YamlReader yaml;
  private final List<UnitProblem> problems = new ArrayList<>();
  /** Whether strings are looked into (not inside values that are themselves a string: one layer of strings). */
  private boolean stringsToo = true;
  /** Strings already judged as a Kubernetes object's files: the generic walk leaves them alone. */
  private final Set<YamlNode> handled = Collections.newSetFromMap(new IdentityHashMap<>());
  private final List<Unit> units = new ArrayList<>();
  private final List<Misplaced> misplaced = new ArrayList<>();
  private YamlDocument document;
  private int documentIndex;
  /** The keys of this document that are written twice in their mapping (each occurrence). */
  private Set<YamlNode> duplicated;
  /** Whether this document is a compose file: docker compose interpolates its strings ({@code $VAR}, {@code $$}). */
  private boolean compose;

  UnitLocator(List<UnitRule> rules, ProvisioningReader reader, YamlReader yaml) {
    this.rules = rules;
    this.reader = reader;
    this.yaml = yaml;
  }

  List<UnitProblem> problems() {
    return problems;
  }

  List<Unit> units() {
    return units;
  }

  List<Misplaced> misplaced() {
    return misplaced;
  }

  /** Locates the units of every document, in file order. */
  UnitLocator locate(YamlStream stream) {
    List<YamlDocument> documents = stream.documents();
    for (int i = 0; i < documents.size(); i++) {
      document = documents.get(i);
      documentIndex = i;
      duplicated = Collections.newSetFromMap(new IdentityHashMap<>());
      for (DuplicateKey duplicate : document.duplicateKeys()) {
        duplicated.add(duplicate.first());
        duplicated.add(duplicate.second());
      }
      compose = isCompose(document.root());
      if (document.root() != null) {
        visit(document.root(), YamlPath.ROOT, "");
      }
    }
    return this;
  }

  private void visit(YamlNode node, YamlPath path, String carrier) {
    if (node instanceof ScalarNode scalar) {
      if ("values".equals(path.keyAt(0)) && "helm".equals(path.keyAt(1))) {
        valuesString(scalar, path, carrier);
      } else {
        stringUnit(scalar, path, carrier, Shape.STRING_FILE, false);
      }
      return;
    }
    if (node instanceof AliasNode) {
      return;
    }
    for (UnitRule rule : rules) {
      if (!path.isEmpty() && rule.path().matches(path)) {
        userUnit(node, path, carrier, rule.kind());
        return;
      }
    }
    if (node instanceof SequenceNode sequence) {
      List<YamlNode> items = sequence.items();
      for (int i = 0; i < items.size(); i++) {
        visit(items.get(i), path.index(i), carrier);
      }
      return;
    }
    MappingNode map = (MappingNode) node;
    String kind = scalar(map, "kind");
    String apiVersion = scalar(map, "apiVersion");
    if (kind != null && apiVersion != null) {
      if (kind.equals("GrafanaDatasource") && apiVersion.startsWith("grafana.integreatly.org/")) {
        operatorV5(map, path, carrier);
        return;
      }
      if (kind.equals("DataSource") && (apiVersion.startsWith("oss.grafana.crossplane.io/")
          || apiVersion.startsWith("oss.grafana.m.crossplane.io/"))) {
        crossplane(map, path, carrier);
        return;
      }
      if (kind.equals("GrafanaDataSource") && apiVersion.startsWith("integreatly.org/")) {
        operatorV4(map, path, carrier);
        return;
      }
      if ((kind.equals("ConfigMap") || kind.equals("Secret")) && apiVersion.equals("v1")) {
        kubeData(map, kind, path, carrier);
      }
      carrier = carrier(kind, apiVersion, carrier);
    }
    for (MappingNode.Entry entry : map.entries()) {
      String key = entry.keyText();
      if (key == null || GoYaml.isMergeKey(entry.key(), YamlDialect.YAML_1_1) || shadowed(map, entry)) {
        continue; // a key written twice: Helm and kubectl keep the last, the first never reaches Grafana
      }
      YamlNode value = entry.value();
      YamlPath at = path.key(key);
      if (matchesRule(at)) {
        visit(value, at, carrier);
        continue;
      }
      switch (key) {
        case "datasources" -> {
          if (value instanceof MappingNode files && chartValues(files, at, carrier)) {
            continue;
          }
        }
        case "additionalDataSources" -> {
          if (value instanceof SequenceNode list && itemsOfMaps(list)) {
            if ("grafana".equals(path.keyAt(0))) {
              add(Shape.KPS_ADDITIONAL, UnitKind.ITEMS, at, carrier, list, wrapper(list, UnitKind.ITEMS), Map.of());
            } else {
              misplaced.add(new Misplaced(entry.key(), at, "kube-prometheus-stack reads additionalDataSources only"
                  + " under grafana: (grafana.additionalDataSources); here the chart ignores it"));
            }
            continue;
          }
        }
        case "additionalDataSourcesString" -> {
          if ("grafana".equals(path.keyAt(0)) && value instanceof ScalarNode string) {
            itemsString(string, at, carrier);
            handled.add(string);
            continue;
          }
        }
        case "additionalDatasources" -> {
          if (value instanceof SequenceNode) {
            misplaced.add(new Misplaced(entry.key(), at, "kube-prometheus-stack reads additionalDataSources (capital"
                + " S); it ignores additionalDatasources"));
            continue;
          }
        }
        case "extra" -> {
          if ("defaultDatasources".equals(path.keyAt(0)) && value instanceof SequenceNode list && itemsOfMaps(list)) {
            add(Shape.VM_EXTRA, UnitKind.ITEMS, at, carrier, list, wrapper(list, UnitKind.ITEMS), Map.of());
            continue;
          }
        }
        case "grafana_datasources" -> {
          if (value instanceof SequenceNode list && itemsOfMaps(list)) {
            add(Shape.ANSIBLE_ROLE, UnitKind.ITEMS, at, carrier, list, wrapper(list, UnitKind.ITEMS), Map.of());
            continue;
          }
        }
        case "sidecar" -> {
          if ("grafana".equals(path.keyAt(0)) && value instanceof MappingNode sidecar) {
            kpsDefault(sidecar, at, carrier);
          }
        }
        default -> { }
      }
      visit(value, at, carrier);
    }
  }

  /** Whether a later entry of the map has the same key: Helm and kubectl keep the last, this one is gone. */
  private boolean shadowed(MappingNode map, MappingNode.Entry entry) {
    return duplicated.contains(entry.key()) && map.lastEntry(entry.keyText()) != entry;
  }

  private boolean matchesRule(YamlPath path) {
    for (UnitRule rule : rules) {
      if (rule.path().matches(path)) {
        return true;
      }
    }
    return false;
  }

  // ---- strings ---------------------------------------------------------------------------------------------

  /**
   * A ConfigMap's or Secret's files: {@code data} and {@code stringData} strings (a Secret's {@code data} and a
   * ConfigMap's {@code binaryData} are base64: decoded to be read, never edited), each a provisioning file when its text
   * is one; a key named like a file Grafana reads whose text does not read is refused with its position.
   */
  private void kubeData(MappingNode object, String kind, YamlPath path, String carrier) {
    if (!stringsToo) {
      return;
    }
    boolean sidecar = hasSidecarLabel(object);
    Shape shape = sidecar ? Shape.SIDECAR_FILE : Shape.STRING_FILE;
    String here = carrier(kind, "v1", carrier);
    for (String section : List.of("data", "stringData", "binaryData")) {
      if (!(object.lastValue(section) instanceof MappingNode files)) {
        continue;
      }
      boolean base64 = section.equals("binaryData") || (section.equals("data") && kind.equals("Secret"));
      for (MappingNode.Entry file : files.entries()) {
        String key = file.keyText();
        if (key == null) {
          continue;
        }
        YamlPath at = path.key(section).key(key);
        boolean named = key.endsWith(".yaml") || key.endsWith(".yml");
        if (!(file.value() instanceof ScalarNode scalar)) {
          if (named && !(file.value() instanceof AliasNode)) {
            notAString(file.value(), at, kind);
          }
          continue;
        }
        if (base64) {
          base64Unit(scalar, at, here, shape);
        } else {
          stringUnit(scalar, at, here, shape, named);
        }
        handled.add(scalar);
      }
    }
  }

  /**
   * A file of a ConfigMap or Secret written as a list or a map (a generator that emitted the bytes of the file as a
   * list of numbers): Kubernetes refuses the object, so Grafana never gets the file; refused with its position.
   */
  private void notAString(YamlNode value, YamlPath path, String kind) {
    String what = value instanceof SequenceNode ? "a list" : "a map";
    problems.add(new UnitProblem(path, new SourceException(document.source().name(),
        document.source().position(value.span().start()), SourceException.Kind.SYNTAX, path + " is " + what
        + ", not a string: Kubernetes refuses a " + kind + " whose files are not strings, so Grafana never gets"
        + " this file")));
  }

  /** Whether a Kubernetes object carries the label the k8s-sidecar of the charts watches ({@code grafana_datasource}). */
  private static boolean hasSidecarLabel(MappingNode object) {
    if (object.lastValue("metadata") instanceof MappingNode metadata
        && metadata.lastValue("labels") instanceof MappingNode labels) {
      for (MappingNode.Entry label : labels.entries()) {
        if (label.keyText() != null && label.keyText().contains("datasource")) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * A string whose text is a provisioning file (a map with a {@code datasources} list or a delete list): a unit read as
   * Grafana reads a file. A string that only mentions data sources is none; one that says it is a provisioning file
   * ({@code named}: a key Grafana reads as a file, or a line starting {@code datasources:}) but does not read is
   * refused with its position. A string that is a script instead is looked into for heredocs: each body that is a
   * provisioning file is a unit of its own ({@link #heredocUnits}).
   */
  private void stringUnit(ScalarNode scalar, YamlPath path, String carrier, Shape shape, boolean named) {
    if (!stringsToo || handled.contains(scalar) || scalar.style() == ScalarStyle.PLAIN && scalar.value().indexOf('\n') < 0) {
      return;
    }
    String value = scalar.value();
    if (!value.contains("atasources") || value.indexOf('\n') < 0 && !value.startsWith("{")) {
      return;
    }
    boolean says = named || DOCUMENT_LINE.matcher(value).find();
    InnerText inner = InnerText.of(document.source(), scalar);
    int found = units.size();
    SourceException failed = readInner(scalar, path, carrier, shape, inner, null);
    if (units.size() > found) {
      return; // the string is a provisioning file itself
    }
    if (heredocUnits(scalar, path, carrier, inner)) {
      return; // a script: its own text is no YAML, its heredocs are what Grafana reads
    }
    if (failed != null && says) {
      problems.add(new UnitProblem(path, failed));
    }
  }

  /**
   * The heredoc bodies of a script in a string that are provisioning files (embedded-shapes §2.6): each a unit at the
   * string's path, read as Grafana reads the file the script writes; a body that says it is one (a line starting
   * {@code datasources:}, or written into a {@code provisioning/datasources} folder) but does not read is refused
   * alone. Returns whether the string holds any heredoc (it is then a script, not a YAML text).
   */
  private boolean heredocUnits(ScalarNode scalar, YamlPath path, String carrier, InnerText script) {
    List<Heredocs.Body> bodies = Heredocs.find(script);
    for (Heredocs.Body body : bodies) {
      String text = body.text().text();
      if (!text.contains("atasources")) {
        continue;
      }
      List<Expansion> expansions = new ArrayList<>();
      if (compose) {
        expansions.add(Expansion.COMPOSE);
      }
      if (!body.quoted()) {
        expansions.add(Expansion.SHELL);
      }
      Heredoc heredoc = new Heredoc(body.operator(), body.delimiter(), body.quoted(), body.stripsTabs(), expansions);
      SourceException failed = readInner(scalar, path, carrier, Shape.HEREDOC_FILE, body.text(), heredoc);
      if (failed != null && (DOCUMENT_LINE.matcher(text).find() || body.line().contains("provisioning/datasources"))) {
        problems.add(new UnitProblem(path, failed));
      }
    }
    return !bodies.isEmpty();
  }

  /**
   * Helm values written as a string (Argo CD {@code spec.source.helm.values}): the string is read as Helm reads values,
   * and its units are found as in a values file; each is a unit of this file, written inside the string (a string in a
   * string: a provisioning file inside those values is left to a later layer).
   */
  private void valuesString(ScalarNode scalar, YamlPath path, String carrier) {
    if (!stringsToo || scalar.value().indexOf('\n') < 0 || !scalar.value().contains("atasource")) {
      return;
    }
    InnerText inner = InnerText.of(document.source(), scalar);
    YamlStream values;
    try {
      values = yaml.readStream(SourceText.of(document.source().name(), inner.text()), true);
      SourceReader.refuseTemplateOutsideStrings(values);
    } catch (SourceException e) {
      problems.add(new UnitProblem(path, outer(e, inner)));
      return;
    }
    UnitLocator nested = new UnitLocator(rules, reader, yaml);
    nested.stringsToo = false;
    nested.locate(values);
    String here = carrier.isEmpty() ? "helm.values string" : carrier + " > helm.values string";
    for (Unit unit : nested.units()) {
      YamlNode root = values.documents().get(unit.document()).root();
      units.add(new Unit(unit.shape(), unit.kind(), documentIndex, path, here, scalar, unit.file(), unit.renamedKeys(),
          inner, null, new Unit.Nesting(root, unit.path())));
    }
    for (Misplaced misplaced : nested.misplaced()) {
      this.misplaced.add(new Misplaced(scalar, path, misplaced.path() + " in this string: " + misplaced.why()));
    }
  }

  /**
   * Data source items written as YAML text in a string (kube-prometheus-stack's {@code additionalDataSourcesString}):
   * Helm renders its {@code {{ }}} and indents it into the file Grafana reads, so a template tag inside a value is a
   * placeholder and one outside every value makes it a template, refused alone.
   */
  private void itemsString(ScalarNode scalar, YamlPath path, String carrier) {
    if (!stringsToo) {
      return;
    }
    InnerText inner = InnerText.of(document.source(), scalar);
    SourceText text = SourceText.of(document.source().name(), inner.text());
    YamlDocument items;
    try {
      YamlStream stream = yaml.readStream(text, false);
      SourceReader.refuseTemplateOutsideStrings(stream);
      items = stream.documents().isEmpty() ? null : stream.documents().get(0);
    } catch (SourceException broken) {
      // a text that does not read and holds template tags is a template: say so at its first tag
      int tag = io.promshift.model.Templates.find(text.text());
      SourceException e = tag >= 0 && broken.kind() == SourceException.Kind.SYNTAX
          ? io.promshift.model.Templates.error(text, tag) : broken;
      problems.add(new UnitProblem(path, outer(e, inner)));
      return;
    }
    if (items == null || !(items.root() instanceof SequenceNode list) || !itemsOfMaps(list)) {
      return;
    }
    ProvisioningFile file = ProvisioningFile.of(items.part(wrapper(list, UnitKind.ITEMS)), Shape.KPS_STRING.dialect());
    units.add(new Unit(Shape.KPS_STRING, UnitKind.ITEMS, documentIndex, path, carrier, scalar, file, Map.of(), inner));
  }

  private void base64Unit(ScalarNode scalar, YamlPath path, String carrier, Shape shape) {
    InnerText.Base64Form form = InnerText.Base64Form.of(scalar.value());
    byte[] bytes;
    try {
      bytes = form.decode(scalar.value());
    } catch (IllegalArgumentException notBase64) {
      return;
    }
    String text;
    try {
      text = java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (java.nio.charset.CharacterCodingException binary) {
      return;
    }
    if (!text.contains("atasources")) {
      return;
    }
    InnerText inner = InnerText.base64(document.source(), scalar, text, form, "a base64 value (" + path.last()
        + "): promshift reads it but rewrites it only when asked (--rewrite-base64)");
    SourceException failed = readInner(scalar, path, carrier, shape, inner, null);
    if (failed != null && DOCUMENT_LINE.matcher(text).find()) {
      problems.add(new UnitProblem(path, failed));
    }
  }

  /**
   * Reads a string's text (or a heredoc body in it) as Grafana reads a file, and adds it as a unit when it is a data
   * source provisioning file. Returns why it does not read (at its outer position), or null.
   */
  private SourceException readInner(ScalarNode scalar, YamlPath path, String carrier, Shape shape, InnerText inner,
      Heredoc heredoc) {
    SourceText text = SourceText.of(document.source().name(), inner.text());
    ProvisioningFile file;
    try {
      file = reader.read(text);
    } catch (SourceException e) {
      return outer(e, inner);
    }
    if (file.isDataSourceProvisioning() && SourceReader.isPlainProvisioning(file.document())) {
      units.add(new Unit(shape, UnitKind.DOCUMENT, documentIndex, path, carrier, scalar, file, Map.of(), inner,
          heredoc));
    }
    return null;
  }

  /**
   * A reading error of a string's text, placed in the outer file: its position and the place it names (the first of
   * two duplicate keys), also where the message says it.
   */
  private static SourceException outer(SourceException e, InnerText inner) {
    if (e.related().isEmpty()) {
      return new SourceException(e.file(), inner.outerPosition(e.position()), e.kind(), e.problem());
    }
    io.promshift.text.Position related = e.related().get();
    io.promshift.text.Position outerRelated = inner.outerPosition(related);
    String problem = e.problem().replace("line " + related.line() + ", column " + related.column(),
        "line " + outerRelated.line() + ", column " + outerRelated.column());
    return new SourceException(e.file(), inner.outerPosition(e.position()), e.kind(), problem, outerRelated);
  }

  // ---- shapes ------------------------------------------------------------------------------------------------

  private void operatorV5(MappingNode object, YamlPath path, String carrier) {
    if (mapping(object, "spec") instanceof MappingNode spec && mapping(spec, "datasource") instanceof MappingNode item) {
      add(Shape.OPERATOR_V5, UnitKind.ITEM, path.key("spec").key("datasource"), carrier, item,
          wrapper(item, UnitKind.ITEM), Map.of());
    }
  }

  private void operatorV4(MappingNode object, YamlPath path, String carrier) {
    if (mapping(object, "spec") instanceof MappingNode spec
        && spec.lastValue("datasources") instanceof SequenceNode list
        && itemsOfMaps(list)) {
      add(Shape.OPERATOR_V4, UnitKind.ITEMS, path.key("spec").key("datasources"), carrier, list,
          wrapper(list, UnitKind.ITEMS), Map.of());
    }
  }

  /** Terraform's names of the data source fields Crossplane's provider takes (its key → the provisioning key). */
  private static final List<String[]> CROSSPLANE_KEYS = List.of(
      new String[] {"name", "name"}, new String[] {"type", "type"}, new String[] {"uid", "uid"},
      new String[] {"url", "url"}, new String[] {"accessMode", "access"}, new String[] {"isDefault", "isDefault"},
      new String[] {"basicAuthEnabled", "basicAuth"}, new String[] {"basicAuthUsername", "basicAuthUser"},
      new String[] {"databaseName", "database"}, new String[] {"username", "user"}, new String[] {"orgId", "orgId"});

  /**
   * Crossplane provider-grafana's {@code DataSource} (S9): one item at {@code spec.forProvider} under Terraform's keys,
   * its jsonData the JSON object written in {@code jsonDataEncoded}. That JSON is placed where its characters are in
   * the file (a block scalar writes them one for one), so the marker can be added to it like to any flow mapping; JSON
   * written with escapes, or a Terraform expression where the JSON should be, is reported and left.
   */
  private void crossplane(MappingNode object, YamlPath path, String carrier) {
    if (!(mapping(object, "spec") instanceof MappingNode spec)
        || !(mapping(spec, "forProvider") instanceof MappingNode provider)) {
      return;
    }
    YamlPath at = path.key("spec").key("forProvider");
    List<MappingNode.Entry> fields = new ArrayList<>();
    Map<String, String> renamed = new LinkedHashMap<>();
    for (String[] key : CROSSPLANE_KEYS) {
      MappingNode.Entry entry = provider.lastEntry(key[0]);
      if (entry != null) {
        fields.add(new MappingNode.Entry(synthetic(key[1], entry.key().span().start()), entry.value()));
        if (!key[0].equals(key[1])) {
          renamed.put(key[1], key[0]);
        }
      }
    }
    MappingNode.Entry json = provider.lastEntry("jsonDataEncoded");
    if (json != null && json.value() instanceof ScalarNode encoded) {
      YamlNode jsonData = placedJson(encoded, at.key("jsonDataEncoded"));
      if (jsonData != null) {
        fields.add(new MappingNode.Entry(synthetic("jsonData", json.key().span().start()), jsonData));
        renamed.put("jsonData", "jsonDataEncoded");
      }
    }
    MappingNode item = new MappingNode(provider.span(), false, fields, null, null);
    add(Shape.CROSSPLANE, UnitKind.ITEM, at, carrier, provider, wrapper(item, UnitKind.ITEM), renamed);
  }

  /** The JSON object of a string, with every node at the characters that write it in the file; null if it cannot be. */
  private YamlNode placedJson(ScalarNode encoded, YamlPath path) {
    InnerText inner = InnerText.of(document.source(), encoded);
    YamlDocument parsed;
    try {
      parsed = yaml.read(SourceText.of(document.source().name(), inner.text()));
    } catch (SourceException e) {
      problems.add(new UnitProblem(path, outer(e, inner)));
      return null;
    }
    if (!(parsed.root() instanceof MappingNode object)) {
      problems.add(new UnitProblem(path, new SourceException(document.source().name(), inner.outerPosition(
          io.promshift.text.Position.START), SourceException.Kind.SYNTAX, "jsonDataEncoded is not a JSON object (a"
          + " Terraform expression, or text): the provider cannot decode it, and promshift leaves it")));
      return null;
    }
    YamlNode placed = place(object, inner);
    if (placed == null) {
      problems.add(new UnitProblem(path, new SourceException(document.source().name(), inner.outerPosition(
          io.promshift.text.Position.START), SourceException.Kind.UNEDITABLE, "jsonDataEncoded is written with escapes"
          + " or folds: promshift cannot place its values in the file; write it as a block (jsonDataEncoded: |)")));
    }
    return placed;
  }

  /** A node read from a string's text, at the outer characters that write it; null when they are not one for one. */
  private static YamlNode place(YamlNode node, InnerText inner) {
    Span span = inner.sameCharacters(node.span().start(), node.span().end());
    if (span == null) {
      return null;
    }
    if (node instanceof ScalarNode scalar) {
      Span value = inner.sameCharacters(scalar.valueSpan().start(), scalar.valueSpan().end());
      return value == null ? null : new ScalarNode(span, value, scalar.value(), scalar.style(), scalar.tag(),
          scalar.anchor());
    }
    if (node instanceof MappingNode map) {
      List<MappingNode.Entry> entries = new ArrayList<>();
      for (MappingNode.Entry entry : map.entries()) {
        YamlNode key = place(entry.key(), inner);
        YamlNode value = place(entry.value(), inner);
        if (key == null || value == null) {
          return null;
        }
        entries.add(new MappingNode.Entry(key, value));
      }
      return new MappingNode(span, map.flow(), entries, map.tag(), map.anchor());
    }
    if (node instanceof SequenceNode list) {
      List<YamlNode> items = new ArrayList<>();
      for (YamlNode item : list.items()) {
        YamlNode placed = place(item, inner);
        if (placed == null) {
          return null;
        }
        items.add(placed);
      }
      return new SequenceNode(span, list.flow(), items, list.tag(), list.anchor());
    }
    return null; // an alias: JSON has none
  }

  /**
   * The grafana chart's {@code datasources:} map of file names, each a provisioning document (or a {@code secret:}
   * wrapper holding one). Whether a map is one: at least one of its values looks like a provisioning document.
   */
  private boolean chartValues(MappingNode files, YamlPath at, String carrier) {
    List<MappingNode.Entry> documents = new ArrayList<>();
    for (MappingNode.Entry file : files.entries()) {
      if (file.keyText() != null && file.value() instanceof MappingNode && !shadowed(files, file)) {
        documents.add(file);
      }
    }
    boolean any = false;
    for (MappingNode.Entry file : documents) {
      YamlPath filePath = at.key(file.keyText());
      MappingNode doc = (MappingNode) file.value();
      if (doc.lastValue("secret") instanceof MappingNode secret && looksLikeDocument(secret)) {
        add(Shape.CHART_VALUES, UnitKind.DOCUMENT, filePath.key("secret"), carrier, secret, secret, Map.of());
        any = true;
      } else if (looksLikeDocument(doc)) {
        add(Shape.CHART_VALUES, UnitKind.DOCUMENT, filePath, carrier, doc, doc, Map.of());
        any = true;
      }
    }
    return any;
  }

  private static boolean looksLikeDocument(MappingNode map) {
    return map.lastValue("datasources") instanceof SequenceNode || map.entry("deleteDatasources") != null
        || map.entry("delete_datasources") != null
        || (map.entry("apiVersion") != null && map.lastValue("datasources") != null);
  }

  /**
   * kube-prometheus-stack's own data source, configured under {@code grafana.sidecar.datasources}: a virtual item
   * whose {@code type: prometheus} the chart's template writes. Listed when the file configures it (a key only that
   * data source has) and does not switch it off.
   */
  private void kpsDefault(MappingNode sidecar, YamlPath sidecarPath, String carrier) {
    if (!(sidecar.lastValue("datasources") instanceof MappingNode config)) {
      return;
    }
    boolean configured = config.entries().stream().anyMatch(e -> KPS_DEFAULT_KEYS.contains(e.keyText()));
    if (!configured || isFalse(config.lastValue("defaultDatasourceEnabled")) || isFalse(config.lastValue("enabled"))) {
      return;
    }
    int at = config.span().start();
    Map<String, String> renamed = new LinkedHashMap<>();
    List<MappingNode.Entry> fields = new ArrayList<>();
    fields.add(field(config, "name", "name", "Prometheus", at));
    fields.add(new MappingNode.Entry(synthetic("type", at), synthetic("prometheus", at)));
    for (String key : List.of("uid", "url")) {
      MappingNode.Entry own = config.lastEntry(key);
      if (own != null) {
        fields.add(own);
      }
    }
    fields.add(field(config, "isDefaultDatasource", "isDefault", "true", at));
    renamed.put("isDefault", "isDefaultDatasource");
    MappingNode.Entry extra = config.lastEntry("extraJsonData");
    if (extra != null) {
      fields.add(new MappingNode.Entry(synthetic("jsonData", extra.key().span().start()), extra.value()));
      renamed.put("jsonData", "extraJsonData");
    }
    MappingNode item = new MappingNode(config.span(), false, fields, null, null);
    add(Shape.KPS_DEFAULT, UnitKind.ITEM, sidecarPath.key("datasources"), carrier, config,
        wrapper(item, UnitKind.ITEM), renamed);
  }

  /** A field of the virtual item: the user's own entry under the model's key, else the chart's default. */
  private static MappingNode.Entry field(MappingNode config, String outerKey, String modelKey, String fallback,
      int at) {
    MappingNode.Entry own = config.lastEntry(outerKey);
    if (own == null) {
      return new MappingNode.Entry(synthetic(modelKey, at), synthetic(fallback, at));
    }
    return new MappingNode.Entry(synthetic(modelKey, own.key().span().start()), own.value());
  }

  private void userUnit(YamlNode node, YamlPath path, String carrier, UnitKind kind) {
    switch (kind) {
      case DOCUMENT -> {
        if (node instanceof MappingNode map) {
          add(Shape.USER, kind, path, carrier, map, map, Map.of());
        }
      }
      case ITEMS -> {
        if (node instanceof SequenceNode list && itemsOfMaps(list)) {
          add(Shape.USER, kind, path, carrier, list, wrapper(list, kind), Map.of());
        }
      }
      case ITEM -> {
        if (node instanceof MappingNode map) {
          add(Shape.USER, kind, path, carrier, map, wrapper(map, kind), Map.of());
        }
      }
      default -> throw new IllegalStateException(kind.toString());
    }
  }

  private void add(Shape shape, UnitKind kind, YamlPath path, String carrier, YamlNode node, YamlNode model,
      Map<String, String> renamed) {
    ProvisioningFile file = ProvisioningFile.of(document.part(model), shape.dialect());
    units.add(new Unit(shape, kind, documentIndex, path, carrier, node, file, renamed));
  }

  // ---- the wrapper around items ------------------------------------------------------------------------------

  /**
   * {@code {apiVersion: 1, datasources: [...]}} around a list of items or one item: what the chart, the role and the
   * operator write around them. Its own keys are synthetic, placed where the unit starts; the items are the file's.
   */
  static MappingNode wrapper(YamlNode itemsOrItem, UnitKind kind) {
    int at = itemsOrItem.span().start();
    YamlNode list = kind == UnitKind.ITEMS ? itemsOrItem
        : new SequenceNode(itemsOrItem.span(), false, List.of(itemsOrItem), null, null);
    return new MappingNode(itemsOrItem.span(), false, List.of(
        new MappingNode.Entry(synthetic("apiVersion", at), synthetic("1", at)),
        new MappingNode.Entry(synthetic("datasources", at), list)), null, null);
  }

  private static ScalarNode synthetic(String text, int offset) {
    return new ScalarNode(Span.at(offset), Span.at(offset), text, ScalarStyle.PLAIN, null, null);
  }

  // ---- reading the tree --------------------------------------------------------------------------------------

  /** Where a Kubernetes object carries Helm values or other objects, for status. */
  private static String carrier(String kind, String apiVersion, String outer) {
    String here = switch (kind) {
      case "HelmRelease" -> apiVersion.startsWith("helm.toolkit.fluxcd.io/") ? "Flux HelmRelease" : "HelmRelease";
      case "Application", "ApplicationSet" -> apiVersion.startsWith("argoproj.io/") ? "Argo CD " + kind : null;
      case "Kustomization" -> "kustomize";
      case "List" -> "List";
      case "Template" -> "OpenShift Template";
      default -> null;
    };
    if (here == null) {
      return outer;
    }
    return outer.isEmpty() ? here : outer + " > " + here;
  }

  /** A compose file: a {@code services} map at the top, and no Kubernetes object's {@code kind}. */
  private static boolean isCompose(YamlNode root) {
    return root instanceof MappingNode map && map.lastValue("services") instanceof MappingNode
        && map.lastValue("kind") == null;
  }

  private static boolean itemsOfMaps(SequenceNode list) {
    if (list.items().isEmpty()) {
      return false;
    }
    for (YamlNode item : list.items()) {
      if (!(AliasNode.resolve(item) instanceof MappingNode)) {
        return false;
      }
    }
    return true;
  }

  private static YamlNode mapping(MappingNode map, String key) {
    YamlNode value = map.lastValue(key);
    return value instanceof MappingNode ? value : null;
  }

  private static String scalar(MappingNode map, String key) {
    return map.lastValue(key) instanceof ScalarNode scalar ? scalar.value() : null;
  }

  private static boolean isFalse(YamlNode node) {
    return node instanceof ScalarNode scalar
        && GoScalars.resolve(scalar, io.promshift.grafana.YamlDialect.YAML_1_1) instanceof
            io.promshift.grafana.GoValue.GoBool bool && !bool.value();
  }
}
