package io.promshift.report;

import static io.promshift.report.ReportFixtures.FINDINGS;
import static io.promshift.report.ReportFixtures.render;
import static org.assertj.core.api.Assertions.assertThat;

import io.promshift.rules.Code;
import io.promshift.rules.Diagnostic;
import io.promshift.rules.Severity;
import io.promshift.text.Position;
import java.util.List;
import org.junit.jupiter.api.Test;

class GithubReportTest {
  @Test
  void oneWorkflowCommandPerFindingErrorWarningAndNoticeWithTheFixOnASecondLine() {
    assertThat(render(FindingsReport.of(FindingsReport.Format.parse("GitHub")), FINDINGS, 2)).isEqualTo("""
        ::error file=samples/invalid/empty-region.yaml,line=13,col=20,title=sigv4-region-missing::sigV4Auth is true \
        but sigV4Region is empty: signing fails%0Afix: add sigV4Region: ap-south-1
        ::warning file=dir with space/ü.yaml,line=4,col=7,title=uid-invalid::uid "a b" holds characters other than \
        a-z A-Z 0-9 - _: Grafana logs a warning%0Afix: use at most 40 of a-z A-Z 0-9 - _, e.g. a-b
        ::notice file=dir with space/ü.yaml,line=9,col=11,title=migration-pending::Grafana migrates it%0Afix: run \
        promshift migrate
        """);
  }

  @Test
  void percentCrAndLfAreEscapedEverywhereAndColonAndCommaInPropertiesToo() {
    Diagnostic odd = new Diagnostic("a,b:c%d\r\ne.yaml", new Position(0, 1, 1), Severity.ERROR, Code.UID_INVALID,
        "/datasources/0/uid", "100% of it: a, b", "fix it");
    assertThat(render(FindingsReport.of(FindingsReport.Format.GITHUB), List.of(odd), 1)).isEqualTo(
        "::error file=a%2Cb%3Ac%25d%0D%0Ae.yaml,line=1,col=1,title=uid-invalid::100%25 of it: a, b%0Afix: fix it\n");
    assertThat(GithubReport.data("a%\r\nb:,")).isEqualTo("a%25%0D%0Ab:,");
    assertThat(GithubReport.property("a%\r\nb:,")).isEqualTo("a%25%0D%0Ab%3A%2C");
  }

  @Test
  void aFindingInsideAnEmbeddedUnitNamesItsPathBeforeTheMessage() {
    assertThat(render(FindingsReport.of(FindingsReport.Format.GITHUB), List.of(ReportFixtures.IN_UNIT), 1))
        .startsWith("::warning file=values.yaml,line=9,col=20,title=sigv4-auth-not-boolean::"
            + "grafana.additionalDataSources[0].jsonData.sigV4Auth: sigV4Auth is the string \"true\"%0Afix: ");
  }
}
