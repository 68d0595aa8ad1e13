package io.promshift.embed;

import java.util.Locale;

/** How a unit holds its data sources: what {@code --unit PATH=KIND} declares. */
public enum UnitKind {
  /** A provisioning document: a map with {@code apiVersion}, {@code datasources}, {@code deleteDatasources}. */
  DOCUMENT,
  /** A list of data source items (kube-prometheus-stack {@code additionalDataSources}, Ansible). */
  ITEMS,
  /** One data source item (grafana-operator v5 {@code spec.datasource}). */
  ITEM;

  /** The word users write: {@code document}, {@code items}, {@code item}. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind a user's word names, or null. */
  public static UnitKind ofWord(String word) {
    for (UnitKind kind : values()) {
      if (kind.word().equals(word)) {
        return kind;
      }
    }
    return null;
  }
}
