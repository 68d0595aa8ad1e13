package io.promshift.rules;

import java.util.Locale;

/**
 * How much a finding matters. {@link #ERROR}: Grafana refuses to start, or the data source cannot work.
 * {@link #WARNING}: it works, but not as written. {@link #INFO}: worth knowing (migration state).
 */
public enum Severity {
  ERROR,
  WARNING,
  INFO;

  /** {@code error}, {@code warning}, {@code info}: the word the reports print. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** SARIF's {@code level}: {@code error}, {@code warning}, {@code note}. */
  public String sarifLevel() {
    return this == INFO ? "note" : label();
  }

  /** Whether this severity is at least as serious as {@code threshold}. */
  public boolean reaches(Severity threshold) {
    return ordinal() <= threshold.ordinal();
  }

  /** Parses {@code error}, {@code warning} or {@code info} (any case). */
  public static Severity parse(String text) {
    return valueOf(text.trim().toUpperCase(Locale.ROOT));
  }
}
