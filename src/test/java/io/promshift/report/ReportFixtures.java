package io.promshift.report;

import io.promshift.rules.Code;
import io.promshift.rules.Diagnostic;
import io.promshift.rules.Severity;
import io.promshift.text.Position;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

final class ReportFixtures {
  private ReportFixtures() {}

  static final List<Diagnostic> FINDINGS = List.of(
      new Diagnostic("samples/invalid/empty-region.yaml", new Position(0, 13, 20), Severity.ERROR,
          Code.SIGV4_REGION_MISSING, "/datasources/0/jsonData/sigV4Region",
          "sigV4Auth is true but sigV4Region is empty: signing fails", "add sigV4Region: ap-south-1"),
      new Diagnostic("dir with space/ü.yaml", new Position(0, 4, 7), Severity.WARNING, Code.UID_INVALID,
          "/datasources/1/uid", "uid \"a b\" holds characters other than a-z A-Z 0-9 - _:\nGrafana logs a warning",
          "use at most 40 of a-z A-Z 0-9 - _, e.g. a-b"),
      new Diagnostic("dir with space/ü.yaml", new Position(0, 9, 11), Severity.INFO, Code.MIGRATION_PENDING,
          "/datasources/2/type", "Grafana migrates it", "run promshift migrate"));

  /** A finding inside an embedded unit: its value's YAML path in the outer file beside the pointer. */
  static final Diagnostic IN_UNIT = new Diagnostic("values.yaml", new Position(0, 9, 20), Severity.WARNING,
      Code.SIGV4_AUTH_NOT_BOOLEAN, "/datasources/0/jsonData/sigV4Auth", "sigV4Auth is the string \"true\"",
      "write sigV4Auth: true (unquoted)", "grafana.additionalDataSources[0].jsonData.sigV4Auth");

  static String render(FindingsReport report, List<Diagnostic> findings, int files) {
    StringBuilder out = new StringBuilder();
    try {
      report.write(findings, files, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
