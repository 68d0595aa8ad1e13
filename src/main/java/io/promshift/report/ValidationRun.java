package io.promshift.report;

import io.promshift.rules.Diagnostic;
import io.promshift.rules.Severity;
import java.util.List;

/**
 * The result of a {@code validate} run: every finding in file order, then position (a file that cannot be read
 * is a finding too), what happened to each file, and the threshold the run fails at.
 *
 * @param run the files and the walk's problems
 * @param findings every finding, sorted
 * @param checked how many files were validated (read or not; files that provision no data sources excluded)
 * @param failOn the least severe finding that fails the run
 */
public record ValidationRun(Run run, List<Diagnostic> findings, int checked, Severity failOn) {
  public ValidationRun {
    findings = List.copyOf(findings);
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
    return new ValidationRun(new Run(problems, files), lowered, checked, failOn);
  }

  /** The findings a quiet run shows: errors alone. */
  public List<Diagnostic> errors() {
    return findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
  }
}
