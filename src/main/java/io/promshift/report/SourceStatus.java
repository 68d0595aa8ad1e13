package io.promshift.report;

import io.promshift.model.MigrationState;

/**
 * One data source as {@code status} reports it. Name and type are as written in the file: renderers escape them.
 *
 * @param line the line its list item starts on
 * @param name its name, or {@code datasources[i]} when it has none
 * @param type its type, or {@code (no type)}
 * @param state the state Grafana's config page shows for it, and why
 */
public record SourceStatus(int line, String name, String type, MigrationState state) {}
