package io.promshift.report;

import io.promshift.embed.Shape;
import io.promshift.embed.Unit;
import io.promshift.model.GrafanaView;
import io.promshift.rules.Diagnostic;
import io.promshift.text.Position;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * {@code inspect}'s document: per file, whether Grafana reads it, and per data source the fields Grafana stores, in
 * the types Grafana gives them. The same tree is written as JSON or as YAML (with Jackson's YAML module).
 *
 * <p>A float is always written as one ({@code 1.0}); NaN and the infinities, which JSON lacks, as YAML writes them
 * ({@code ".nan"}, {@code ".inf"}, {@code "-.inf"}), as strings.
 */
public final class InspectReport {
  private InspectReport() {}

  public static String json(List<InspectedFile> files) {
    return Json.write(tree(files));
  }

  public static String yaml(List<InspectedFile> files) {
    YAMLMapper mapper = YAMLMapper.builder()
        .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
        .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
        .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
        .disable(YAMLWriteFeature.SPLIT_LINES)
        .build();
    return mapper.writeValueAsString(tree(files));
  }

  static ObjectNode tree(List<InspectedFile> files) {
    ObjectNode document = Json.NODES.objectNode();
    ArrayNode array = document.putArray("files");
    for (InspectedFile file : files) {
      array.add(file(file));
    }
    return document;
  }

  private static ObjectNode file(InspectedFile file) {
    ObjectNode node = Json.NODES.objectNode();
    node.put("file", file.file().toString());
    node.put("grafana", file.grafana());
    if (file.refusal() != null) {
      Diagnostic why = file.problems().get(0);
      node.set("error", error(why.position(), why.code().id(), "", why.message()));
      return node;
    }
    ArrayNode problems = Json.NODES.arrayNode();
    for (Diagnostic problem : file.problems()) {
      ObjectNode p = error(problem.position(), problem.code().id(), "", problem.message());
      if (!problem.path().isEmpty()) {
        p.put("path", problem.path());
      }
      problems.add(p);
    }
    boolean plain = file.views().size() == 1 && file.views().get(0).unit().shape() == Shape.PROVISIONING_FILE;
    ArrayNode errors = Json.NODES.arrayNode();
    ArrayNode sources = Json.NODES.arrayNode();
    ArrayNode deletions = Json.NODES.arrayNode();
    boolean prune = false;
    for (InspectedFile.View view : file.views()) {
      Unit unit = view.unit();
      GrafanaView grafana = view.view();
      if (plain) {
        node.put("apiVersion", grafana.apiVersion());
      }
      for (GrafanaView.Failure failure : grafana.failures()) {
        errors.add(error(unit.outer(failure.at()), "grafana-conversion", failure.field(), failure.message()));
      }
      for (GrafanaView.Stored stored : grafana.dataSources()) {
        sources.add(item(stored, unit, plain, "/datasources/"));
      }
      for (GrafanaView.Stored stored : grafana.deletions()) {
        deletions.add(item(stored, unit, plain, grafana.legacy() ? "/delete_datasources/" : "/deleteDatasources/"));
      }
      prune |= grafana.prune();
    }
    if (!errors.isEmpty()) {
      node.set("error", errors.get(0));
    }
    if (!problems.isEmpty()) {
      node.set("problems", problems);
    }
    node.set("dataSources", sources);
    node.set("deleteDataSources", deletions);
    if (prune) {
      node.put("prune", true);
    }
    return node;
  }

  private static ObjectNode item(GrafanaView.Stored stored, Unit unit, boolean plain, String list) {
    ObjectNode item = Json.NODES.objectNode();
    Position at = unit.outer(stored.at());
    item.put("line", at.line());
    item.put("column", at.column());
    if (!plain) {
      item.put("path", unit.describe(list + stored.index()));
      item.put("shape", RunReport.id(unit.shape()));
    }
    for (Map.Entry<String, Object> field : stored.fields().entrySet()) {
      item.set(field.getKey(), value(field.getValue()));
    }
    return item;
  }

  private static ObjectNode error(Position at, String code, String field, String message) {
    ObjectNode error = Json.NODES.objectNode();
    error.put("line", at.line());
    error.put("column", at.column());
    error.put("code", code);
    if (!field.isEmpty()) {
      error.put("field", field);
    }
    error.put("message", message);
    return error;
  }

  private static JsonNode value(Object value) {
    if (value == null) {
      return Json.NODES.nullNode();
    }
    if (value instanceof String s) {
      return Json.NODES.stringNode(s);
    }
    if (value instanceof Boolean b) {
      return Json.NODES.booleanNode(b);
    }
    if (value instanceof Long l) {
      return Json.NODES.numberNode(l);
    }
    if (value instanceof BigInteger big) {
      return Json.NODES.numberNode(big);
    }
    if (value instanceof Double d) {
      if (d.isNaN()) {
        return Json.NODES.stringNode(".nan");
      }
      if (d.isInfinite()) {
        return Json.NODES.stringNode(d > 0 ? ".inf" : "-.inf");
      }
      return Json.NODES.numberNode(d);
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = Json.NODES.objectNode();
      map.forEach((k, v) -> object.set(String.valueOf(k), value(v)));
      return object;
    }
    if (value instanceof List<?> list) {
      ArrayNode array = Json.NODES.arrayNode();
      list.forEach(v -> array.add(value(v)));
      return array;
    }
    return Json.NODES.stringNode(String.valueOf(value));
  }
}
