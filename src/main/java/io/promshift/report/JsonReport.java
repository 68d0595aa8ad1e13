package io.promshift.report;

import io.promshift.model.Secrets;
import io.promshift.rules.Diagnostic;
import io.promshift.rules.Severity;
import io.promshift.rules.Suppressed;
import java.io.IOException;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A JSON object: {@code findings}, an array with one object per finding, and {@code summary}, the counts a script
 * would otherwise compute — {@code files} (validated, read or not), {@code findings}, {@code severities} (each
 * severity's count, zeros included) and, for a whole run, {@code states} (how many files were {@code validated},
 * {@code skipped} as provisioning no data source, {@code unreadable}):
 *
 * <pre>
 * {"findings": [{"file": "a.yaml", "line": 13, ...}],
 *  "summary": {"files": 1, "findings": 1, "severities": {"error": 1, "warning": 0, "info": 0},
 *              "states": {"validated": 1, "skipped": 0, "unreadable": 0}}}
 * </pre>
 *
 * <p>A validation run's report also lists, in {@code suppressed}, the findings the files' own comments suppressed
 * ({@code # promshift-disable-line RULE}): each a finding's object with a {@code suppression} object saying where
 * the comment is ({@code line}, {@code column}) and its reason ({@code justification}, {@code ""} for none). Its
 * summary counts them ({@code suppressed}) and the findings {@code --show} left out ({@code notShown}); the other
 * counts are of the findings listed.
 *
 * <p>Until 0.1 the report was the bare array: {@code jq '.findings[]'} reads what {@code jq '.[]'} read.
 *
 * <p>Each finding: {@code file}, {@code line}, {@code column}, {@code severity},
 * {@code rule}, {@code pointer} (JSON pointer into the document as Grafana reads it), {@code message} and
 * {@code fix}; for a finding inside an embedded unit (Helm values, an operator resource, ...) also {@code path}, the
 * YAML path of the value in the file.
 */
final class JsonReport implements FindingsReport {
  @Override
  public void write(List<Diagnostic> findings, int files, Appendable out) throws IOException {
    Json.write(document(findings, files), out);
  }

  @Override
  public void write(ValidationRun run, Show show, Appendable out) throws IOException {
    ObjectNode document = document(run.shown(show.least()), run.checked());
    ArrayNode suppressed = Json.NODES.arrayNode();
    for (Suppressed s : run.suppressed()) {
      ObjectNode object = suppressed.addObject();
      put(object, s.finding());
      ObjectNode suppression = object.putObject("suppression");
      suppression.put("line", s.directive().line());
      suppression.put("column", s.directive().column());
      suppression.put("justification", Secrets.maskCredentials(s.justification()));
    }
    // beside findings, before the summary: a script reading findings alone sees what it saw before
    ObjectNode summary = (ObjectNode) document.remove("summary");
    document.set("suppressed", suppressed);
    document.set("summary", summary);
    summary.put("suppressed", run.suppressed().size());
    summary.put("notShown", run.notShown(show.least()).size());
    ObjectNode states = summary.putObject("states");
    int unreadable = run.run().count(Verdict.FAILED);
    int unreadableFiles = (int) run.run().files().stream().filter(FileOutcome::failed).count();
    states.put("validated", run.checked() - unreadableFiles);
    states.put("skipped", run.run().count(Verdict.SKIPPED));
    states.put("unreadable", unreadable); // folders that could not be listed included
    Json.write(document, out);
  }

  private static ObjectNode document(List<Diagnostic> findings, int files) {
    ObjectNode document = Json.NODES.objectNode();
    ArrayNode array = document.putArray("findings");
    for (Diagnostic f : findings) {
      put(array.addObject(), f);
    }
    ObjectNode summary = document.putObject("summary");
    summary.put("files", files);
    summary.put("findings", findings.size());
    ObjectNode severities = summary.putObject("severities");
    int[] counts = TextReport.counts(findings);
    for (Severity severity : Severity.values()) {
      severities.put(severity.label(), counts[severity.ordinal()]);
    }
    return document;
  }

  /** One diagnostic as an object of the report's shape. */
  static void put(ObjectNode object, Diagnostic f) {
    object.put("file", f.file());
    object.put("line", f.line());
    object.put("column", f.column());
    object.put("severity", f.severity().label());
    object.put("rule", f.rule());
    object.put("pointer", f.pointer());
    object.put("message", Secrets.maskCredentials(f.message()));
    object.put("fix", f.fix());
    object.put("fixable", f.fixable());
    if (f.hasPath()) {
      object.put("path", f.path()); // absent for a plain provisioning file: its output stays as it was
    }
  }
}
