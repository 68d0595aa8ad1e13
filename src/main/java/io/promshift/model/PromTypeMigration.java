package io.promshift.model;

import io.promshift.grafana.GoMap;
import io.promshift.grafana.GoValue;
import java.util.Optional;

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

  /** What Grafana's migration does with this data source's row. */
  public static Reason decide(DataSource source) {
    if (!source.type().filter(PROMETHEUS::equals).isPresent()) {
      return Reason.NONE;
    }
    return qualifies(source.jsonData());
  }

  /** The rule on jsonData alone, regardless of the type (for plugin-type sources and reports). */
  public static Reason qualifies(Optional<GoMap> jsonData) {
    if (jsonData.isEmpty()) {
      return Reason.NONE;
    }
    GoMap json = jsonData.get();
    if (json.get("azureCredentials").filter(v -> !(v instanceof GoValue.GoNull)).isPresent()) {
      return Reason.AZURE_CREDENTIALS;
    }
    if (json.get("sigV4Auth").filter(GoValue::isTrue).isPresent()) {
      return Reason.SIGV4_AUTH;
    }
    return Reason.NONE;
  }

  /** Whether jsonData carries the marker as the boolean true (what a rollback looks for). */
  public static boolean isMarked(Optional<GoMap> jsonData) {
    return jsonData.flatMap(json -> json.get(MARKER))
        .filter(GoValue::isTrue).isPresent();
  }
}
