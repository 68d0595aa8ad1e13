package io.promshift.report;

import io.promshift.migrate.Change;
import io.promshift.migrate.Fix;
import io.promshift.model.MigrationState;
import io.promshift.model.Secrets;
import io.promshift.rules.Diagnostic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@code status}, {@code migrate} or {@code fix} run as one document for scripts: JSON with every file (walk
 * problems first), its verdict, its diagnostics in the shape of the findings report, its data sources ({@code status}),
 * changes ({@code migrate}) or fixes ({@code fix}) and where it was written, then the totals; or SARIF with the
 * run's diagnostics.
 *
 * <pre>
 * {"target": "plugin types",
 *  "files": [{"file": "a.yaml", "verdict": "changed", "diagnostics": [], "changes": [...], "writtenTo": null}],
 *  "totals": {"files": 1, "changed": 1, "unchanged": 0, "skipped": 0, "failed": 0, "dataSources": 1}}
 * </pre>
 */
public final class RunReport {
  /** What status calls a file's verdict: a file it could read is "read". */
  private static final Map<Verdict, String> STATUS_VERDICTS = Map.of(Verdict.CHANGED, "read",
      Verdict.UNCHANGED, "read", Verdict.SKIPPED, "skipped", Verdict.FAILED, "unreadable");
  private static final Map<Verdict, String> MIGRATION_VERDICTS = Map.of(Verdict.CHANGED, "changed",
      Verdict.UNCHANGED, "unchanged", Verdict.SKIPPED, "skipped", Verdict.FAILED, "failed");

  private RunReport() {}

  /**
   * {@code status}: each file's data sources, each with its file, line, column, YAML path in the file ({@code ""} in
   * a plain provisioning file), shape (an id and its label), name, type, state, target type, reason and delivery (how
   * it reaches Grafana: the class id and its description); files that could not be read with their diagnostics.
   */
  public static String statusJson(Run run) {
    ObjectNode root = Json.NODES.objectNode();
    ArrayNode files = root.putArray("files");
    for (FileOutcome outcome : all(run)) {
      ObjectNode file = file(files, outcome, STATUS_VERDICTS);
      ArrayNode sources = file.putArray("dataSources");
      for (SourceStatus source : outcome.sources()) {
        ObjectNode item = sources.addObject();
        item.put("file", outcome.file().toString());
        item.put("line", source.line());
        item.put("column", source.column());
        item.put("path", source.path());
        item.put("shape", id(source.shape()));
        item.put("shapeLabel", source.shape().label());
        item.put("name", Secrets.maskCredentials(source.name()));
        item.put("type", source.type());
        item.put("state", source.state().state().label());
        item.put("targetType", source.state().targetType().orElse(null));
        item.put("reason", source.state().reason());
        ObjectNode delivery = item.putObject("delivery");
        delivery.put("id", source.delivery().id());
        delivery.put("description", source.delivery().description());
      }
    }
    ObjectNode totals = root.putObject("totals");
    totals.put("files", run.files().size());
    totals.put("read", run.count(Verdict.UNCHANGED));
    totals.put("skipped", run.count(Verdict.SKIPPED));
    totals.put("unreadable", run.count(Verdict.FAILED));
    totals.put("dataSources", run.sources());
    totals.put("migrated", run.states().getOrDefault(MigrationState.State.MIGRATED, 0));
    totals.put("pending", run.states().getOrDefault(MigrationState.State.PENDING, 0));
    totals.put("willNotMigrate", run.states().getOrDefault(MigrationState.State.WILL_NOT_MIGRATE, 0));
    totals.put("fixedType", run.states().getOrDefault(MigrationState.State.FIXED_TYPE, 0));
    totals.put("nothingToDo", run.states().getOrDefault(MigrationState.State.NOTHING_TO_DO, 0));
    return Json.write(root);
  }

  /** {@code migrate}: each file's changes (position, data source, old and new type, marker), and its diff if any. */
  public static String migrationJson(Run run, String target) {
    ObjectNode root = Json.NODES.objectNode();
    root.put("target", target);
    ArrayNode files = root.putArray("files");
    for (FileOutcome outcome : all(run)) {
      ObjectNode file = file(files, outcome, MIGRATION_VERDICTS);
      ArrayNode changes = file.putArray("changes");
      for (Change change : outcome.changes()) {
        ObjectNode item = changes.addObject();
        item.put("line", change.position().line());
        item.put("column", change.position().column());
        item.put("dataSource", Secrets.maskCredentials(change.dataSource()));
        item.put("from", change.fromType());
        item.put("to", change.toType());
        item.put("marker", id(change.marker()));
        if (!change.path().isEmpty()) {
          item.put("path", change.path()); // a data source inside an embedded unit: where it is in the file
        }
      }
      written(file, outcome);
    }
    rewriteTotals(root, run).put("dataSources", run.changedSources());
    return Json.write(root);
  }

  /**
   * {@code fix}: each file's fixes (rule, line, column, JSON pointer, YAML path inside an embedded unit, and the change
   * as written), where it was written and its diff if any; the totals count files by verdict and the fixes.
   *
   * <pre>
   * {"files": [{"file": "a.yaml", "verdict": "changed", "diagnostics": [], "fixes": [{"rule": "sigv4-auth-yes",
   *   "line": 9, "column": 16, "pointer": "/datasources/0/jsonData/sigV4Auth", "change": "sigV4Auth: yes → true"}],
   *   "writtenTo": null, "diff": "..."}],
   *  "totals": {"files": 1, "changed": 1, "unchanged": 0, "skipped": 0, "failed": 0, "fixes": 1}}
   * </pre>
   */
  public static String fixJson(Run run) {
    ObjectNode root = Json.NODES.objectNode();
    ArrayNode files = root.putArray("files");
    for (FileOutcome outcome : all(run)) {
      ObjectNode file = file(files, outcome, MIGRATION_VERDICTS);
      ArrayNode fixes = file.putArray("fixes");
      for (Fix fix : outcome.fixes()) {
        ObjectNode item = fixes.addObject();
        item.put("rule", fix.rule().id());
        item.put("line", fix.position().line());
        item.put("column", fix.position().column());
        item.put("pointer", fix.pointer());
        if (!fix.path().isEmpty()) {
          item.put("path", fix.path()); // inside an embedded unit: where the value is in the file
        }
        item.put("change", Secrets.maskCredentials(fix.change()));
      }
      written(file, outcome);
    }
    rewriteTotals(root, run).put("fixes", run.fixes());
    return Json.write(root);
  }

  /** A rewritten file's end (migrate, fix): where it was written, and its diff if any. */
  private static void written(ObjectNode file, FileOutcome outcome) {
    file.put("writtenTo", outcome.writtenTo() == null ? null : outcome.writtenTo().toString());
    if (!outcome.diff().isEmpty()) {
      file.put("diff", outcome.diff());
    }
  }

  /** A rewrite's totals (migrate, fix): the files, by verdict; the caller adds what it counts of its own. */
  private static ObjectNode rewriteTotals(ObjectNode root, Run run) {
    ObjectNode totals = root.putObject("totals");
    totals.put("files", run.files().size());
    for (Verdict verdict : Verdict.values()) {
      totals.put(MIGRATION_VERDICTS.get(verdict), run.count(verdict));
    }
    return totals;
  }

  /**
   * Every diagnostic of a run (walk problems, files that could not be read or migrated, notices) as SARIF 2.1.0,
   * for code-scanning tools: the findings report's format, with the migration's codes described as rules.
   */
  public static String sarif(Run run) {
    List<Diagnostic> diagnostics = all(run).stream().flatMap(f -> f.diagnostics().stream())
        .toList();
    StringBuilder out = new StringBuilder();
    try {
      FindingsReport.sarif().write(diagnostics, run.files().size(), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder does not throw
    }
    return out.toString();
  }

  /** A constant as JSON names it: {@code KPS_ADDITIONAL} is {@code kps-additional}. */
  static String id(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static List<FileOutcome> all(Run run) {
    List<FileOutcome> all = new java.util.ArrayList<>(run.problems());
    all.addAll(run.files());
    return all;
  }

  private static ObjectNode file(ArrayNode files, FileOutcome outcome, Map<Verdict, String> verdicts) {
    ObjectNode file = files.addObject();
    file.put("file", outcome.file().toString());
    file.put("verdict", verdicts.get(outcome.verdict()));
    ArrayNode diagnostics = file.putArray("diagnostics");
    for (Diagnostic d : outcome.diagnostics()) {
      JsonReport.put(diagnostics.addObject(), d);
    }
    return file;
  }
}
