package io.promshift.embed;

import io.promshift.model.DataSource;
import io.promshift.model.MigrationState;
import io.promshift.model.Secrets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What to do about a data source whose {@code type} a chart template writes (kube-prometheus-stack's default): it cannot
 * be migrated in the values file, so say how to move it, with the item to add. One wording for validate and migrate.
 */
public final class FixedTypeAdvice {
  private FixedTypeAdvice() {}

  /**
   * Where Grafana moves the chart's default data source of {@code unit} at every start, when it does (SigV4 or Azure
   * auth on it): what makes its fixed type a problem.
   */
  public static Optional<String> pendingTarget(Unit unit) {
    if (unit.file().dataSources().isEmpty()) {
      return Optional.empty();
    }
    MigrationState state = MigrationState.of(unit.file().dataSources().get(0));
    return state.state() == MigrationState.State.PENDING ? state.targetType()
        : Optional.empty();
  }

  /** The finding's message for a default data source that Grafana moves to {@code targetType}. */
  public static String message(Unit unit, String targetType) {
    DataSource ds = unit.file().dataSources().get(0);
    List<String> fields = new ArrayList<>();
    fields.add("name: " + ds.name().orElse("Prometheus"));
    fields.add("type: " + targetType);
    ds.uid().ifPresent(uid -> fields.add("uid: " + uid));
    ds.text(io.promshift.model.Field.URL).ifPresent(url -> fields.add("url: " + Secrets.maskCredentials(url)));
    fields.add("isDefault: " + ds.text(io.promshift.model.Field.IS_DEFAULT).orElse("true"));
    if (ds.jsonData().isPresent()) {
      fields.add("jsonData: <extraJsonData, with prometheus-type-migration: true>");
    }
    YamlPath grafana = new YamlPath(unit.path().steps().subList(0, Math.max(0, unit.path().size() - 2)));
    return "the chart writes type: prometheus for its own default data source, and Grafana moves it to " + targetType
        + " at every start (the sidecar's file flips it back): it cannot be migrated in the values file; set "
        + grafana.key("sidecar").key("datasources").key("defaultDatasourceEnabled") + ": false and add to "
        + grafana.key("additionalDataSources") + " the item {" + String.join(", ", fields)
        + "} (the same uid keeps dashboards working)";
  }
}
