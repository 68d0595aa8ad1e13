package io.promshift.report;

import io.promshift.rules.Finding;
import io.promshift.rules.Severity;
import io.promshift.text.Position;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

final class ReportFixtures {
  private ReportFixtures() {}

  static final List<Finding> FINDINGS = List.of(
      new Finding("samples/invalid/empty-region.yaml", new Position(0, 13, 20), Severity.ERROR,
          "sigv4-region-missing", "/datasources/0/jsonData/sigV4Region",
          "sigV4Auth is true but sigV4Region is empty: signing fails", "add sigV4Region: ap-south-1"),
      new Finding("dir with space/ü.yaml", new Position(0, 4, 7), Severity.WARNING, "uid-invalid",
          "/datasources/1/uid", "uid \"a b\" holds characters other than a-z A-Z 0-9 - _:\nGrafana logs a warning",
          "use at most 40 of a-z A-Z 0-9 - _, e.g. a-b"),
      new Finding("dir with space/ü.yaml", new Position(0, 9, 11), Severity.INFO, "migration-pending",
          "/datasources/2/type", "Grafana migrates it", "run promshift migrate"));

  static String render(FindingsReport report, List<Finding> findings, int files) {
    StringBuilder out = new StringBuilder();
    try {
      report.write(findings, files, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
