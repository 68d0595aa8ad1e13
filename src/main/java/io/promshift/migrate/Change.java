package io.promshift.migrate;

import io.promshift.text.Position;

/**
 * One data source whose type the migration changes.
 *
 * @param dataSource the source's name (or its place in the list)
 * @param position where the data source starts
 * @param fromType the type before
 * @param toType the type after
 * @param marker what happened to {@code jsonData.prometheus-type-migration}
 * @param path for a data source inside an embedded unit, its YAML path in the outer file
 *     ({@code grafana.additionalDataSources[0]}); {@code ""} in a plain provisioning file
 */
public record Change(String dataSource, Position position, String fromType, String toType, MarkerAction marker,
    String path) {

  public Change(String dataSource, Position position, String fromType, String toType, MarkerAction marker) {
    this(dataSource, position, fromType, toType, marker, "");
  }

  /** What a migration did to the marker. */
  public enum MarkerAction {
    ADDED, SET_TRUE, REMOVED, SET_FALSE, ALREADY_SET,
    /** A reverse run over a source that had no marker. */
    NONE
  }
}
