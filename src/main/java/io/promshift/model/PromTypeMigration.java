package io.promshift.model;

import io.promshift.grafana.GoMap;
import io.promshift.grafana.GoValue;
import java.util.Optional;
import java.util.function.Function;

/**
 * Grafana's own decision, at every start since Grafana 13 ({@code pkg/services/promtypemigration}), on
 * whether a data source row moves off the core {@code prometheus} type: Azure first, then Amazon.
 */
public final class PromTypeMigration {
  public static final String PROMETHEUS = "prometheus";
  public static final String AMAZON = "grafana-amazonprometheus-datasource";
  public static final String AZURE = "grafana-azureprometheus-datasource";
  public static final String MARKER = "prometheus-type-migration";

  private PromTypeMigration() {}

  /** Why Grafana would move a source, or that it would not. */
  public enum Reason {
    /** {@code jsonData.azureCredentials} is present and not null. */
    AZURE_CREDENTIALS(AZURE),
    /** {@code jsonData.sigV4Auth} is the boolean true. */
    SIGV4_AUTH(AMAZON),
    NONE(null);

    private final String targetType;

    Reason(String targetType) {
      this.targetType = targetType;
    }

    public Optional<String> targetType() {
      return Optional.ofNullable(targetType);
    }
  }

  /** What the rule needs to know of a jsonData value. */
  public enum Value {
    /** No such key. */
    ABSENT,
    /** The key with a null value. */
    NULL,
    /** The boolean true. */
    TRUE,
    /** Anything else: false, text, a number, a map, a list. */
    OTHER
  }

  /**
   * The rule itself, the one place it is written: a {@code prometheus} row moves to Azure when
   * {@code jsonData.azureCredentials} is present and not null, else to Amazon when {@code jsonData.sigV4Auth} is
   * the boolean true. {@code jsonData} answers for each key, on whatever values the caller has (as written, or
   * expanded as Grafana expands them).
   */
  public static Reason decide(Optional<String> type, Function<String, Value> jsonData) {
    if (!type.filter(PROMETHEUS::equals).isPresent()) {
      return Reason.NONE;
    }
    return qualifies(jsonData);
  }

  /** The rule on jsonData alone, regardless of the type (for plugin-type sources and reports). */
  public static Reason qualifies(Function<String, Value> jsonData) {
    Value azure = jsonData.apply("azureCredentials");
    if (azure != Value.ABSENT && azure != Value.NULL) {
      return Reason.AZURE_CREDENTIALS;
    }
    if (jsonData.apply("sigV4Auth") == Value.TRUE) {
      return Reason.SIGV4_AUTH;
    }
    return Reason.NONE;
  }

  /** What Grafana's migration does with this data source's row, on its values as written. */
  public static Reason decide(DataSource source) {
    return decide(source.type(), written(source.jsonData()));
  }

  /** The rule on jsonData as written, regardless of the type. */
  public static Reason qualifies(Optional<GoMap> jsonData) {
    return qualifies(written(jsonData));
  }

  private static Function<String, Value> written(Optional<GoMap> jsonData) {
    return key -> jsonData.flatMap(json -> json.get(key)).map(value -> value instanceof GoValue.GoNull ? Value.NULL
        : value.isTrue() ? Value.TRUE : Value.OTHER).orElse(Value.ABSENT);
  }

  /** Whether jsonData carries the marker as the boolean true (what a rollback looks for). */
  public static boolean isMarked(Optional<GoMap> jsonData) {
    return jsonData.flatMap(json -> json.get(MARKER))
        .filter(GoValue::isTrue).isPresent();
  }
}
