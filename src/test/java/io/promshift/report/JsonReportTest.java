package io.promshift.report;

import static io.promshift.report.ReportFixtures.FINDINGS;
import static io.promshift.report.ReportFixtures.render;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReportTest {
  @Test
  void oneObjectPerFinding() {
    assertThat(render(FindingsReport.json(), FINDINGS.subList(0, 2), 2)).isEqualTo("""
        {
          "findings": [
            {
              "file": "samples/invalid/empty-region.yaml",
              "line": 13,
              "column": 20,
              "severity": "error",
              "rule": "sigv4-region-missing",
              "pointer": "/datasources/0/jsonData/sigV4Region",
              "message": "sigV4Auth is true but sigV4Region is empty: signing fails",
              "fix": "add sigV4Region: ap-south-1",
              "fixable": false
            },
            {
              "file": "dir with space/ü.yaml",
              "line": 4,
              "column": 7,
              "severity": "warning",
              "rule": "uid-invalid",
              "pointer": "/datasources/1/uid",
              "message": "uid \\"a b\\" holds characters other than a-z A-Z 0-9 - _:\\nGrafana logs a warning",
              "fix": "use at most 40 of a-z A-Z 0-9 - _, e.g. a-b",
              "fixable": false
            }
          ],
          "summary": {
            "files": 2,
            "findings": 2,
            "severities": {
              "error": 1,
              "warning": 1,
              "info": 0
            }
          }
        }
        """);
  }

  @Test
  void aFindingInsideAnEmbeddedUnitHasItsPathAndAPlainFilesFindingNone() {
    assertThat(render(FindingsReport.json(), List.of(ReportFixtures.IN_UNIT), 1)).isEqualTo("""
        {
          "findings": [
            {
              "file": "values.yaml",
              "line": 9,
              "column": 20,
              "severity": "warning",
              "rule": "sigv4-auth-not-boolean",
              "pointer": "/datasources/0/jsonData/sigV4Auth",
              "message": "sigV4Auth is the string \\"true\\"",
              "fix": "write sigV4Auth: true (unquoted)",
              "fixable": false,
              "path": "grafana.additionalDataSources[0].jsonData.sigV4Auth"
            }
          ],
          "summary": {
            "files": 1,
            "findings": 1,
            "severities": {
              "error": 0,
              "warning": 1,
              "info": 0
            }
          }
        }
        """);
    assertThat(render(FindingsReport.json(), FINDINGS, 2)).doesNotContain("\"path\"");
  }

  @Test
  void nothingFound() {
    assertThat(render(FindingsReport.json(), List.of(), 0)).isEqualTo("""
        {
          "findings": [],
          "summary": {
            "files": 0,
            "findings": 0,
            "severities": {
              "error": 0,
              "warning": 0,
              "info": 0
            }
          }
        }
        """);
  }
}
