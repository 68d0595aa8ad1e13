package io.promshift.report;

import io.promshift.embed.Delivery;
import io.promshift.embed.Shape;
import io.promshift.model.MigrationState;

/**
 * One data source as {@code status} reports it. Name and type are as written in the file: renderers escape them.
 *
 * @param line the line its list item starts on
 * @param name its name, or {@code datasources[i]} when it has none
 * @param type its type, or {@code (no type)}
 * @param state the state Grafana's config page shows for it, and why
 * @param column the column its item starts at
 * @param shape where it lives (a plain provisioning file, Helm values, an operator resource, ...)
 * @param path its YAML path in the file, for a data source in an embedded unit; {@code ""} in a plain file
 */
public record SourceStatus(int line, int column, String name, String type, MigrationState state, Shape shape,
    String path) {

  /** A data source of a plain provisioning file. */
  public SourceStatus(int line, String name, String type, MigrationState state) {
    this(line, 1, name, type, state, Shape.PROVISIONING_FILE, "");
  }

  /** Whether it is defined in an embedded unit (Helm values, an operator resource, ...) rather than a plain file. */
  public boolean embedded() {
    return shape != Shape.PROVISIONING_FILE;
  }

  /** How it reaches Grafana. */
  public Delivery delivery() {
    return shape.delivery();
  }
}
