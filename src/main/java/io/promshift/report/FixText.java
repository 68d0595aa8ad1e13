package io.promshift.report;

import io.promshift.migrate.Fix;
import io.promshift.rules.Code;
import io.promshift.text.Printable;
import java.util.ArrayList;
import java.util.List;

/** {@code fix} as text: each fix made, compiler style, and the run's summary. */
public final class FixText {
  private FixText() {}

  /**
   * One line per fix of a file, compiler style: {@code path:line:col: fixed [rule] change}, e.g.
   * {@code amp.yaml:8:18: fixed [sigv4-auth-not-boolean] sigV4Auth: yes → true}; inside an embedded unit the change
   * starts with the value's YAML path in the file, as a finding's message does.
   *
   * @param file the file's name as the front end shows it (printable)
   */
  public static List<String> lines(String file, FileOutcome outcome) {
    List<String> lines = new ArrayList<>();
    for (Fix fix : outcome.fixes()) {
      String path = fix.path().isEmpty() ? "" : Printable.escape(fix.path()) + ": ";
      lines.add(file + ":" + fix.position() + ": fixed [" + fix.rule().id() + "] " + path
          + Printable.escape(fix.change()));
    }
    return lines;
  }

  /** The findings the run fixed, over the files not failed. */
  public static int fixed(Run run) {
    return run.files().stream().filter(f -> !f.failed()).mapToInt(f -> f.fixes().size()).sum();
  }

  /** The fixable findings the run left as they were (each has a notice saying why). */
  public static int unfixed(Run run) {
    return (int) run.files().stream().flatMap(f -> f.diagnostics().stream())
        .filter(d -> d.code() == Code.UNFIXED).count();
  }

  /**
   * {@code 3 files: 1 fixed (4 findings), 1 unchanged, 1 skipped, 0 failed}, then the findings left, if any:
   * {@code ; 1 finding left as it is}.
   */
  public static String summary(Run run) {
    int unfixed = unfixed(run);
    return Columns.count(run.files().size(), "file", "files") + ": " + run.count(Verdict.CHANGED) + " fixed ("
        + Columns.count(fixed(run), "finding", "findings") + "), " + run.count(Verdict.UNCHANGED) + " unchanged, "
        + run.count(Verdict.SKIPPED) + " skipped, " + run.count(Verdict.FAILED) + " failed"
        + (unfixed == 0 ? "" : "; " + Columns.count(unfixed, "finding left as it is", "findings left as they are"));
  }
}
