package io.promshift.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.PathType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The schema's keywords stay in the subset that every consumer handles: promshift's validator (networknt, with
 * {@link SchemaMessages} wording each failing keyword), ajv's strict mode (CI compiles the schema with it) and the
 * editors' YAML language server (which shows {@code markdownDescription} and offers {@code examples} and
 * {@code default} as completions). The editor annotations must be true to the schema: an example or a default
 * that the schema itself refuses would be offered as a completion and then flagged as an error.
 */
class SchemaKeywordsTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Keywords whose value is one subschema, a map of subschemas, or a list of subschemas. */
  private static final Set<String> ONE_SCHEMA = Set.of("not", "if", "then", "else", "items", "additionalProperties");
  private static final Set<String> SCHEMA_MAP = Set.of("properties", "$defs");
  private static final Set<String> SCHEMA_LIST = Set.of("allOf", "anyOf");

  /**
   * What the schema may use. Assertions: only those {@link SchemaMessages} words (its phrase and alternative
   * switches); another one (oneOf, format, exclusiveMinimum, dependentRequired, ...) would reach users as
   * networknt's raw message, and format is not asserted by our validator at all. A keyword outside this list
   * (or a misspelt one, which networknt ignores without a word) fails here first.
   */
  private static final Set<String> SUPPORTED = Set.of(
      // core
      "$schema", "$id", "$ref", "$defs", "$comment",
      // applicators (anyOf: SchemaMessages lists what each branch accepts)
      "allOf", "anyOf", "not", "if", "then", "else", "properties", "additionalProperties", "items",
      // assertions SchemaMessages words
      "type", "const", "enum", "required", "minLength", "maxLength", "pattern", "minimum", "maximum",
      "exclusiveMaximum",
      // annotations: JSON Schema's, and the editors' markdownDescription (declared for ajv by .ci/ajv-editor-keywords.js)
      "title", "description", "default", "examples", "markdownDescription");

  private static final Set<String> VALUES = Set.of("const", "enum", "default", "examples");

  @Test
  void everyKeywordIsInTheSupportedSubset() {
    List<String> unsupported = new ArrayList<>();
    walk(SchemaCheck.schemaNode(), "", (pointer, node) -> node.propertyNames().forEach(keyword -> {
      if (!SUPPORTED.contains(keyword)) {
        unsupported.add(pointer + "/" + keyword);
      }
    }));
    assertThat(unsupported).isEmpty();
  }

  @Test
  void theWalkSeesEveryKeywordButNotTheValues() {
    // the check has teeth: keywords inside subschemas are seen, data inside const/enum/examples is not
    JsonNode schema = JSON.readTree("""
        {"properties": {"a": {"anyOf": [{"format": "uri"}], "examples": [{"oneOf": 1}]}},
         "$defs": {"b": {"if": {"const": {"exclusiveMinimum": 1}}, "then": {"dependentRequired": {}}}}}""");
    List<String> seen = new ArrayList<>();
    walk(schema, "", (pointer, node) -> node.propertyNames().forEach(k -> seen.add(pointer + "/" + k)));
    assertThat(seen).contains("/properties/a/anyOf/0/format", "/$defs/b/then/dependentRequired")
        .doesNotContain("/properties/a/examples/0/oneOf", "/$defs/b/if/const/exclusiveMinimum");
  }

  @Test
  void everyMarkdownDescriptionHasAPlainDescription() {
    // the editors show markdownDescription; everything else (JetBrains, networknt, promshift's own messages, ajv
    // users) reads description, so it must never be the only documentation of a property
    List<String> markdownOnly = new ArrayList<>();
    walk(SchemaCheck.schemaNode(), "", (pointer, node) -> {
      if (node.has("markdownDescription")) {
        boolean plain = node.hasNonNull("description") && !node.get("description").asString().isBlank();
        boolean markdown = node.get("markdownDescription").isString()
            && !node.get("markdownDescription").asString().isBlank();
        if (!plain || !markdown) {
          markdownOnly.add(pointer);
        }
      }
    });
    assertThat(markdownOnly).isEmpty();
  }

  @Test
  void aDescribedPropertyIsNotARefWithConstraintsBesideIt() {
    // the YAML language server turns {$ref, constraints...} into allOf [{$ref}, {constraints}] and shows the
    // referenced definition's title and description on hover, not the property's markdownDescription; a $ref
    // with annotations only is merged, and the property's own text wins
    Set<String> annotations = Set.of("$ref", "$comment", "title", "description", "markdownDescription", "default",
        "examples");
    List<String> hidden = new ArrayList<>();
    walk(SchemaCheck.schemaNode(), "", (pointer, node) -> {
      if (node.has("markdownDescription") && node.has("$ref")) {
        node.propertyNames().stream().filter(k -> !annotations.contains(k)).forEach(k -> hidden.add(pointer + "/" + k));
      }
    });
    assertThat(hidden).isEmpty();
  }

  @Test
  void everyExampleAndDefaultIsAcceptedByItsOwnSubschema() {
    assertThat(refusedAnnotations(SchemaCheck.schemaNode())).isEmpty();
  }

  @Test
  void aRefusedExampleOrDefaultIsReported() {
    // the check has teeth: the same schema with a wrong example (an availability zone, not a region), a default
    // outside the auth types, and a file-level example that only the version-1 branch refuses
    ObjectNode broken = (ObjectNode) SchemaCheck.schemaNode().deepCopy();
    ((ObjectNode) broken.at("/$defs/jsonData/properties/sigV4Region")).putArray("examples").add("us-east-1a");
    ((ObjectNode) broken.at("/$defs/jsonData/properties/sigV4AuthType")).put("default", "arn");
    ((ObjectNode) broken.at("/properties/prune")).putArray("examples").add("true");

    assertThat(refusedAnnotations(broken)).containsExactlyInAnyOrder(
        "/$defs/jsonData/properties/sigV4Region/examples/0", "/$defs/jsonData/properties/sigV4AuthType/default",
        "/properties/prune/examples/0");
  }

  @Test
  void theTypeSuggestsEveryPluginTypeTheSchemaSinglesOut() {
    // the Prometheus plugin types get the typed jsonData checks: the editor offers each of them
    for (String dataSource : List.of("dataSourceV1", "dataSourceV0")) {
      JsonNode def = SchemaCheck.schemaNode().at("/$defs/" + dataSource);
      Set<String> examples = strings(def.at("/properties/type/examples"));
      Set<String> singledOut = strings(def.at("/allOf/0/if/properties/type/enum"));
      assertThat(singledOut).as(dataSource).contains("prometheus", "grafana-amazonprometheus-datasource");
      assertThat(examples).as(dataSource).containsAll(singledOut).contains("loki", "tempo", "cloudwatch",
          "grafana-postgresql-datasource");
    }
  }

  @Test
  void defaultsAreWhatGrafanaDoesWithoutTheKey() {
    JsonNode schema = SchemaCheck.schemaNode();
    Map<String, Object> defaults = Map.ofEntries(
        Map.entry("/$defs/dataSourceV1/properties/access", "proxy"),
        Map.entry("/$defs/dataSourceV1/properties/orgId", 1),
        Map.entry("/$defs/dataSourceV1/properties/isDefault", false),
        Map.entry("/$defs/dataSourceV1/properties/editable", false),
        Map.entry("/$defs/dataSourceV0/properties/org_id", 1),
        Map.entry("/$defs/deleteDataSourceV1/properties/orgId", 1),
        Map.entry("/$defs/jsonData/properties/sigV4Auth", false),
        Map.entry("/$defs/jsonData/properties/sigV4AuthType", "default"),
        Map.entry("/$defs/jsonData/properties/sigv4Service", "aps"),
        Map.entry("/$defs/prometheusJsonData/properties/httpMethod", "POST"),
        Map.entry("/properties/prune", false));
    defaults.forEach((pointer, value) ->
        assertThat(schema.at(pointer + "/default")).as(pointer).isEqualTo(JSON.valueToTree(value)));
    // a missing apiVersion is the deprecated version 0: a default would be either false (1) or a bad suggestion (0)
    assertThat(schema.at("/properties/apiVersion").has("default")).isFalse();
    assertThat(schema.at("/properties/apiVersion/examples/0").asInt()).isEqualTo(1);
  }

  // ------------------------------------------------------------------------------------------ helpers

  /**
   * Pointers of every example and default that its own subschema refuses (validated by networknt, the
   * subschema addressed by its JSON pointer inside the document, so its $refs resolve). A property of the file
   * itself is also checked in a version-1 file, {@code {"apiVersion": 1, key: value}}: the version's
   * constraints sit in the root's if/then/else, not under the property.
   */
  private static List<String> refusedAnnotations(JsonNode document) {
    String id = document.get("$id").asString();
    SchemaRegistry registry = SchemaRegistry.withDialect(Dialects.getDraft202012(), builder -> builder
        .schemaRegistryConfig(SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER).build())
        .schemas(Map.of(id, document.toString())));
    Schema root = registry.getSchema(SchemaLocation.of(id));
    List<String> refused = new ArrayList<>();
    walk(document, "", (pointer, node) -> {
      List<Map.Entry<String, JsonNode>> values = new ArrayList<>();
      if (node.has("default")) {
        values.add(Map.entry(pointer + "/default", node.get("default")));
      }
      if (node.has("examples")) {
        JsonNode examples = node.get("examples");
        if (!examples.isArray() || examples.isEmpty()) {
          refused.add(pointer + "/examples");
        }
        for (int i = 0; i < examples.size(); i++) {
          values.add(Map.entry(pointer + "/examples/" + i, examples.get(i)));
        }
      }
      if (values.isEmpty()) {
        return;
      }
      Schema own = pointer.isEmpty() ? root : registry.getSchema(SchemaLocation.of(id + "#" + pointer));
      String fileKey = pointer.matches("/properties/[^/]+") ? pointer.substring("/properties/".length()) : null;
      for (Map.Entry<String, JsonNode> value : values) {
        List<Error> errors = new ArrayList<>(own.validate(value.getValue()));
        if (fileKey != null) {
          ObjectNode file = JSON.createObjectNode().put("apiVersion", 1);
          file.set(fileKey, value.getValue());
          errors.addAll(root.validate(file));
        }
        if (!errors.isEmpty()) {
          refused.add(value.getKey());
        }
      }
    });
    return refused;
  }

  /** Calls visit for every schema object in the document (not for the data in const, enum, default, examples). */
  private static void walk(JsonNode schema, String pointer, BiConsumer<String, JsonNode> visit) {
    if (!schema.isObject()) {
      return; // a boolean schema has no keywords
    }
    visit.accept(pointer, schema);
    for (Map.Entry<String, JsonNode> field : schema.properties()) {
      String keyword = field.getKey();
      String at = pointer + "/" + escape(keyword);
      JsonNode value = field.getValue();
      if (VALUES.contains(keyword)) {
        continue;
      } else if (ONE_SCHEMA.contains(keyword)) {
        walk(value, at, visit);
      } else if (SCHEMA_MAP.contains(keyword)) {
        value.properties().forEach(e -> walk(e.getValue(), at + "/" + escape(e.getKey()), visit));
      } else if (SCHEMA_LIST.contains(keyword)) {
        for (int i = 0; i < value.size(); i++) {
          walk(value.get(i), at + "/" + i, visit);
        }
      }
    }
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  private static Set<String> strings(JsonNode array) {
    Set<String> out = new TreeSet<>();
    array.forEach(v -> {
      if (v.isString()) {
        out.add(v.asString());
      }
    });
    return out;
  }
}
