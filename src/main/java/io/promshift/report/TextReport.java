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
 * 1 errors, 0 warnings, 1 infos in 1 files
 * </pre>
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
    int[] counts = new int[Severity.values().length];
    for (Diagnostic f : findings) {
      counts[f.severity().ordinal()]++;
      out.append(Printable.escape(f.file())).append(':').append(String.valueOf(f.line())).append(':')
          .append(String.valueOf(f.column())).append(": ").append(f.severity().label())
          .append(" [").append(f.rule()).append("] ").append(oneLine(f.message())).append('\n');
      out.append("  fix: ").append(oneLine(f.fix())).append('\n');
    }
    if (!summary) {
      return;
    }
    out.append(String.valueOf(counts[Severity.ERROR.ordinal()])).append(" errors, ")
        .append(String.valueOf(counts[Severity.WARNING.ordinal()])).append(" warnings, ")
        .append(String.valueOf(counts[Severity.INFO.ordinal()])).append(" infos in ")
        .append(String.valueOf(files)).append(" files\n");
  }

  /** A message never breaks the one-finding-per-line shape (nor moves a terminal's cursor). */
  static String oneLine(String text) {
    return Printable.message(text);
  }
}
