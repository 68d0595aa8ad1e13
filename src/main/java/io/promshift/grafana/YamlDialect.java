package io.promshift.grafana;

/**
 * Which YAML reader gives a scalar its meaning. The same characters mean different things to the readers on the way
 * to Grafana (embedded-shapes §1.3): {@code sigV4Auth: yes} is the string "yes" in a provisioning file but the
 * boolean true in Helm values or a kubectl-applied resource, which are decoded, then written again for Grafana.
 */
public enum YamlDialect {
  /**
   * go-yaml v3, as Grafana 9.4+ reads provisioning files (and any text that reaches it verbatim): YAML 1.2 core
   * booleans only, duplicate keys refused, timestamps decoded.
   */
  GRAFANA("go-yaml v3 (Grafana)"),
  /**
   * go-yaml v2 through sigs.k8s.io/yaml, as Helm reads values and kubectl reads manifests (Ansible's PyYAML agrees on
   * these points): YAML 1.1 booleans ({@code yes/no/on/off/y/n}), a key written twice keeps its last value,
   * timestamps stay text.
   */
  YAML_1_1("YAML 1.1 (Helm, kubectl, Ansible)");

  private final String reader;

  YamlDialect(String reader) {
    this.reader = reader;
  }

  /** The reader's name, for messages that say which layer decided. */
  public String reader() {
    return reader;
  }
}
