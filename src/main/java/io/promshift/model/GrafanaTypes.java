package io.promshift.model;

import io.promshift.grafana.GoType;
import java.util.HashMap;
import java.util.Map;

/**
 * The Go types Grafana decodes a data source provisioning file into ({@code pkg/services/provisioning/datasources/
 * types.go}), as far as go-yaml's decoding depends on them: which keys are fields (the value of any other key is never
 * decoded) and what each field holds.
 *
 * <p>Grafana decodes the file twice: first into a struct of {@code apiVersion} alone ({@link #VERSION}), then into the
 * version's struct ({@link #V1}, {@link #V0}). The second struct embeds the first without {@code ,inline}, so
 * there its field is {@code configversion}, an unexported struct go-yaml panics on; {@code apiVersion} is decoded by
 * the first pass, and is a field of both structs here so that the two passes read as one.
 */
final class GrafanaTypes {
  /** The first pass: {@code configVersion}. */
  static final GoType.Struct VERSION = new GoType.Struct("the file", Map.of("apiVersion", GoType.SCALAR));

  /** apiVersion 1: {@code configsV1}, whose typed fields (values.StringValue, ...) read a string first. */
  static final GoType.Struct V1 = file(false);

  /** Version 0: {@code configsV0}, plain Go types. */
  static final GoType.Struct V0 = file(true);

  private GrafanaTypes() {}

  private static GoType.Struct file(boolean legacy) {
    Map<String, GoType> source = new HashMap<>();
    for (Field field : Field.values()) {
      String key = field.key(legacy);
      if (key != null) {
        source.put(key, switch (field) {
          case JSON_DATA -> new GoType.StringMap(GoType.ANY);
          case SECURE_JSON_DATA -> new GoType.StringMap(GoType.SCALAR);
          // v1: JSONSliceValue decodes a []interface{}; v0: []map[string]any
          case CORRELATIONS -> new GoType.ListOf(legacy ? new GoType.StringMap(GoType.ANY) : GoType.ANY);
          default -> GoType.SCALAR;
        });
      }
    }
    Map<String, GoType> deletion = new HashMap<>();
    for (Field field : GrafanaView.DELETION_FIELDS) {
      deletion.put(field.key(legacy), GoType.SCALAR);
    }
    Map<String, GoType> file = new HashMap<>();
    file.put("apiVersion", GoType.SCALAR);
    file.put("datasources", new GoType.ListOf(new GoType.Struct("a data source", source)));
    file.put(legacy ? "delete_datasources" : "deleteDatasources",
        new GoType.ListOf(new GoType.Struct("a data source to delete", deletion)));
    file.put("configversion", new GoType.Unsettable("configversion names a field of Grafana's own (the version struct"
        + " its file struct embeds), which its YAML reader cannot set: Grafana fails on any value here but null"));
    if (!legacy) {
      file.put("prune", GoType.SCALAR);
    }
    return new GoType.Struct("the file", file);
  }
}
