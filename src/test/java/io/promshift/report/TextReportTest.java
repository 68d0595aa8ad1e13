package io.promshift.report;

import static io.promshift.report.ReportFixtures.FINDINGS;
import static io.promshift.report.ReportFixtures.render;
import static org.assertj.core.api.Assertions.assertThat;

import io.promshift.rules.Diagnostic;
import io.promshift.rules.Severity;
import io.promshift.rules.Suppressed;
import io.promshift.text.Position;
import java.io.IOException;
import java.io.UncheckedIOException;
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
        1 error, 1 warning, 1 info in 2 files
        """);
  }

  @Test
  void aFindingInsideAnEmbeddedUnitNamesItsPathBeforeTheMessage() {
    assertThat(render(FindingsReport.textFindingsOnly(), List.of(ReportFixtures.IN_UNIT), 1)).isEqualTo("""
        values.yaml:9:20: warning [sigv4-auth-not-boolean] grafana.additionalDataSources[0].jsonData.sigV4Auth: sigV4Auth is the string "true"
          fix: write sigV4Auth: true (unquoted)
        """);
    assertThat(Message.of(ReportFixtures.IN_UNIT).toString()).isEqualTo("values.yaml:9:20: warning:"
        + " grafana.additionalDataSources[0].jsonData.sigV4Auth: sigV4Auth is the string \"true\"");
    assertThat(Message.of(FINDINGS.get(0)).text()).as("a plain file's message has no path")
        .startsWith("sigV4Auth is true");
  }

  @Test
  void nothingFound() {
    assertThat(render(FindingsReport.of(FindingsReport.Format.parse("TEXT")), List.of(), 3))
        .isEqualTo("0 errors, 0 warnings, 0 infos in 3 files\n");
  }

  @Test
  void eachCountTakesTheNounInTheNumberItNeeds() {
    assertThat(TextReport.summary(new int[] {1, 1, 1}, 1)).isEqualTo("1 error, 1 warning, 1 info in 1 file");
    assertThat(TextReport.summary(new int[] {2, 0, 3}, 2)).isEqualTo("2 errors, 0 warnings, 3 infos in 2 files");
  }

  @Test
  void aRunsSummaryCountsTheSuppressedAndWhatShowLeftOut() {
    Run files = new Run(List.of(), List.of());
    Suppressed suppressed = new Suppressed(FINDINGS.get(0), new Position(0, 12, 7), "");
    ValidationRun run = new ValidationRun(files, FINDINGS.subList(1, 3), 2, Severity.ERROR,
        List.of(suppressed));
    assertThat(TextReport.summary(run, Show.INFO, "--show ", "promshift fix")).isEqualTo(
        "0 errors, 1 warning, 1 info in 2 files (1 suppressed)");
    assertThat(TextReport.summary(run, Show.WARNING, "--show ", "promshift fix")).isEqualTo(
        "0 errors, 1 warning, 1 info in 2 files (1 suppressed); 1 info finding not shown (--show info)");
    assertThat(TextReport.summary(run, Show.ERROR, "-Dpromshift.show=", "mvn promshift:fix")).isEqualTo(
        "0 errors, 1 warning, 1 info in 2 files (1 suppressed); 1 warning and 1 info findings not shown"
            + " (-Dpromshift.show=info)");
    Diagnostic fixable = new Diagnostic("p.yaml", new Position(0, 3, 18), Severity.WARNING,
        io.promshift.rules.Code.SIGV4_AUTH_NOT_BOOLEAN, "/datasources/0/jsonData/sigV4Auth", "sigV4Auth is yes",
        "write sigV4Auth: true", "", List.of(io.promshift.rules.Repair.scalar("/datasources/0/jsonData/sigV4Auth",
            "true")));
    assertThat(TextReport.summary(new ValidationRun(files, List.of(fixable), 1, Severity.ERROR, List.of()), Show.INFO,
        "--show ", "promshift fix")).as("the findings promshift fix resolves are counted")
        .isEqualTo("0 errors, 1 warning, 0 infos in 1 file; 1 fixable (promshift fix)");
    StringBuilder out = new StringBuilder();
    try {
      FindingsReport.text().write(run, Show.WARNING, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(out.toString()).as("the suppressed error and the info are not listed")
        .startsWith("dir with space/ü.yaml:4:7: warning [uid-invalid]").doesNotContain("[sigv4-region-missing]")
        .doesNotContain("[migration-pending]");
  }
}
