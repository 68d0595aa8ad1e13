package io.promshift.model;

import io.promshift.grafana.GoList;
import io.promshift.grafana.GoMap;
import io.promshift.grafana.GoValue;
import io.promshift.grafana.GoYaml;
import io.promshift.grafana.YamlDialect;
import io.promshift.syntax.AliasNode;
import io.promshift.syntax.MappingNode;
import io.promshift.syntax.ScalarNode;
import io.promshift.syntax.SequenceNode;
import io.promshift.syntax.YamlDocument;
import io.promshift.syntax.YamlNode;
import io.promshift.text.Position;
import io.promshift.text.SourceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A data source provisioning file as Grafana 9.4+ reads it: the first YAML document, its
 * {@code apiVersion} (missing or 0: legacy version 0 with snake_case keys), its data sources and
 * {@code deleteDatasources}, each value with its position. A YAML file without {@code datasources} or
 * {@code deleteDatasources} is recognised as not a data source provisioning file.
 */
public final class ProvisioningFile {
  private final YamlDocument document;
  private final YamlDialect dialect;
  private final GoValue root;
  private final GoMap top;
  private final long apiVersion;
  private final boolean legacy;
  private final List<DataSource> dataSources;
  private final List<DataSource> deletions;
  private final List<GoYaml.Ignored> ignored;

  private ProvisioningFile(YamlDocument document, YamlDialect dialect) {
    this.document = document;
    this.dialect = dialect;
    if (dialect == YamlDialect.GRAFANA) {
      refuseListOfFiles(document);
      // Grafana's first pass reads apiVersion alone; the second decodes the struct of the version it names
      GoValue first = GoYaml.decode(document, GrafanaTypes.VERSION, false).root();
      long version = readApiVersion(first instanceof GoMap map ? map : null);
      GoYaml.Decoded decoded = GoYaml.decode(document, version > 0 ? GrafanaTypes.V1 : GrafanaTypes.V0, true);
      this.root = decoded.root();
      this.ignored = decoded.ignored();
    } else {
      this.root = GoYaml.resolve(document, dialect);
      this.ignored = List.of();
    }
    this.top = root instanceof GoMap map ? map : null;
    this.apiVersion = readApiVersion(top);
    this.legacy = apiVersion <= 0;
    this.dataSources = list("datasources");
    this.deletions = list(legacy ? "delete_datasources" : "deleteDatasources");
  }

  /** Reads the model of a parsed document; may throw {@link io.promshift.text.SourceException}. */
  public static ProvisioningFile of(YamlDocument document) {
    return new ProvisioningFile(document, YamlDialect.GRAFANA);
  }

  /**
   * The model of a provisioning document whose values are decoded by another reader before Grafana sees them (Helm
   * values, a kubectl-applied resource): what that reader makes of each scalar is what Grafana receives.
   */
  public static ProvisioningFile of(YamlDocument document, YamlDialect dialect) {
    return new ProvisioningFile(document, dialect);
  }

  /** The reader whose rules gave the scalars their meaning. */
  public YamlDialect dialect() {
    return dialect;
  }

  public YamlDocument document() {
    return document;
  }

  /** The whole document as Grafana decodes it. */
  public GoValue root() {
    return root;
  }

  /** Whether the file provisions data sources (has {@code datasources} or a delete list). */
  public boolean isDataSourceProvisioning() {
    return top != null && (top.containsKey("datasources") || top.containsKey("deleteDatasources")
        || top.containsKey("delete_datasources"));
  }

  /** apiVersion as Grafana's first pass reads it (0 when missing). */
  public long apiVersion() {
    return apiVersion;
  }

  /** A version-0 file: snake_case keys, no uid, no interpolation. */
  public boolean isLegacy() {
    return legacy;
  }

  public Optional<GoMap.Entry> entry(String key) {
    return top == null ? Optional.empty() : top.entry(key);
  }

  public List<DataSource> dataSources() {
    return dataSources;
  }

  /** Entries of {@code deleteDatasources} ({@code delete_datasources} in version 0): name and orgId. */
  public List<DataSource> deleteDataSources() {
    return deletions;
  }

  /**
   * What Grafana would refuse in values it never decodes (a key that is not a field, a null key, a merged key that
   * loses): they do not stop Grafana, and are reported as warnings. Always empty for a document read by another layer
   * ({@link #of(YamlDocument, YamlDialect)} with a YAML 1.1 dialect), which decodes every value.
   */
  public List<GoYaml.Ignored> ignored() {
    return ignored;
  }

  /** {@code prune} (apiVersion 1 only), when present. */
  public Optional<GoMap.Entry> prune() {
    return entry("prune");
  }

  /** Where a node starts, as line and column. */
  public Position position(YamlNode node) {
    int offset = node instanceof ScalarNode scalar ? scalar.valueSpan().start() : node.span().start();
    return document.source().position(offset);
  }

  public String fileName() {
    return document.source().name();
  }

  private List<DataSource> list(String key) {
    Optional<GoMap.Entry> entry = entry(key);
    if (entry.isEmpty() || !(entry.get().value() instanceof GoList list)) {
      return List.of();
    }
    List<DataSource> result = new ArrayList<>();
    List<YamlNode> items = list.node().items();
    for (int i = 0; i < items.size(); i++) {
      if (list.items().get(i) instanceof GoMap fields) {
        result.add(new DataSource(i, items.get(i), fields, legacy));
      }
    }
    return List.copyOf(result);
  }

  /**
   * A document that is a list of what look like provisioning files (a {@code - } before {@code apiVersion}): Grafana
   * cannot decode a list into its file struct and does not start. Any other list, or a scalar, is simply not a data
   * source provisioning file (an Ansible task list beside the provisioning files), as it would be in Grafana's folder.
   */
  private static void refuseListOfFiles(YamlDocument document) {
    String key = listedFileKey(document);
    if (key != null) {
      throw document.source().error(document.root().span().start(), SourceException.Kind.SYNTAX, "the file is a"
          + " list, not a mapping: Grafana decodes a provisioning file into a mapping of apiVersion, datasources, ..."
          + " and fails on a list (cannot unmarshal !!seq); remove the \"- \" before " + key);
    }
  }

  /** Whether a document is a list of what look like provisioning files, which Grafana cannot decode; see above. */
  public static boolean isListOfFiles(YamlDocument document) {
    return listedFileKey(document) != null;
  }

  private static String listedFileKey(YamlDocument document) {
    if (!(document.root() instanceof SequenceNode list)) {
      return null;
    }
    for (YamlNode item : list.items()) {
      if (AliasNode.resolve(item) instanceof MappingNode map) {
        for (String key : List.of("apiVersion", "datasources", "deleteDatasources", "delete_datasources")) {
          if (map.entry(key) != null) {
            return key;
          }
        }
      }
    }
    return null;
  }

  private static long readApiVersion(GoMap top) {
    if (top == null) {
      return 0;
    }
    Optional<GoMap.Entry> entry = top.entry("apiVersion");
    if (entry.isEmpty()) {
      return 0;
    }
    GoValue value = entry.get().value();
    // what go-yaml sets in Grafana's int64 (1.5 is 1); what it refuses is read by the number written
    Long decoded = io.promshift.grafana.GoScalars.goInt64(value);
    if (decoded != null) {
      return decoded;
    }
    if (value instanceof GoValue.GoInt integer) {
      return integer.value().longValue();
    }
    if (value instanceof GoValue.GoFloat number && number.value() == Math.rint(number.value())) {
      return (long) number.value();
    }
    // A quoted "1" makes Grafana fail; the model still reads the rest by the number written.
    YamlNode node = AliasNode.resolve(entry.get().valueNode());
    if (node instanceof ScalarNode scalar) {
      Number parsed = io.promshift.grafana.GoScalars.parseGoInt(scalar.value().strip());
      if (parsed != null) {
        return parsed.longValue();
      }
    }
    return 0;
  }
}
