package io.promshift.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.promshift.text.Position;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A rule policy: off, another severity, or the default; unknown ids and read refusals are refused. */
class RulePolicyTest {
  private static Diagnostic finding(Code code) {
    return new Diagnostic("f.yaml", Position.START, code.severity(), code, "/datasources/0", "the rule's words", "");
  }

  @Test
  void offDropsTheRulesFindingsAndOthersStay() {
    RulePolicy policy = RulePolicy.of(Map.of("sigv4-region-missing", "off"));
    assertThat(policy.apply(List.of(finding(Code.SIGV4_REGION_MISSING), finding(Code.LITERAL_AWS_KEY))))
        .extracting(Diagnostic::code).containsExactly(Code.LITERAL_AWS_KEY);
  }

  @Test
  void aSeverityReplacesTheDefaultAndKeepsTheMessage() {
    Diagnostic raised = RulePolicy.of(Map.of("literal-aws-key", "error")).apply(finding(Code.LITERAL_AWS_KEY)).orElseThrow();
    assertThat(raised.severity()).isEqualTo(Severity.ERROR);
    assertThat(raised.message()).isEqualTo("the rule's words");
  }

  @Test
  void enableBringsARuleBackToItsDefault() {
    RulePolicy policy = RulePolicy.of(Map.of("literal-aws-key", "off")).enable("literal-aws-key");
    assertThat(policy.apply(finding(Code.LITERAL_AWS_KEY))).contains(finding(Code.LITERAL_AWS_KEY));
    assertThat(policy.isDefault()).isTrue();
  }

  @Test
  void aLaterPolicyOverridesAnEarlierOne() {
    Map<String, String> file = new LinkedHashMap<>();
    file.put("literal-aws-key", "off");
    file.put("yaml11-bool", "info");
    RulePolicy policy = RulePolicy.of(file).overriddenBy(RulePolicy.of(Map.of("literal-aws-key", "error")));
    assertThat(policy.asWords()).containsExactly(Map.entry("yaml11-bool", "info"), Map.entry("literal-aws-key", "error"));
  }

  @Test
  void anUnknownRuleIsNamedWithTheRuleItMayHaveMeant() {
    assertThatThrownBy(() -> RulePolicy.of(Map.of("sigv4-region-mising", "off")))
        .hasMessage("unknown rule 'sigv4-region-mising'; did you mean sigv4-region-missing?");
    assertThatThrownBy(() -> RulePolicy.of(Map.of("E501", "off")))
        .hasMessageStartingWith("unknown rule 'E501'; the rules are yaml-syntax, duplicate-key, template,");
  }

  @Test
  void anUnknownLevelNamesTheValidOnes() {
    assertThatThrownBy(() -> RulePolicy.of(Map.of("literal-aws-key", "fatal")))
        .hasMessage("literal-aws-key: unknown level 'fatal'; use off, error, warning or info");
  }

  @Test
  void aReadRefusalCannotBeTurnedOffOrLowered() {
    assertThatThrownBy(() -> RulePolicy.of(Map.of("yaml-syntax", "off")))
        .hasMessage("yaml-syntax cannot be turned off: Grafana cannot read the file, so it stays an error");
    assertThatThrownBy(() -> RulePolicy.of(Map.of("template", "warning")))
        .hasMessage("template cannot be lowered to warning: Grafana cannot read the file, so it stays an error");
    assertThat(RulePolicy.of(Map.of("unreadable", "error")).level(Code.UNREADABLE)).isEqualTo(RulePolicy.Level.ERROR);
  }

  @Test
  void idsAndLevelsAreReadInAnyCase() {
    assertThat(RulePolicy.of(Map.of("Literal-AWS-Key", "OFF")).level(Code.LITERAL_AWS_KEY))
        .isEqualTo(RulePolicy.Level.OFF);
  }
}
