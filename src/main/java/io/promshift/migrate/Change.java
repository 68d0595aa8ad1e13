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
 */
public record Change(String dataSource, Position position, String fromType, String toType, MarkerAction marker) {

  /** What a migration did to the marker. */
  public enum MarkerAction {
    ADDED, SET_TRUE, REMOVED, SET_FALSE, ALREADY_SET,
    /** A reverse run over a source that had no marker. */
    NONE
  }
}
