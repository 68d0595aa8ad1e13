package io.promshift.report;

import io.promshift.model.MigrationState;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The result of a {@code status}, {@code migrate} or {@code fix} run over a set of files: one outcome per file in path order
 * (whatever the parallelism), and the problems of the walk itself (folders that could not be listed), which
 * count as failed files. The totals are derived from these, never kept apart from them.
 *
 * @param problems folders of the walk that could not be listed, as failed outcomes, before any file
 * @param files one outcome per file found, in path order
 */
public record Run(List<FileOutcome> problems, List<FileOutcome> files) {
  public Run {
    problems = List.copyOf(problems);
    files = List.copyOf(files);
  }

  /**
   * Whether the run had nothing to work on (no file found, no folder it could not list): a front end reports it as
   * an error with {@link io.promshift.io.FileSet#nothingFound()}, as a mistyped path or glob must not pass as clean.
   */
  public boolean empty() {
    return problems.isEmpty() && files.isEmpty();
  }

  /** How many files got this verdict (walk problems count as failed). */
  public int count(Verdict verdict) {
    int count = verdict == Verdict.FAILED ? problems.size() : 0;
    for (FileOutcome file : files) {
      if (file.verdict() == verdict) {
        count++;
      }
    }
    return count;
  }

  /** Whether any file, or any folder of the walk, could not be processed. */
  public boolean anyFailed() {
    return count(Verdict.FAILED) > 0;
  }

  /**
   * {@code migrate}: whether a file, or a unit of data sources inside one, was left as it is for a reason that is an
   * error (it cannot be read or edited safely, or its type is written by a chart), while the rest went on.
   */
  public boolean anyRefused() {
    return anyFailed() || files.stream().anyMatch(f -> f.diagnostics().stream()
        .anyMatch(d -> d.severity() == io.promshift.rules.Severity.ERROR));
  }

  /** {@code migrate}: the data sources whose type changes, over the files not failed. */
  public int changedSources() {
    return files.stream().filter(f -> !f.failed()).mapToInt(f -> f.changes().size()).sum();
  }

  /** {@code fix}: the findings fixed, over the files not failed. */
  public int fixes() {
    return files.stream().filter(f -> !f.failed()).mapToInt(f -> f.fixes().size()).sum();
  }

  /** {@code status}: how many data sources are in each state. */
  public Map<MigrationState.State, Integer> states() {
    Map<MigrationState.State, Integer> states = new EnumMap<>(MigrationState.State.class);
    for (FileOutcome file : files) {
      for (SourceStatus source : file.sources()) {
        states.merge(source.state().state(), 1, Integer::sum);
      }
    }
    return states;
  }

  /** {@code status}: every data source read. */
  public int sources() {
    return files.stream().mapToInt(f -> f.sources().size()).sum();
  }
}
