package io.promshift.report;

import io.promshift.model.Secrets;
import io.promshift.rules.Diagnostic;
import java.io.IOException;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A JSON array with one object per finding: {@code file}, {@code line}, {@code column}, {@code severity},
 * {@code rule}, {@code pointer} (JSON pointer into the document as Grafana reads it), {@code message} and
 * {@code fix}; for a finding inside an embedded unit (Helm values, an operator resource, ...) also {@code path}, the
 * YAML path of the value in the file.
 */
final class JsonReport implements FindingsReport {
  @Override
  public void write(List<Diagnostic> findings, int files, Appendable out) throws IOException {
    ArrayNode array = Json.NODES.arrayNode(findings.size());
    for (Diagnostic f : findings) {
      put(array.addObject(), f);
    }
    out.append(Json.write(array));
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
    if (f.hasPath()) {
      object.put("path", f.path()); // absent for a plain provisioning file: its output stays as it was
    }
  }
}
