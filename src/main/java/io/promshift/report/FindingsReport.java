package io.promshift.report;

import io.promshift.rules.Diagnostic;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Writes validation findings in one format: compiler-style text for people, JSON for scripts, SARIF 2.1.0 for
 * code-scanning tools, GitHub Actions workflow commands for annotations in a workflow run. Every format gives the file, line and column of each finding; none ever holds more of a
 * secret than the findings do (at most {@link io.promshift.model.Secrets#redact}).
 */
public interface FindingsReport {

  /** The formats: GITHUB is GitHub Actions' workflow commands (annotations), for a workflow's log only. */
  enum Format {
    TEXT,
    JSON,
    SARIF,
    GITHUB;

    /** {@code text}, {@code json}, {@code sarif} or {@code github}, any case. */
    public static Format parse(String name) {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
  }

  /**
   * Writes the findings of a run over {@code files} files (findings in the order to print them).
   *
   * @throws IOException when the {@link Appendable} does
   */
  void write(List<Diagnostic> findings, int files, Appendable out) throws IOException;

  /**
   * Writes a validation run's findings; the JSON format also counts its files by state (validated, skipped,
   * unreadable).
   *
   * @throws IOException when the {@link Appendable} does
   */
  default void write(ValidationRun run, Appendable out) throws IOException {
    write(run, Show.INFO, out);
  }

  /**
   * Writes the findings of a validation run that {@code show} asks for (at {@code show} or above, and every finding
   * that fails the run: {@link ValidationRun#shown}). The text format's summary also counts the suppressed findings
   * and those not shown; JSON lists the suppressed ones in a {@code suppressed} array and SARIF among its results,
   * each with its {@code suppressions}; the GitHub format leaves them out.
   *
   * @throws IOException when the {@link Appendable} does
   */
  default void write(ValidationRun run, Show show, Appendable out) throws IOException {
    write(run.shown(show.least()), run.checked(), out);
  }

  static FindingsReport of(Format format) {
    return switch (format) {
      case TEXT -> new TextReport();
      case JSON -> new JsonReport();
      case SARIF -> new SarifReport();
      case GITHUB -> new GithubReport();
    };
  }

  static FindingsReport text() {
    return new TextReport();
  }

  /** The text format without its summary line: the findings alone (for a quiet run). */
  static FindingsReport textFindingsOnly() {
    return new TextReport(false);
  }

  static FindingsReport json() {
    return new JsonReport();
  }

  static FindingsReport sarif() {
    return new SarifReport();
  }
}
