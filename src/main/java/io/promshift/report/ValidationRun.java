package io.promshift.report;

import io.promshift.rules.Diagnostic;
import io.promshift.rules.Severity;
import io.promshift.rules.Suppressed;
import java.util.List;

/**
 * The result of a {@code validate} run: every finding in file order, then position (a file that cannot be read
 * is a finding too), what happened to each file, and the threshold the run fails at.
 *
 * @param run the files and the walk's problems
 * @param findings every finding, sorted
 * @param checked how many files were validated (read or not; files that provision no data sources excluded)
 * @param failOn the least severe finding that fails the run
 * @param suppressed the findings the files' own comments suppressed ({@code # promshift-disable-line RULE}), sorted
 *     as {@code findings}: reported apart, and never failing the run
 */
public record ValidationRun(Run run, List<Diagnostic> findings, int checked, Severity failOn,
    List<Suppressed> suppressed) {
  public ValidationRun {
    findings = List.copyOf(findings);
    suppressed = List.copyOf(suppressed);
  }

  /** A run in which nothing was suppressed. */
  public ValidationRun(Run run, List<Diagnostic> findings, int checked, Severity failOn) {
    this(run, findings, checked, failOn, List.of());
  }

  /** Whether a file or folder could not be read. */
  public boolean anyUnreadable() {
    return run.anyFailed();
  }

  /** Whether a finding reaches the threshold. */
  public boolean failed() {
    return findings.stream().anyMatch(f -> f.severity().reaches(failOn));
  }

  /**
   * The same run with the findings of files that could not be read lowered to warnings, {@code why} added to
   * their message (for a build told not to fail on them); such a run no longer counts them as unreadable.
   */
  public ValidationRun unreadableAsWarnings(String why) {
    java.util.Set<Diagnostic> unreadable = new java.util.HashSet<>();
    run.files().stream().filter(FileOutcome::failed).forEach(f -> unreadable.addAll(f.diagnostics()));
    run.problems().forEach(f -> unreadable.addAll(f.diagnostics()));
    List<Diagnostic> lowered = findings.stream().map(f -> unreadable.contains(f) && f.severity() == Severity.ERROR
        ? f.withSeverity(Severity.WARNING).withMessage(f.message() + " " + why) : f).toList();
    List<FileOutcome> files = run.files().stream().map(f -> f.failed()
        ? FileOutcome.of(f.file(), f.root(), Verdict.UNCHANGED, f.diagnostics()) : f).toList();
    List<FileOutcome> problems = run.problems().stream()
        .map(f -> FileOutcome.of(f.file(), f.root(), Verdict.UNCHANGED, f.diagnostics())).toList();
    return new ValidationRun(new Run(problems, files), lowered, checked, failOn, suppressed);
  }

  /** The findings a quiet run shows: errors alone. */
  public List<Diagnostic> errors() {
    return findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
  }

  /**
   * The findings to print when {@code show} is the least severe one asked for: those at {@code show} or above, and
   * every finding that fails the run whatever {@code show} says (a failure is always explained).
   */
  public List<Diagnostic> shown(Severity show) {
    return findings.stream().filter(f -> shows(f, show)).toList();
  }

  /** The findings {@link #shown} leaves out. */
  public List<Diagnostic> notShown(Severity show) {
    return findings.stream().filter(f -> !shows(f, show)).toList();
  }

  private boolean shows(Diagnostic finding, Severity show) {
    return finding.severity().reaches(show) || finding.severity().reaches(failOn);
  }
}
