package io.promshift.report;

/** What happened to one file in a run. */
public enum Verdict {
  /** The migration changes it (and, when told to write, it was written). */
  CHANGED,
  /** Read and, where asked, checked or migrated: nothing to change. */
  UNCHANGED,
  /** YAML that provisions no data sources (dashboards, alerting, ...), or a file reached twice: left alone. */
  SKIPPED,
  /** Could not be read, migrated or written: its diagnostics say why; every other file is still processed. */
  FAILED
}
