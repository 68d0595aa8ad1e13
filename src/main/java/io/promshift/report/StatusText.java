package io.promshift.report;

import io.promshift.embed.Delivery;
import io.promshift.model.MigrationState;
import io.promshift.model.PromTypeMigration;
import io.promshift.model.Secrets;
import io.promshift.text.Printable;
import java.util.Map;

/**
 * {@code status} as text: each file's data sources as a table (line, name, type, state), then the totals. A data
 * source embedded in another file (Helm values, an operator resource, ...) is placed by line:column, and a second
 * line says where it is in the file, in what shape, and how it reaches Grafana, which decides how soon a stale type
 * comes back.
 *
 * <pre>
 * samples/provisioning/datasources/10-amp.yaml
 *   7  AMP Frankfurt  prometheus  pending: Grafana moves it to grafana-amazonprometheus-datasource (...)
 *
 * values.yaml
 *   4:7  AMP  prometheus  pending: Grafana moves it to grafana-amazonprometheus-datasource (...)
 *        grafana.additionalDataSources[0]: kube-prometheus-stack additionalDataSources; delivery F2: file and sidecar reload
 *
 * 2 files, 2 data sources: 2 pending (2 to Amazon, 0 to Azure), 0 will not migrate, 0 migrated, 0 nothing to do; 0 skipped, 0 unreadable
 * </pre>
 */
public final class StatusText {
  private StatusText() {}

  /** One file's table, a blank line after it; {@code verbose} says why nothing is to do. */
  public static String file(FileOutcome outcome, Style style, boolean verbose) {
    StringBuilder out = new StringBuilder();
    out.append(style.bold(Printable.escape(outcome.file().toString()))).append('\n');
    if (outcome.sources().isEmpty()) {
      return out.append("  (no data sources)\n\n").toString();
    }
    int lineWidth = 0;
    int nameWidth = 0;
    int typeWidth = 0;
    for (SourceStatus row : outcome.sources()) {
      lineWidth = Math.max(lineWidth, where(row).length());
      nameWidth = Math.max(nameWidth, Columns.width(name(row)));
      typeWidth = Math.max(typeWidth, Columns.width(Printable.escape(row.type())));
    }
    for (SourceStatus row : outcome.sources()) {
      out.append("  ").append(Columns.padLeft(where(row), lineWidth)).append("  ")
          .append(Columns.padRight(name(row), nameWidth)).append("  ")
          .append(Columns.padRight(Printable.escape(row.type()), typeWidth)).append("  ")
          .append(state(row.state(), style, verbose)).append('\n');
      if (row.embedded()) {
        out.append(" ".repeat(2 + lineWidth + 2)).append(unit(row)).append('\n');
      }
    }
    return out.append('\n').toString();
  }

  /** The totals line. */
  public static String totals(Run run) {
    Map<MigrationState.State, Integer> states = run.states();
    int pending = states.getOrDefault(MigrationState.State.PENDING, 0);
    // only kube-prometheus-stack's default has a fixed type: a run without one reads as it always did
    int fixedType = states.getOrDefault(MigrationState.State.FIXED_TYPE, 0);
    int toAzure = 0;
    for (FileOutcome file : run.files()) {
      for (SourceStatus source : file.sources()) {
        if (source.state().state() == MigrationState.State.PENDING
            && source.state().targetType().filter(PromTypeMigration.AZURE::equals).isPresent()) {
          toAzure++;
        }
      }
    }
    return Columns.count(run.files().size(), "file", "files") + ", "
        + Columns.count(run.sources(), "data source", "data sources") + ": "
        + pending + " pending" + (pending == 0 ? "" : " (" + (pending - toAzure) + " to Amazon, " + toAzure + " to Azure)")
        + ", " + states.getOrDefault(MigrationState.State.WILL_NOT_MIGRATE, 0) + " will not migrate, "
        + states.getOrDefault(MigrationState.State.MIGRATED, 0) + " migrated, "
        + (fixedType == 0 ? "" : fixedType + " fixed type, ")
        + states.getOrDefault(MigrationState.State.NOTHING_TO_DO, 0) + " nothing to do; "
        + run.count(Verdict.SKIPPED) + " skipped, " + run.count(Verdict.FAILED) + " unreadable";
  }

  /** Where a row starts: its line in a plain file; line:column in another file, where items may share a line. */
  private static String where(SourceStatus row) {
    return row.embedded() ? row.line() + ":" + row.column() : String.valueOf(row.line());
  }

  /**
   * The second line of an embedded data source: its YAML path in the file, its shape, and how it reaches Grafana.
   */
  private static String unit(SourceStatus row) {
    return Printable.escape(row.path()) + ": " + row.shape().label() + "; " + delivery(row.delivery());
  }

  /** {@code delivery F2: file and sidecar reload}, or {@code delivery unknown} for a unit the user declared. */
  private static String delivery(Delivery delivery) {
    return delivery == Delivery.UNKNOWN ? "delivery unknown"
        : "delivery " + delivery.id() + ": " + delivery.description();
  }

  /** A name as a report shows it: printable, credentials in it masked (a name is text a person wrote). */
  private static String name(SourceStatus row) {
    return Printable.escape(Secrets.maskCredentials(row.name()));
  }

  private static String state(MigrationState state, Style style, boolean verbose) {
    switch (state.state()) {
      case MIGRATED:
        return style.green("migrated") + " (" + Printable.escape(state.reason()) + ")";
      case PENDING:
        return style.yellow("pending") + ": Grafana moves it to " + state.targetType().orElseThrow()
            + " (" + Printable.escape(state.reason()) + ")";
      case WILL_NOT_MIGRATE:
        return style.red("will not migrate") + ": " + Printable.escape(state.reason());
      case FIXED_TYPE:
        return style.red("fixed type") + ": " + Printable.escape(state.reason());
      default:
        return verbose ? style.dim("nothing to do") + " (" + Printable.escape(state.reason()) + ")"
            : style.dim("nothing to do");
    }
  }
}
