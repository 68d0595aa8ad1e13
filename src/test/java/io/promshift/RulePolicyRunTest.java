package io.promshift;

import static org.assertj.core.api.Assertions.assertThat;

import io.promshift.report.ValidationRun;
import io.promshift.rules.Code;
import io.promshift.rules.Diagnostic;
import io.promshift.rules.Severity;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rule policy is applied once by the facade: the run's findings and its verdict follow it. */
class RulePolicyRunTest {
  private static final Path EMPTY_REGION = Path.of("samples/invalid/empty-region.yaml");
  private static final Path SYNTAX_ERROR = Path.of("samples/invalid/syntax-error.yaml");

  private static ValidationRun validate(PromshiftSettings.Builder settings, Path file) {
    return Promshift.create(settings.build()).validate(file);
  }

  @Test
  void aRuleTurnedOffIsNotReportedAndNoLongerFailsTheRun() {
    ValidationRun plain = validate(PromshiftSettings.builder(), EMPTY_REGION);
    ValidationRun off = validate(PromshiftSettings.builder().rule("sigv4-region-missing", "off"), EMPTY_REGION);
    assertThat(plain.failed()).isTrue();
    assertThat(off.findings()).extracting(Diagnostic::code).containsExactly(Code.MIGRATION_PENDING);
    assertThat(off.failed()).isFalse();
  }

  @Test
  void aChangedSeverityIsTheFindingsSeverityAndDecidesTheVerdict() {
    ValidationRun lowered = validate(PromshiftSettings.builder().rules(Map.of("sigv4-region-missing", "warning",
        "migration-pending", "error")), EMPTY_REGION);
    assertThat(lowered.findings()).extracting(Diagnostic::code, Diagnostic::severity).containsExactly(
        org.assertj.core.groups.Tuple.tuple(Code.MIGRATION_PENDING, Severity.ERROR),
        org.assertj.core.groups.Tuple.tuple(Code.SIGV4_REGION_MISSING, Severity.WARNING));
    assertThat(lowered.failed()).isTrue();
  }

  @Test
  void aReadRefusalStaysAnErrorWhateverElseIsOff() {
    ValidationRun run = validate(PromshiftSettings.builder().rule("migration-pending", "off"), SYNTAX_ERROR);
    assertThat(run.findings()).extracting(Diagnostic::code).containsExactly(Code.YAML_SYNTAX);
    assertThat(run.anyUnreadable()).isTrue();
  }

  @Test
  void theLevelsApplyAfterTheSuppressionCommentsToWhatTheySuppressedToo(@org.junit.jupiter.api.io.TempDir Path dir)
      throws java.io.IOException {
    Path file = dir.resolve("amp.yaml");
    java.nio.file.Files.writeString(file, """
        apiVersion: 1
        datasources:
          - name: AMP
            type: prometheus
            url: https://aps-workspaces.ap-south-1.amazonaws.com/workspaces/ws-1/
            jsonData:
              sigV4Auth: true
              sigV4Region: ""  # promshift-disable-line sigv4-region-missing
              httpMethod: POST  # promshift-disable-line literal-aws-key
        """);
    ValidationRun lowered = validate(PromshiftSettings.builder().rule("sigv4-region-missing", "warning"), file);
    assertThat(lowered.suppressed()).extracting(s -> s.finding().severity()).containsExactly(Severity.WARNING);
    assertThat(lowered.findings()).extracting(Diagnostic::rule).contains("suppression-unused");
    ValidationRun off = validate(PromshiftSettings.builder().rule("sigv4-region-missing", "off")
        .rule("suppression-unused", "off"), file);
    assertThat(off.suppressed()).isEmpty();
    assertThat(off.findings()).extracting(Diagnostic::code).containsExactly(Code.MIGRATION_PENDING);
  }
}
