package io.promshift.embed;

import io.promshift.model.DataSource;
import io.promshift.model.ProvisioningFile;
import io.promshift.syntax.YamlNode;
import io.promshift.text.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One place in a file that yields data sources, modelled as the provisioning document Grafana finally receives
 * from it. A list of items or a single item is seen as {@code {apiVersion: 1, datasources: [...]}} (the wrapper the
 * chart, the role or the operator writes around them); every value keeps its node, so positions and edits are the
 * outer file's.
 *
 * @param shape where it lives
 * @param kind how it holds its data sources
 * @param document which document of the file's stream (0-based)
 * @param path where the unit sits in that document
 * @param carrier what carries it on its way (Flux HelmRelease, Argo CD Application, a List, ...), or ""
 * @param node the unit's node in the outer file (the document map, the list, or the item)
 * @param file the provisioning document Grafana receives, read with the unit's layer's reader
 * @param renamedKeys item keys the model names differently from the outer file (the chart's default data source
 *     takes {@code isDefault} from {@code isDefaultDatasource}): model key → outer key
 * @param inner for a provisioning document inside a string scalar, that string's text and its map to the outer file
 *     ({@code file} is then read from the inner text, and its positions are inner ones); null otherwise
 * @param heredoc for a provisioning file written by a heredoc of a script in that string, the heredoc ({@code inner} is
 *     then its body); null otherwise
 * @param nesting for a unit found in values written as a string (an Argo CD {@code helm.values}), where it sits in the
 *     document that string holds; null otherwise ({@code path} is then the string's path)
 */
public record Unit(Shape shape, UnitKind kind, int document, YamlPath path, String carrier, YamlNode node,
    ProvisioningFile file, Map<String, String> renamedKeys, InnerText inner, Heredoc heredoc, Nesting nesting) {

  /**
   * Where a unit sits in a YAML document held in a string.
   *
   * @param root that document's root (in the string's coordinates)
   * @param path the unit's path from that root
   */
  public record Nesting(YamlNode root, YamlPath path) {}

  public Unit(Shape shape, UnitKind kind, int document, YamlPath path, String carrier, YamlNode node,
      ProvisioningFile file, Map<String, String> renamedKeys, InnerText inner, Heredoc heredoc) {
    this(shape, kind, document, path, carrier, node, file, renamedKeys, inner, heredoc, null);
  }

  public Unit {
    renamedKeys = Map.copyOf(renamedKeys);
  }

  /** A provisioning document inside a string scalar (or a unit of outer nodes, with {@code inner} null). */
  public Unit(Shape shape, UnitKind kind, int document, YamlPath path, String carrier, YamlNode node,
      ProvisioningFile file, Map<String, String> renamedKeys, InnerText inner) {
    this(shape, kind, document, path, carrier, node, file, renamedKeys, inner, null, null);
  }

  /** A unit whose values are nodes of the outer file itself. */
  public Unit(Shape shape, UnitKind kind, int document, YamlPath path, String carrier, YamlNode node,
      ProvisioningFile file, Map<String, String> renamedKeys) {
    this(shape, kind, document, path, carrier, node, file, renamedKeys, null, null, null);
  }

  /** A plain provisioning file as one unit: the whole document, positions as they are. */
  public static Unit plainFile(ProvisioningFile file) {
    return new Unit(Shape.PROVISIONING_FILE, UnitKind.DOCUMENT, 0, YamlPath.ROOT, "", file.document().root(), file,
        Map.of());
  }

  /** Where the unit starts in the outer file. */
  public Position position() {
    return inner == null ? file.position(node) : inner.outerPosition(Position.START);
  }

  /** Whether the unit is a provisioning document inside a string. */
  public boolean inString() {
    return inner != null;
  }

  /**
   * Who rewrites the {@code $} of the unit's text before Grafana reads it (docker compose, the shell of a heredoc), in
   * order; empty when Grafana's provisioning is the first to see it (embedded-shapes §1.4).
   */
  public List<Expansion> expansions() {
    return heredoc == null ? List.of() : heredoc.expansions();
  }

  /**
   * The unit's place for people: its path, and for a heredoc body the heredoc after it
   * ({@code services.grafana.entrypoint[2] <<EOF}).
   */
  public String where() {
    return heredoc == null ? path.toString() : path + " " + heredoc.operator();
  }

  /** The outer file's position of a position in the unit's model (the same for a unit of outer nodes). */
  public Position outer(Position position) {
    return inner == null ? position : inner.outerPosition(position);
  }

  /**
   * Where a value the model names by a JSON pointer is, for people: the outer YAML path
   * ({@code grafana.additionalDataSources[0].jsonData.sigV4Auth}), and for a document inside a string the path of the
   * string, then the path inside it ({@code data["datasources.yaml"] ▸ datasources[0].type}; for a heredoc body,
   * {@code services.grafana.entrypoint[2] <<EOF ▸ datasources[0].type}).
   */
  public String describe(String pointer) {
    if (inner == null) {
      return pathOf(pointer).toString();
    }
    List<String> tokens = YamlPath.pointerTokens(pointer);
    String inside;
    if (nesting != null) {
      // a unit of values in a string: its path in those values, as for a unit of the file itself
      inside = nested().pathOf(pointer).toString();
    } else {
      // items written in a string are the string's own list: [0].type, not datasources[0].type
      boolean items = kind == UnitKind.ITEMS && !tokens.isEmpty() && tokens.get(0).equals("datasources");
      inside = steps(tokens, items ? 1 : 0).toString();
    }
    return inside.isEmpty() ? where() : where() + " ▸ " + inside;
  }

  /** This unit as it sits in the document its string holds (for paths inside it). */
  private Unit nested() {
    return new Unit(shape, kind, document, nesting.path(), carrier, node, file, renamedKeys);
  }

  /** {@link #describe} of one data source of the unit. */
  public String describeItem(DataSource source) {
    return describe("/datasources/" + source.index());
  }

  /** The outer path of one data source of the unit. */
  public YamlPath itemPath(DataSource source) {
    return pathOf("/datasources/" + source.index());
  }

  /**
   * The outer path of a value the model names by a JSON pointer ({@code /datasources/0/jsonData/sigV4Auth} becomes
   * {@code grafana.additionalDataSources[0].jsonData.sigV4Auth}); for a pointer into the wrapper the unit only
   * implies ({@code /apiVersion} of a list of items), the unit's own path.
   */
  public YamlPath pathOf(String pointer) {
    List<String> tokens = YamlPath.pointerTokens(pointer);
    if (kind == UnitKind.DOCUMENT) {
      return path.append(steps(tokens, 0));
    }
    if (tokens.size() < 2 || !tokens.get(0).equals("datasources")) {
      return path;
    }
    YamlPath item = kind == UnitKind.ITEMS ? path.index(Integer.parseInt(tokens.get(1))) : path;
    if (tokens.size() > 2 && renamedKeys.containsKey(tokens.get(2))) {
      tokens = new ArrayList<>(tokens);
      tokens.set(2, renamedKeys.get(tokens.get(2)));
    }
    return item.append(steps(tokens, 2));
  }

  private static YamlPath steps(List<String> tokens, int from) {
    List<Object> steps = new ArrayList<>();
    for (int i = from; i < tokens.size(); i++) {
      String token = tokens.get(i);
      steps.add(!token.isEmpty() && token.length() < 10 && token.chars().allMatch(Character::isDigit)
          ? Integer.parseInt(token) : token);
    }
    return new YamlPath(steps);
  }

}
