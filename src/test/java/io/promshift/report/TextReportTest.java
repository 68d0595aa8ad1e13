package io.promshift.report;

import static io.promshift.report.ReportFixtures.FINDINGS;
import static io.promshift.report.ReportFixtures.render;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextReportTest {
  @Test
  void compilerStyleWithFixHintsAndASummary() {
    assertThat(render(FindingsReport.text(), FINDINGS, 2)).isEqualTo("""
        samples/invalid/empty-region.yaml:13:20: error [sigv4-region-missing] sigV4Auth is true but sigV4Region is empty: signing fails
          fix: add sigV4Region: ap-south-1
        dir with space/ü.yaml:4:7: warning [uid-invalid] uid "a b" holds characters other than a-z A-Z 0-9 - _: Grafana logs a warning
          fix: use at most 40 of a-z A-Z 0-9 - _, e.g. a-b
        dir with space/ü.yaml:9:11: info [migration-pending] Grafana migrates it
          fix: run promshift migrate
        1 errors, 1 warnings, 1 infos in 2 files
        """);
  }

  @Test
  void nothingFound() {
    assertThat(render(FindingsReport.of(FindingsReport.Format.parse("TEXT")), List.of(), 3))
        .isEqualTo("0 errors, 0 warnings, 0 infos in 3 files\n");
  }
}
