package io.promshift.report;

import io.promshift.rules.Severity;
import java.util.Locale;

/**
 * What a validation report prints (validate's {@code --show}, the Maven goal's {@code show}): the findings at least
 * this severe, and every finding that fails the run whatever this says ({@link ValidationRun#shown}). It never
 * changes what fails; {@code --fail-on} alone does.
 */
public enum Show {
  ERROR(Severity.ERROR),
  WARNING(Severity.WARNING),
  INFO(Severity.INFO);

  private final Severity least;

  Show(Severity least) {
    this.least = least;
  }

  /** The least severe finding shown. */
  public Severity least() {
    return least;
  }

  /** {@code error}, {@code warning}, {@code info}: the word users write. */
  public String label() {
    return least.label();
  }

  /** Parses {@code error}, {@code warning} or {@code info}, any case. */
  public static Show parse(String word) {
    return valueOf(word.trim().toUpperCase(Locale.ROOT));
  }

  /**
   * What a format shows unless told: warnings and errors for people (text, GitHub annotations), where infos would
   * swamp what needs doing; everything for tools (JSON, SARIF), which filter for themselves.
   */
  public static Show defaultFor(FindingsReport.Format format) {
    return format == FindingsReport.Format.JSON || format == FindingsReport.Format.SARIF ? INFO : WARNING;
  }
}
