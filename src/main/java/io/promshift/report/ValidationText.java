package io.promshift.report;

import io.promshift.rules.Diagnostic;
import io.promshift.rules.Suppressed;
import io.promshift.text.Printable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** What {@code validate} says beside its findings report. */
public final class ValidationText {
  private ValidationText() {}

  /**
   * Each file in path order (whatever order the roots were given in) with its count of findings: {@code path: 2
   * findings}; a file that provisions no data source says {@code path: skipped}, never "0 findings", which would
   * read as validated and clean; one that could not be read says {@code unreadable} beside its findings.
   */
  public static List<String> perFile(ValidationRun run) {
    Map<String, Integer> counts = new HashMap<>();
    for (Diagnostic finding : run.findings()) {
      counts.merge(finding.file(), 1, Integer::sum);
    }
    List<FileOutcome> files = new ArrayList<>(run.run().files());
    files.sort(Comparator.comparing(FileOutcome::file));
    List<String> lines = new ArrayList<>();
    for (FileOutcome file : files) {
      String name = file.file().toString();
      String what = switch (file.verdict()) {
        case SKIPPED -> "skipped (provisions no data source)";
        case FAILED -> "unreadable, " + Columns.count(counts.getOrDefault(name, 0), "finding", "findings");
        default -> Columns.count(counts.getOrDefault(name, 0), "finding", "findings");
      };
      lines.add(Printable.escape(name) + ": " + what);
    }
    return lines;
  }

  /**
   * Each finding as compiler-style log lines — {@code file:12:20: error [rule] message}, then {@code   fix: ...} —
   * at its severity's level, under the name {@code fileName} gives its file.
   */
  public static List<LogLine> logLines(ValidationRun run, Function<String, String> fileName) {
    return logLines(run, Show.INFO, fileName);
  }

  /** The same, of the findings {@code show} asks for ({@link ValidationRun#shown}). */
  public static List<LogLine> logLines(ValidationRun run, Show show, Function<String, String> fileName) {
    List<LogLine> lines = new ArrayList<>();
    for (Diagnostic finding : run.shown(show.least())) {
      LogLine.Level level = switch (finding.severity()) {
        case ERROR -> LogLine.Level.ERROR;
        case WARNING -> LogLine.Level.WARN;
        case INFO -> LogLine.Level.INFO;
      };
      lines.add(new LogLine(level, TextReport.line(finding, fileName.apply(finding.file()))));
      lines.add(new LogLine(level, TextReport.fixLine(finding)));
    }
    return lines;
  }

  /** The findings that fail the run, one line each. */
  public static List<String> failing(ValidationRun run, Function<String, String> fileName) {
    return run.findings().stream().filter(f -> f.severity().reaches(run.failOn()))
        .map(f -> TextReport.line(f, fileName.apply(f.file()))).toList();
  }

  /** {@code 2 errors, 0 warnings, 1 info in 1 file}. */
  public static String counts(ValidationRun run) {
    return TextReport.summary(TextReport.counts(run.findings()), run.checked());
  }

  /**
   * {@code 2 errors, 0 warnings, 3 infos in 1 file (1 suppressed); 3 info findings not shown (-Dpromshift.show=info)}:
   * the counts, the findings suppressed by comments and those {@code show} leaves out, with the {@code option} that
   * shows them (followed by the severity's word), and how many {@code mvn promshift:fix} resolves.
   */
  public static String counts(ValidationRun run, Show show, String option) {
    return TextReport.summary(run, show, option, "mvn promshift:fix");
  }

  /** The least severe finding that fails the run, as the word users write. */
  public static String failOn(ValidationRun run) {
    return run.failOn().label();
  }

  /** The findings report in a format, each file named by {@code fileName} (e.g. relative to a project). */
  public static void write(FindingsReport.Format format, ValidationRun run, Function<String, String> fileName,
      Appendable out) throws IOException {
    write(format, run, Show.INFO, fileName, out);
  }

  /** The same, of the findings {@code show} asks for ({@link ValidationRun#shown}). */
  public static void write(FindingsReport.Format format, ValidationRun run, Show show,
      Function<String, String> fileName, Appendable out) throws IOException {
    List<Diagnostic> renamed = run.findings().stream().map(f -> f.withFile(fileName.apply(f.file()))).toList();
    List<Suppressed> suppressed = run.suppressed().stream().map(s -> s.withFile(fileName.apply(s.finding().file())))
        .toList();
    FindingsReport.of(format)
        .write(new ValidationRun(run.run(), renamed, run.checked(), run.failOn(), suppressed), show, out);
  }
}
