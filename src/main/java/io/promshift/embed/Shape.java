package io.promshift.embed;

import io.promshift.grafana.YamlDialect;

/**
 * Where a unit of data sources lives and what that means: the reader of its layer, how Grafana gets it, where the
 * plugin must be declared after a migration, and whether promshift may edit its {@code type}.
 */
public enum Shape {
  /** A plain provisioning file: what Grafana reads from its provisioning folder. */
  PROVISIONING_FILE("provisioning file", UnitKind.DOCUMENT, YamlDialect.GRAFANA, Delivery.FILE_AT_START,
      "the Grafana configuration ([plugins] preinstall = grafana-amazonprometheus-datasource, or"
          + " GF_PLUGINS_PREINSTALL)"),
  /** grafana chart values: {@code datasources.<file>.yaml} (or its {@code secret:} variant), rendered to a file. */
  CHART_VALUES("grafana chart values", UnitKind.DOCUMENT, YamlDialect.YAML_1_1, Delivery.FILE_AT_START,
      "the chart's plugins: list (plugins: [grafana-amazonprometheus-datasource])"),
  /** kube-prometheus-stack {@code grafana.additionalDataSources}: items rendered into the sidecar's file. */
  KPS_ADDITIONAL("kube-prometheus-stack additionalDataSources", UnitKind.ITEMS, YamlDialect.YAML_1_1,
      Delivery.SIDECAR_RELOAD, "grafana.plugins (plugins: [grafana-amazonprometheus-datasource])"),
  /**
   * kube-prometheus-stack {@code grafana.additionalDataSourcesString}: YAML list items in a string, rendered with
   * {@code tpl} and indented into the sidecar's file as they are written (Grafana reads the text itself).
   */
  KPS_STRING("kube-prometheus-stack additionalDataSourcesString", UnitKind.ITEMS, YamlDialect.GRAFANA,
      Delivery.SIDECAR_RELOAD, "grafana.plugins (plugins: [grafana-amazonprometheus-datasource])"),
  /** kube-prometheus-stack's own default data source: its type is written by the chart's template. */
  KPS_DEFAULT("kube-prometheus-stack default data source", UnitKind.ITEM, YamlDialect.YAML_1_1,
      Delivery.SIDECAR_RELOAD, "grafana.plugins (plugins: [grafana-amazonprometheus-datasource])"),
  /**
   * VictoriaMetrics k8s stack {@code defaultDatasources.extra}: items the chart passes through {@code tpl} into its
   * sidecar's file (or, with its operator mode, into GrafanaDatasources).
   */
  VM_EXTRA("victoria-metrics-k8s-stack defaultDatasources.extra", UnitKind.ITEMS, YamlDialect.YAML_1_1,
      Delivery.SIDECAR_RELOAD, "grafana.plugins (plugins: [grafana-amazonprometheus-datasource])"),
  /** grafana-operator v5 {@code GrafanaDatasource} (grafana.integreatly.org/v1beta1): {@code spec.datasource}. */
  OPERATOR_V5("grafana-operator GrafanaDatasource", UnitKind.ITEM, YamlDialect.YAML_1_1, Delivery.OPERATOR_PUSH,
      "spec.plugins of the GrafanaDatasource (- name: grafana-amazonprometheus-datasource, version: <x.y.z>) when"
          + " the operator manages the Grafana instance"),
  /** grafana-operator v4 {@code GrafanaDataSource} (integreatly.org/v1alpha1): {@code spec.datasources}. */
  OPERATOR_V4("grafana-operator v4 GrafanaDataSource", UnitKind.ITEMS, YamlDialect.YAML_1_1, Delivery.FILE_AT_START,
      "the Grafana resource's plugin list (v4: GRAFANA_PLUGINS); better, move to grafana-operator v5"),
  /** The grafana.grafana Ansible role's {@code grafana_datasources}: items written to a provisioning file. */
  ANSIBLE_ROLE("Ansible grafana_datasources", UnitKind.ITEMS, YamlDialect.YAML_1_1, Delivery.FILE_AT_START,
      "the role's grafana_plugins list"),
  /**
   * A provisioning file inside a string: a ConfigMap's or Secret's data mounted into Grafana, a compose {@code configs}
   * content, cloud-init {@code write_files}, an Ansible {@code copy} content, ... (the generic rule of §1.2). Grafana
   * reads the string's text itself.
   */
  STRING_FILE("provisioning file in a string", UnitKind.DOCUMENT, YamlDialect.GRAFANA, Delivery.FILE_AT_START,
      "the Grafana that reads it ([plugins] preinstall = grafana-amazonprometheus-datasource, or"
          + " GF_PLUGINS_PREINSTALL)"),
  /**
   * A provisioning file that a script in a string writes with a heredoc ({@code cat <<EOF > .../datasources/ds.yaml}):
   * a compose service's entrypoint or command, cloud-init runcmd, an Ansible shell task (embedded-shapes §2.6, S8).
   * The script runs before Grafana starts, and docker compose and the shell may expand the body's {@code $} first.
   */
  HEREDOC_FILE("provisioning file written by a heredoc", UnitKind.DOCUMENT, YamlDialect.GRAFANA,
      Delivery.FILE_AT_START, "the Grafana that runs the script (GF_PLUGINS_PREINSTALL=grafana-amazonprometheus-datasource"
          + " in its environment, or [plugins] preinstall)"),
  /** A ConfigMap or Secret that the k8s-sidecar picks up by its label and writes into Grafana's folder. */
  SIDECAR_FILE("ConfigMap/Secret for the k8s-sidecar", UnitKind.DOCUMENT, YamlDialect.GRAFANA,
      Delivery.SIDECAR_RELOAD, "the Grafana that reads it (chart plugins:, or [plugins] preinstall)"),
  /**
   * Crossplane provider-grafana {@code DataSource} (oss.grafana.crossplane.io, oss.grafana.m.crossplane.io):
   * {@code spec.forProvider}, Terraform's keys ({@code accessMode}, {@code basicAuthEnabled}, ...), its jsonData a JSON
   * string ({@code jsonDataEncoded}).
   */
  CROSSPLANE("Crossplane DataSource", UnitKind.ITEM, YamlDialect.YAML_1_1, Delivery.PROVIDER_POLL,
      "the Grafana instance (grafana_cloud_plugin_installation on Grafana Cloud; [plugins] preinstall self-hosted)"),
  /** A unit the user named with {@code --unit}. */
  USER("unit given by --unit", UnitKind.DOCUMENT, YamlDialect.YAML_1_1, Delivery.UNKNOWN,
      "wherever this Grafana's plugins are declared");

  private final String label;
  private final UnitKind kind;
  private final YamlDialect dialect;
  private final Delivery delivery;
  private final String pluginPlace;

  Shape(String label, UnitKind kind, YamlDialect dialect, Delivery delivery, String pluginPlace) {
    this.label = label;
    this.kind = kind;
    this.dialect = dialect;
    this.delivery = delivery;
    this.pluginPlace = pluginPlace;
  }

  /** The shape as reports name it. */
  public String label() {
    return label;
  }

  /** How units of this shape hold their data sources (a user's unit says its own). */
  public UnitKind kind() {
    return kind;
  }

  /** The reader that decodes this layer before Grafana sees it. */
  public YamlDialect dialect() {
    return dialect;
  }

  public Delivery delivery() {
    return delivery;
  }

  /** Where the plugin must be declared for this shape: Grafana does not install it for a provisioned data source. */
  public String pluginPlace() {
    return pluginPlace;
  }

  /** Whether the data source's type is written by a chart template, not by this file: never edited here. */
  public boolean fixedType() {
    return this == KPS_DEFAULT;
  }

  /** Whether Kubernetes keeps unknown jsonData keys (v4's CRD has a fixed list: the marker would be dropped). */
  public boolean keepsMarker() {
    return this != OPERATOR_V4;
  }

  /** Whether Grafana's provisioning interpolation ($VAR, $__env{}) applies: not on the operator's API path. */
  public boolean interpolated() {
    return delivery != Delivery.OPERATOR_PUSH && delivery != Delivery.PROVIDER_POLL;
  }
}
