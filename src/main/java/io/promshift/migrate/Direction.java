package io.promshift.migrate;

/** Which way data source types move. */
public enum Direction {
  /** {@code prometheus} → the Amazon or Azure plugin type, as Grafana's migration decides. */
  FORWARD,
  /** A migrated plugin-type source back to {@code prometheus} (rollback). */
  REVERSE
}
