package io.promshift.model;

import io.promshift.grafana.GoList;
import io.promshift.grafana.GoMap;
import io.promshift.grafana.GoScalars;
import io.promshift.grafana.GoValue;
import io.promshift.syntax.AliasNode;
import io.promshift.syntax.ScalarNode;
import io.promshift.syntax.YamlNode;
import io.promshift.model.Field.GoKind;
import io.promshift.text.Position;
import io.promshift.text.Printable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Grafana stores from one provisioning file that it reads: each data source's fields after Grafana's own
 * conversions, in the types Grafana gives them, and the conversions that fail (any one of them stops Grafana from
 * starting).
 *
 * <p>An apiVersion 1 file's typed fields ({@code isDefault}, {@code orgId}, ...) are read as text and converted with
 * Go's {@code strconv} (ParseBool, base-10 ints; an empty int stays 0); a version-0 file's are plain Go fields that
 * go-yaml v3 fills itself (a bool also from {@code yes}/{@code on}, an int from any number that fits, a float
 * truncated). A field whose text holds a placeholder ({@code $}) is converted only after interpolation: it is shown
 * as written. jsonData and correlations keep go-yaml v3's types; secrets are masked by the {@link Secrets} policy.
 *
 * @param apiVersion the version Grafana's first pass reads (0 for a version-0 file)
 * @param legacy whether the file is read with version 0's snake_case keys
 * @param dataSources one entry per item of {@code datasources}, in file order
 * @param deletions one entry per item of {@code deleteDatasources} ({@code delete_datasources} in version 0)
 * @param prune whether {@code prune: true} (apiVersion 1)
 * @param failures the conversions Grafana fails on, in file order; Grafana stops at the first
 */
public record GrafanaView(long apiVersion, boolean legacy, List<Stored> dataSources, List<Stored> deletions,
    boolean prune, List<Failure> failures) {

  public GrafanaView {
    dataSources = List.copyOf(dataSources);
    deletions = List.copyOf(deletions);
    failures = List.copyOf(failures);
  }

  /**
   * One item as Grafana stores it.
   *
   * @param index the item's place in its list, 0-based
   * @param at where the item starts
   * @param fields Grafana's field names (apiVersion 1 spelling) to values: String, Boolean, Long, BigInteger,
   *     Double, null, Map, List; only the fields the file sets, in Grafana's order
   */
  public record Stored(int index, Position at, Map<String, Object> fields) {
    public Stored {
      fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
  }

  /**
   * A value Grafana cannot convert, or an item it cannot use.
   *
   * @param at where the value is
   * @param field the field, as written in the file ("" for a whole item)
   * @param message Go's error, as Grafana reports it (the value shown only for typed, non-secret fields)
   */
  public record Failure(Position at, String field, String message) {}

  /** Whether Grafana starts with this file: no conversion fails. */
  public boolean readsCleanly() {
    return failures.isEmpty();
  }

  /** The view of a modelled file. */
  public static GrafanaView of(ProvisioningFile file) {
    return new Builder(file).build();
  }

  /** The fields of a {@code deleteDatasources} item ({@code delete_datasources} in version 0). */
  static final List<Field> DELETION_FIELDS = List.of(Field.NAME, Field.ORG_ID, Field.ORG_NAME);

  /** One view's state. */
  private static final class Builder {
    private final ProvisioningFile file;
    private final Secrets secrets;
    private final List<Failure> failures = new ArrayList<>();

    Builder(ProvisioningFile file) {
      this.file = file;
      this.secrets = Secrets.of(file);
    }

    GrafanaView build() {
      GoValue root = file.root();
      if (!(root instanceof GoMap) && !(root instanceof GoValue.GoNull)) {
        // both of Grafana's passes decode the document into a struct
        fail(root.node(), "", "cannot unmarshal " + kind(root) + " into a provisioning file's fields");
        return new GrafanaView(0, true, List.of(), List.of(), false, failures);
      }
      file.entry("apiVersion").ifPresent(entry -> {
        if (!(entry.value() instanceof GoValue.GoNull) && GoScalars.goInt64(entry.value()) == null) {
          fail(entry.valueNode(), "apiVersion", "cannot unmarshal " + kind(entry.value()) + " into int64");
        }
      });
      boolean legacy = file.isLegacy();
      List<Stored> sources = items("datasources", List.of(Field.values()), legacy);
      List<Stored> deletions = items(legacy ? "delete_datasources" : "deleteDatasources", DELETION_FIELDS, legacy);
      boolean prune = false;
      Optional<GoMap.Entry> pruneEntry = legacy ? Optional.empty() : file.prune();
      if (pruneEntry.isPresent() && !(pruneEntry.get().value() instanceof GoValue.GoNull)) {
        // a plain Go bool: go-yaml fills it from a boolean or a YAML 1.1 word
        Boolean value = GoScalars.goBool(pruneEntry.get().value());
        if (value == null) {
          fail(pruneEntry.get().valueNode(), "prune", "cannot unmarshal " + kind(pruneEntry.get().value())
              + " into bool");
        }
        prune = value != null && value;
      }
      return new GrafanaView(file.apiVersion(), legacy, sources, deletions, prune, failures);
    }

    private List<Stored> items(String key, List<Field> fields, boolean legacy) {
      Optional<GoMap.Entry> list = file.entry(key);
      if (list.isEmpty() || list.get().value() instanceof GoValue.GoNull) {
        return List.of();
      }
      if (!(list.get().value() instanceof GoList items)) {
        fail(list.get().valueNode(), key, "cannot unmarshal " + kind(list.get().value()) + " into a list");
        return List.of();
      }
      List<Stored> stored = new ArrayList<>(items.items().size());
      for (int index = 0; index < items.items().size(); index++) {
        GoValue item = items.items().get(index);
        if (item instanceof GoValue.GoNull) {
          // Grafana's decode leaves a nil pointer, and its mapping code then dereferences it
          fail(item.node(), key, "a null item: Grafana crashes on it (nil pointer dereference)");
        } else if (!(item instanceof GoMap map)) {
          fail(item.node(), key, "cannot unmarshal " + kind(item) + " into a " + (key.equals("datasources")
              ? "data source" : "deletion"));
        } else {
          stored.add(item(index, map, fields, legacy));
        }
      }
      return stored;
    }

    private Stored item(int index, GoMap item, List<Field> fields, boolean legacy) {
      Map<String, Object> stored = new LinkedHashMap<>();
      for (Field field : fields) {
        String key = field.key(legacy);
        if (key == null) {
          continue;
        }
        Optional<GoMap.Entry> entry = item.entry(key);
        if (entry.isEmpty() || entry.get().value() instanceof GoValue.GoNull) {
          continue; // go-yaml leaves a field alone for a null value
        }
        GoValue value = entry.get().value();
        switch (field.goKind()) {
          case JSON -> {
            if (value instanceof GoMap map) {
              stored.put(field.key(), plain(map));
            } else {
              fail(entry.get().valueNode(), key, "cannot unmarshal " + kind(value) + " into a map");
            }
          }
          case CORRELATIONS -> {
            if (value instanceof GoList list) {
              stored.put(field.key(), plain(list));
            } else {
              fail(entry.get().valueNode(), key, "cannot unmarshal " + kind(value) + " into a list");
            }
          }
          case SECURE -> secure(entry.get(), key).ifPresent(map -> stored.put(field.key(), map));
          default -> typed(entry.get(), key, field.goKind(), legacy).ifPresent(v -> stored.put(field.key(), v));
        }
      }
      return new Stored(index, file.position(item.node()), stored);
    }

    /** A typed field: as go-yaml fills a Go field (version 0), or as text then strconv (apiVersion 1). */
    private Optional<Object> typed(GoMap.Entry entry, String key, GoKind kind, boolean legacy) {
      GoValue value = entry.value();
      if (!(AliasNode.resolve(entry.valueNode()) instanceof ScalarNode)) {
        fail(entry.valueNode(), key, "cannot unmarshal " + kind(value) + " into " + goType(kind, legacy));
        return Optional.empty();
      }
      String text = goString(value, file.dialect());
      if (kind == GoKind.STRING) {
        return Optional.of(shown(value.node(), text));
      }
      return legacy ? legacyTyped(entry, key, kind, value) : converted(entry, key, kind, text);
    }

    private Optional<Object> converted(GoMap.Entry entry, String key, GoKind kind, String text) {
      if ((kind == GoKind.INT || kind == GoKind.INT64) && text.isEmpty()) {
        return Optional.empty(); // Grafana leaves an empty int at 0
      }
      if (text.indexOf('$') >= 0) {
        return Optional.of(text); // converted after interpolation, which only Grafana's environment decides
      }
      if (kind == GoKind.BOOL) {
        Boolean parsed = GoScalars.parseGoBool(text);
        if (parsed == null) {
          fail(entry.valueNode(), key, "strconv.ParseBool: parsing \"" + Printable.shortened(text, 40)
              + "\": invalid syntax");
          return Optional.of(text);
        }
        return Optional.of(parsed);
      }
      String function = kind == GoKind.INT ? "strconv.Atoi" : "strconv.ParseInt";
      Optional<Long> parsed = parseDecimal(text);
      if (parsed.isEmpty()) {
        fail(entry.valueNode(), key, function + ": parsing \"" + Printable.shortened(text, 40) + "\": "
            + (isDecimal(text) ? "value out of range" : "invalid syntax"));
        return Optional.of(text);
      }
      return Optional.of(parsed.get());
    }

    /** go-yaml v3 decoding a resolved scalar into a Go bool, int64 or int field. */
    private Optional<Object> legacyTyped(GoMap.Entry entry, String key, GoKind kind, GoValue value) {
      if (kind == GoKind.BOOL) {
        Boolean bool = GoScalars.goBool(value);
        if (bool != null) {
          return Optional.of(bool);
        }
      } else {
        Long integer = GoScalars.goInt64(value);
        if (integer != null) {
          return Optional.of(integer);
        }
      }
      fail(entry.valueNode(), key, "cannot unmarshal " + kind(value) + " into " + goType(kind, true));
      return Optional.empty();
    }

    private Optional<Map<String, Object>> secure(GoMap.Entry entry, String key) {
      if (!(entry.value() instanceof GoMap map)) {
        fail(entry.valueNode(), key, "cannot unmarshal " + kind(entry.value()) + " into a map of strings");
        return Optional.empty();
      }
      Map<String, Object> masked = new LinkedHashMap<>();
      for (GoMap.Entry item : map.entries()) {
        if (!(AliasNode.resolve(item.valueNode()) instanceof ScalarNode)) {
          fail(item.valueNode(), key + "." + item.key(), "cannot unmarshal " + kind(item.value())
              + " into a string");
          continue;
        }
        String text = item.value() instanceof GoValue.GoNull ? "" : goString(item.value(), file.dialect());
        masked.put(item.key(), Secrets.isPlaceholder(text) ? text : Secrets.MASK);
      }
      return Optional.of(masked);
    }

    /** A value in the plain Java form that JSON and YAML writers take, secrets masked. */
    private Object plain(GoValue value) {
      if (value instanceof GoMap map) {
        Map<String, Object> plain = new LinkedHashMap<>();
        for (GoMap.Entry entry : map.entries()) {
          plain.put(entry.key(), plain(entry.value()));
        }
        return plain;
      }
      if (value instanceof GoList list) {
        List<Object> plain = new ArrayList<>(list.items().size());
        for (GoValue item : list.items()) {
          plain.add(plain(item));
        }
        return plain;
      }
      if (value instanceof GoValue.GoString s) {
        return shown(s.node(), s.value());
      }
      return value.toPlain();
    }

    /** A string as inspect may show it: a secret masked (a placeholder shown), credentials in it masked. */
    private String shown(YamlNode node, String text) {
      if (secrets.isSecret(node)) {
        return Secrets.isPlaceholder(text) ? text : Secrets.MASK;
      }
      return Secrets.maskCredentials(text);
    }

    private void fail(YamlNode node, String field, String message) {
      failures.add(new Failure(file.position(node), field, message));
    }
  }

  /** What go-yaml puts into a Go string for a scalar value ("" for null). */
  private static String goString(GoValue value, io.promshift.grafana.YamlDialect dialect) {
    String text = AliasNode.resolve(value.node()) instanceof ScalarNode scalar
        ? GoScalars.goString(scalar, dialect) : null;
    return text == null ? "" : text;
  }

  /** Go's {@code strconv.ParseInt(s, 10, 64)}: an optional sign, then ASCII digits only, within int64. */
  static Optional<Long> parseDecimal(String text) {
    if (!isDecimal(text)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(text));
    } catch (NumberFormatException e) {
      return Optional.empty(); // out of range
    }
  }

  private static boolean isDecimal(String text) {
    int start = !text.isEmpty() && (text.charAt(0) == '+' || text.charAt(0) == '-') ? 1 : 0;
    if (text.length() == start) {
      return false;
    }
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static String kind(GoValue value) {
    return switch (value.kindName()) {
      case "map" -> "!!map";
      case "list" -> "!!seq";
      case "null" -> "!!null";
      default -> "!!" + (value.kindName().equals("string") ? "str" : value.kindName());
    };
  }

  private static String goType(GoKind kind, boolean legacy) {
    return switch (kind) {
      case BOOL -> legacy ? "bool" : "string (then strconv.ParseBool)";
      case INT -> legacy ? "int" : "string (then strconv.Atoi)";
      case INT64 -> legacy ? "int64" : "string (then strconv.ParseInt)";
      default -> "string";
    };
  }
}
