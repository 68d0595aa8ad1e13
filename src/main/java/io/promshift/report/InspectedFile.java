package io.promshift.report;

import io.promshift.embed.Unit;
import io.promshift.model.GrafanaView;
import io.promshift.rules.Diagnostic;
import io.promshift.text.SourceException;
import java.nio.file.Path;
import java.util.List;

/**
 * One file of an inspection: what Grafana stores from it, per unit (a plain provisioning file is one unit), or why
 * it cannot be read.
 *
 * @param file the file
 * @param root the path it was found under
 * @param refusal why the file could not be read (the kind says whether Grafana refuses it too), or null
 * @param problems the finding for a file that could not be read, or for a place inside it that cannot be read
 * @param views the units read, each with what Grafana stores from it; empty for a file that provisions nothing
 */
public record InspectedFile(Path file, Path root, SourceException.Kind refusal, List<Diagnostic> problems,
    List<View> views) {

  public InspectedFile {
    problems = List.copyOf(problems);
    views = List.copyOf(views);
  }

  /** One unit and what Grafana stores from it. */
  public record View(Unit unit, GrafanaView view) {}

  /**
   * How Grafana takes the file: it reads it, refuses it, misreads it (reads other data than the file says), or
   * promshift cannot say (its own policy or I/O stopped the read).
   */
  public String grafana() {
    if (refusal != null) {
      return switch (refusal) {
        case SYNTAX, DUPLICATE_KEY, ENCODING -> "refuses";
        case MISREAD -> "misreads"; // Grafana reads other data than the file says: promshift refuses it on purpose
        default -> "unknown"; // promshift's own policy (templates, limits) or I/O stopped the read
      };
    }
    return views.stream().allMatch(v -> v.view().readsCleanly()) ? "reads" : "refuses";
  }
}
