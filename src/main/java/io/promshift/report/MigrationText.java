package io.promshift.report;

import io.promshift.migrate.Change;
import io.promshift.migrate.Fix;
import io.promshift.model.Secrets;
import io.promshift.text.Printable;

/**
 * {@code migrate} and {@code fix} as text: the run's summary, a file's one-line account, its changes or fixes, and a
 * coloured diff.
 */
public final class MigrationText {
  private MigrationText() {}

  /**
   * The warning a run that wrote an applicable patch prints: the patch holds the secrets that the terminal's diff
   * masks, and a patch file is the kind of file that gets committed or attached by mistake.
   */
  public static String patchWarning(java.nio.file.Path patch) {
    return Printable.escape(patch.toString()) + ": warning: this patch holds the files' secrets in clear (mode"
        + " 0600); do not commit or share it";
  }

  /**
   * {@code 3 files: 1 would change (2 data sources to plugin types), 2 unchanged, 0 skipped, 0 failed}.
   *
   * @param verb what happened to changed files: "would change", "rewritten", "changed"
   * @param where words after the file count (" written to out/"), or ""
   * @param target the target in words
   */
  public static String summary(Run run, String verb, String where, String target) {
    return Columns.count(run.files().size(), "file", "files") + where + ": " + run.count(Verdict.CHANGED) + " "
        + verb + " (" + Columns.count(run.changedSources(), "data source", "data sources") + " to " + target + "), "
        + run.count(Verdict.UNCHANGED) + " unchanged, " + run.count(Verdict.SKIPPED) + " skipped, "
        + run.count(Verdict.FAILED) + " failed";
  }

  /**
   * {@code fix}: {@code 2 files would change: 7 fixes (1 file unchanged)}; skipped and failed files are counted in
   * the parentheses when there are any.
   *
   * @param verb what happened to changed files: "would change", "rewritten", "changed"
   * @param where where every file was written (" written to out/": {@code ...; 3 files written to out/}), or ""
   */
  public static String fixSummary(Run run, String verb, String where) {
    java.util.List<String> others = new java.util.ArrayList<>();
    if (run.count(Verdict.UNCHANGED) > 0) {
      others.add(Columns.count(run.count(Verdict.UNCHANGED), "file", "files") + " unchanged");
    }
    if (run.count(Verdict.SKIPPED) > 0) {
      others.add(run.count(Verdict.SKIPPED) + " skipped");
    }
    if (run.count(Verdict.FAILED) > 0) {
      others.add(run.count(Verdict.FAILED) + " failed");
    }
    return Columns.count(run.count(Verdict.CHANGED), "file", "files") + " " + verb + ": "
        + Columns.count(run.fixes(), "fix", "fixes") + (others.isEmpty() ? "" : " (" + String.join(", ", others) + ")")
        + (where.isEmpty() ? "" : "; " + Columns.count(run.files().size(), "file", "files") + where);
  }

  /** {@code fix}: a file's one-line account, {@code path: would change (3 fixes)}, as {@link #detail} words it. */
  public static String fixDetail(FileOutcome outcome, String verb) {
    return account(outcome, verb, Columns.count(outcome.fixes().size(), "fix", "fixes"));
  }

  /**
   * {@code fix}: one line per fix, in compiler style, each after a line break: {@code path:9:16: fixed [sigv4-auth-yes]
   * sigV4Auth: yes → true}; inside an embedded unit also where the value is in the file ({@code at grafana.x[0]...}).
   * A URL's credentials are masked, as in every message.
   */
  public static String fixes(FileOutcome outcome) {
    StringBuilder out = new StringBuilder();
    String name = Printable.escape(outcome.file().toString());
    for (Fix fix : outcome.fixes()) {
      out.append('\n').append(name).append(':').append(fix.position()).append(": fixed [").append(fix.rule().id())
          .append("] ").append(Printable.message(Secrets.maskCredentials(fix.change())))
          .append(fix.path().isEmpty() ? "" : " at " + Printable.escape(fix.path()));
    }
    return out.toString();
  }

  /** A file's one-line account: {@code path: would change (1 data source)}, {@code path: unchanged -> out/path}. */
  public static String detail(FileOutcome outcome, String verb) {
    return account(outcome, verb, Columns.count(outcome.changes().size(), "data source", "data sources"));
  }

  /** A file's one-line account, {@code counted} saying how much a changed file changes. */
  private static String account(FileOutcome outcome, String verb, String counted) {
    String what = switch (outcome.verdict()) {
      case CHANGED -> verb + " (" + counted + ")";
      case UNCHANGED -> "unchanged";
      case SKIPPED -> "skipped";
      case FAILED -> outcome.writtenTo() != null ? "failed (copied as it is)" : "failed";
    };
    boolean copied = outcome.writtenTo() != null && !outcome.writtenTo().equals(outcome.file());
    return Printable.escape(outcome.file().toString()) + ": " + what
        + (copied ? " -> " + Printable.escape(outcome.writtenTo().toString()) : "");
  }

  /**
   * One line per change, indented: {@code   17:5 "AMP": prometheus -> grafana-amazonprometheus-datasource (marker
   * added)}; a data source inside an embedded unit also says where it is in the file: {@code   4:7 "AMP" at
   * grafana.additionalDataSources[0]: prometheus -> ...}.
   */
  public static String changes(FileOutcome outcome) {
    StringBuilder out = new StringBuilder();
    for (Change change : outcome.changes()) {
      out.append("\n  ").append(change.position()).append(' ').append(Printable.escape(Secrets.maskCredentials(change.dataSource())))
          .append(change.path().isEmpty() ? "" : " at " + Printable.escape(change.path()))
          .append(": ").append(change.fromType()).append(" -> ").append(change.toType())
          .append(marker(change.marker()));
    }
    return out.toString();
  }

  private static String marker(Change.MarkerAction action) {
    return switch (action) {
      case ADDED -> " (marker added)";
      case SET_TRUE -> " (marker set to true)";
      case REMOVED -> " (marker removed)";
      case SET_FALSE -> " (marker set to false)";
      default -> "";
    };
  }

  /** The diff with its {@code --- a/} and {@code +++ b/} headers naming the file {@code name} (e.g. relative). */
  public static String relabelled(String diff, String name) {
    StringBuilder out = new StringBuilder(diff.length());
    String[] lines = diff.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (i > 0) {
        out.append('\n');
      }
      if (i == 0 && line.startsWith("--- a/")) {
        out.append("--- a/").append(name);
      } else if (i == 1 && line.startsWith("+++ b/")) {
        out.append("+++ b/").append(name);
      } else {
        out.append(line);
      }
    }
    return out.toString();
  }

  /**
   * A unified diff for a terminal: the file names in its headers printable (a name may hold any character), and,
   * when the style is on, headers bold, hunks cyan, removals red and additions green.
   */
  public static String diff(String diff, Style style) {
    StringBuilder out = new StringBuilder(diff.length() + 256);
    for (String line : diff.split("\n", -1)) {
      if (out.length() > 0) {
        out.append('\n');
      }
      if (line.startsWith("---") || line.startsWith("+++")) {
        out.append(style.bold(Printable.escape(line)));
      } else if (line.startsWith("@@")) {
        out.append(style.cyan(line));
      } else if (line.startsWith("-")) {
        out.append(style.red(line));
      } else if (line.startsWith("+")) {
        out.append(style.green(line));
      } else {
        out.append(line);
      }
    }
    return out.toString();
  }
}
