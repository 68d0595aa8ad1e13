package io.promshift.rules;

import io.promshift.grafana.GoValue;
import io.promshift.model.DataSource;
import io.promshift.model.Field;
import io.promshift.model.PromTypeMigration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One data source as the rules see it: its fields' pointers, and their values as Grafana works with them
 * (expanded where the validation expands placeholders).
 */
final class Source {
  /** Whether {@code jsonData.sigV4Auth} turns signing on, as the plugin SDK reads it. */
  enum Signing {
    /** The JSON boolean true. */
    ON,
    /** The JSON boolean false. */
    OFF,
    /** No sigV4Auth key. */
    MISSING,
    /** Present, but a string, number or null: no signing. */
    NOT_BOOLEAN,
    /** A placeholder this validation did not expand: decided at run time. */
    UNKNOWN
  }

  final DataSource ds;
  final JsonView view;
  final String pointer;
  final String jsonData;
  final String secure;
  private final String[] fields = new String[Field.values().length];
  private final Map<String, String> jsonKeys = new HashMap<>();
  private final Map<String, String> secureKeys = new HashMap<>();

  Source(DataSource ds, JsonView view, String listKey) {
    this.ds = ds;
    this.view = view;
    this.pointer = JsonView.pointer("/" + listKey, ds.index());
    for (Field field : Field.values()) {
      String key = field.key(ds.legacy());
      fields[field.ordinal()] = key == null ? null : JsonView.pointer(pointer, key);
    }
    this.jsonData = field(Field.JSON_DATA);
    this.secure = field(Field.SECURE_JSON_DATA);
  }

  boolean legacy() {
    return ds.legacy();
  }

  /** The pointer of a field under this file's key for it (null when the version has no such field). */
  String field(Field field) {
    return fields[field.ordinal()];
  }

  String json(String key) {
    return jsonKeys.computeIfAbsent(key, k -> JsonView.pointer(jsonData, k));
  }

  String secure(String key) {
    return secureKeys.computeIfAbsent(key, k -> JsonView.pointer(secure, k));
  }

  /**
   * The text Grafana works with at a pointer: empty when the value is missing, null, a collection, or a
   * placeholder this validation did not expand.
   */
  Optional<String> text(String pointer) {
    if (pointer == null) {
      return Optional.empty();
    }
    return view.loc(pointer)
        .filter(loc -> loc.text() != null && !loc.unresolved() && !(loc.go() instanceof GoValue.GoNull))
        .map(JsonView.Loc::text);
  }

  Optional<String> text(Field field) {
    return text(field(field));
  }

  boolean unresolved(String pointer) {
    return pointer != null && view.unresolved(pointer);
  }

  boolean has(String pointer) {
    return pointer != null && view.has(pointer);
  }

  /** Present with a value that says something: not null, not empty text. */
  boolean isSet(String pointer) {
    if (!has(pointer)) {
      return false;
    }
    JsonView.Loc loc = view.loc(pointer).orElseThrow();
    if (loc.go() instanceof GoValue.GoNull) {
      return false;
    }
    return loc.text() == null || !loc.text().isEmpty();
  }

  JsonNode at(String pointer) {
    return view.at(pointer);
  }

  Optional<String> type() {
    return text(Field.TYPE);
  }

  boolean isAmazon() {
    return type().filter(PromTypeMigration.AMAZON::equals).isPresent();
  }

  boolean isPrometheusFamily() {
    return type().filter(t -> t.equals(PromTypeMigration.PROMETHEUS) || t.equals(PromTypeMigration.AMAZON)
        || t.equals(PromTypeMigration.AZURE)).isPresent();
  }

  Signing signing() {
    String at = json("sigV4Auth");
    if (!has(at)) {
      return Signing.MISSING;
    }
    if (unresolved(at)) {
      return Signing.UNKNOWN;
    }
    JsonNode value = at(at);
    if (value.isBoolean()) {
      return value.asBoolean() ? Signing.ON : Signing.OFF;
    }
    return Signing.NOT_BOOLEAN;
  }

  /** Grafana's type migration decision on the values as Grafana sees them after expansion. */
  PromTypeMigration.Reason migration() {
    return PromTypeMigration.decide(type(), key -> {
      JsonNode value = at(json(key));
      return value.isMissingNode() ? PromTypeMigration.Value.ABSENT : value.isNull() ? PromTypeMigration.Value.NULL
          : value.isBoolean() && value.asBoolean() ? PromTypeMigration.Value.TRUE : PromTypeMigration.Value.OTHER;
    });
  }

  String label() {
    return ds.label();
  }
}
