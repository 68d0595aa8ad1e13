package io.promshift.model;

import io.promshift.grafana.GoMap;
import io.promshift.grafana.GoScalars;
import io.promshift.grafana.GoValue;
import io.promshift.syntax.AliasNode;
import io.promshift.syntax.ScalarNode;
import io.promshift.syntax.YamlNode;
import java.util.Optional;

/**
 * One entry of {@code datasources} as Grafana reads it: fields looked up by their apiVersion 1 or legacy
 * key, values seen through merge keys, each with the node (and so the span) it came from.
 *
 * @param index position in the {@code datasources} list, 0-based
 * @param node the list item as written (may be an alias)
 * @param fields the item's fields with merge keys applied
 * @param legacy whether the file is a version-0 file with snake_case keys
 */
public record DataSource(int index, YamlNode node, GoMap fields, boolean legacy) {

  /** The field's entry, under the key this file's version uses. */
  public Optional<GoMap.Entry> entry(Field field) {
    String key = field.key(legacy);
    return key == null ? Optional.empty() : fields.entry(key);
  }

  public Optional<GoValue> value(Field field) {
    return entry(field).map(GoMap.Entry::value);
  }

  /**
   * The field's raw text as Grafana's typed fields read it before interpolation: the scalar as written
   * ({@code TRUE}, {@code yes}, {@code 0x1F} unchanged; a {@code !!binary} scalar decoded); empty for null; absent
   * for a missing field or a collection.
   */
  public Optional<String> text(Field field) {
    return entry(field).flatMap(entry -> {
      YamlNode node = AliasNode.resolve(entry.valueNode());
      if (entry.value() instanceof GoValue.GoNull) {
        return Optional.of("");
      }
      if (!(node instanceof ScalarNode scalar)) {
        return Optional.empty();
      }
      // go-yaml decodes a !!binary scalar into the text it encodes ("aGk=" is "hi")
      boolean binary = "!!binary".equals(GoScalars.shortTag(scalar.tag()));
      return Optional.of(binary && entry.value() instanceof GoValue.GoString text ? text.value() : scalar.value());
    });
  }

  public Optional<String> name() {
    return text(Field.NAME);
  }

  public Optional<String> type() {
    return text(Field.TYPE);
  }

  public Optional<String> uid() {
    return text(Field.UID);
  }

  /** jsonData ({@code json_data} in version 0) when it is a map. */
  public Optional<GoMap> jsonData() {
    return value(Field.JSON_DATA).filter(GoMap.class::isInstance).map(GoMap.class::cast);
  }

  public Optional<GoMap> secureJsonData() {
    return value(Field.SECURE_JSON_DATA).filter(GoMap.class::isInstance).map(GoMap.class::cast);
  }

  /** A name for messages: the data source's name, or its place in the list. */
  public String label() {
    return name().filter(n -> !n.isBlank()).map(n -> "\"" + n + "\"").orElse("datasources[" + index + "]");
  }
}
