package io.promshift.report;

import io.promshift.rules.Diagnostic;
import io.promshift.rules.Severity;
import io.promshift.text.Printable;
import java.io.IOException;
import java.util.List;

/**
 * Compiler-style text, one finding per line with its fix hint indented below, then a summary:
 *
 * <pre>
 * samples/invalid/empty-region.yaml:13:20: error [sigv4-region-missing] sigV4Auth is true but ...
 *   fix: add sigV4Region: ap-south-1 (the workspace URL's region)
 * values.yaml:12:20: warning [sigv4-auth-not-boolean] grafana.additionalDataSources[0].jsonData.sigV4Auth: sigV4Auth ...
 *   fix: write sigV4Auth: true (unquoted)
 * 1 error, 1 warning, 0 infos in 2 files
 * </pre>
 *
 * <p>For a validation run the summary also says how many findings the files' own comments suppressed and which were
 * not shown: {@code 1 error, 0 warnings, 3 infos in 1 file (2 suppressed); 3 info findings not shown (--show info)}.
 *
 * <p>A finding inside an embedded unit (Helm values, an operator resource, ...) names the YAML path of its value
 * before the message.
 */
final class TextReport implements FindingsReport {
  private final boolean summary;

  TextReport() {
    this(true);
  }

  TextReport(boolean summary) {
    this.summary = summary;
  }

  @Override
  public void write(List<Diagnostic> findings, int files, Appendable out) throws IOException {
    writeFindings(findings, out);
    if (!summary) {
      return;
    }
    out.append(summary(counts(findings), files)).append('\n');
  }

  @Override
  public void write(ValidationRun run, Show show, Appendable out) throws IOException {
    writeFindings(run.shown(show.least()), out);
    if (summary) {
      out.append(summary(run, show, "--show ", "promshift fix")).append('\n');
    }
  }

  /**
   * The summary of a validation run: every finding's count (shown or not), the suppressed ones when there are any,
   * and what {@code show} left out with the option that shows it all ({@code option} and the severity: {@code --show
   * info}, {@code -Dpromshift.show=info}), and how many findings {@code fixCommand} resolves.
   */
  static String summary(ValidationRun run, Show show, String option, String fixCommand) {
    StringBuilder text = new StringBuilder(summary(counts(run.findings()), run.checked()));
    if (!run.suppressed().isEmpty()) {
      text.append(" (").append(run.suppressed().size()).append(" suppressed)");
    }
    List<Diagnostic> hidden = run.notShown(show.least());
    if (!hidden.isEmpty()) {
      int[] counts = counts(hidden);
      List<String> parts = new java.util.ArrayList<>();
      Severity least = show.least();
      for (Severity severity : Severity.values()) {
        if (counts[severity.ordinal()] > 0) {
          parts.add(counts[severity.ordinal()] + " " + severity.label());
          least = severity;
        }
      }
      text.append("; ").append(String.join(" and ", parts)).append(hidden.size() == 1 ? " finding" : " findings")
          .append(" not shown (").append(option).append(least.label()).append(')');
    }
    long fixable = run.findings().stream().filter(Diagnostic::fixable).count();
    if (fixable > 0) {
      text.append("; ").append(fixable).append(" fixable (").append(fixCommand).append(')');
    }
    return text.toString();
  }

  /** {@code 1 error, 0 warnings, 2 infos in 1 file}: each count with its noun in the number it needs. */
  static String summary(int[] counts, int files) {
    return Columns.count(counts[Severity.ERROR.ordinal()], "error", "errors") + ", "
        + Columns.count(counts[Severity.WARNING.ordinal()], "warning", "warnings") + ", "
        + Columns.count(counts[Severity.INFO.ordinal()], "info", "infos") + " in "
        + Columns.count(files, "file", "files");
  }

  /**
   * {@code file:12:20: error [rule] message}, or {@code file:12:20: error [rule] yaml.path: message} inside an
   * embedded unit: one finding on one line, compiler style, under {@code fileName}.
   */
  static String line(Diagnostic f, String fileName) {
    String path = f.hasPath() ? Printable.escape(f.path()) + ": " : "";
    return Printable.escape(fileName) + ":" + f.line() + ":" + f.column() + ": " + f.severity().label() + " ["
        + f.rule() + "] " + path + oneLine(f.message());
  }

  /** Each finding on its line, its fix on the next. */
  private static void writeFindings(List<Diagnostic> findings, Appendable out) throws IOException {
    for (Diagnostic f : findings) {
      out.append(line(f, f.file())).append('\n');
      out.append(fixLine(f)).append('\n');
    }
  }

  /** {@code   fix: ...}, the line below a finding. */
  static String fixLine(Diagnostic f) {
    return "  fix: " + oneLine(f.fix());
  }

  /** How many findings there are of each severity, by {@link Severity#ordinal()}. */
  static int[] counts(List<Diagnostic> findings) {
    int[] counts = new int[Severity.values().length];
    for (Diagnostic f : findings) {
      counts[f.severity().ordinal()]++;
    }
    return counts;
  }

  /** A message never breaks the one-finding-per-line shape (nor moves a terminal's cursor). */
  static String oneLine(String text) {
    return Printable.message(text);
  }
}
