package io.promshift.migrate;

import io.promshift.embed.Unit;
import io.promshift.grafana.GoYaml;
import io.promshift.grafana.YamlDialect;
import io.promshift.syntax.YamlDocument;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One document's data as its reader decodes it, with each unit's subtree replaced by what stands for it (what Grafana
 * receives from the unit, or what it should receive after a migration): equal before and after an edit exactly when
 * the edit changed nothing outside the units and each unit as intended.
 */
final class UnitData {
  private UnitData() {}

  static Object of(YamlDocument document, List<Unit> units, int documentIndex, Function<Unit, Object> standIn) {
    Object data = GoYaml.resolve(document, YamlDialect.YAML_1_1).toPlain();
    // several units can sit in one string (values written as a string): what stands for it is all of theirs, in order
    Map<io.promshift.embed.YamlPath, List<Object>> byPlace = new java.util.LinkedHashMap<>();
    for (Unit unit : units) {
      if (unit.document() == documentIndex) {
        byPlace.computeIfAbsent(unit.path(), place -> new java.util.ArrayList<>()).add(standIn.apply(unit));
      }
    }
    for (Map.Entry<io.promshift.embed.YamlPath, List<Object>> place : byPlace.entrySet()) {
      List<Object> standIns = place.getValue();
      data = replace(data, place.getKey().steps(), 0, standIns.size() == 1 ? standIns.get(0) : standIns);
    }
    return data;
  }

  @SuppressWarnings("unchecked")
  private static Object replace(Object data, List<Object> steps, int i, Object standIn) {
    if (i == steps.size()) {
      return standIn;
    }
    Object step = steps.get(i);
    if (step instanceof String key && data instanceof Map<?, ?> map && map.containsKey(key)) {
      Map<String, Object> writable = (Map<String, Object>) map;
      writable.put(key, replace(writable.get(key), steps, i + 1, standIn));
    } else if (step instanceof Integer index && data instanceof List<?> list && index < list.size()) {
      List<Object> writable = (List<Object>) list;
      writable.set(index, replace(writable.get(index), steps, i + 1, standIn));
    } else {
      // the unit's place is gone: the data differs, whatever stands in
      return List.of("missing unit", steps.toString());
    }
    return data;
  }
}
