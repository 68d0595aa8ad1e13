package io.promshift.migrate;

import io.promshift.rules.Code;
import io.promshift.rules.RulePolicy;
import java.util.Objects;
import java.util.Set;

/**
 * What {@code promshift fix} resolves: the findings a validation with the same policy reports (suppression comments
 * and rule levels apply: a finding nobody sees is not changed behind the user's back), limited to some rules.
 *
 * @param rules the rules whose findings are fixed; empty: every fixable rule
 * @param policy the rule levels of the project (a rule set to off is not fixed)
 * @param rewriteBase64 whether a provisioning file held base64-encoded is decoded, fixed and encoded again
 */
public record FixOptions(Set<Code> rules, RulePolicy policy, boolean rewriteBase64) {
  public static final FixOptions DEFAULTS = new FixOptions(Set.of(), RulePolicy.DEFAULTS, false);

  public FixOptions {
    rules = Set.copyOf(rules);
    Objects.requireNonNull(policy, "policy");
  }

  /** Whether a finding of {@code rule} is one this run fixes. */
  public boolean includes(Code rule) {
    return rules.isEmpty() || rules.contains(rule);
  }

  public FixOptions withRules(Set<Code> only) {
    return new FixOptions(only, policy, rewriteBase64);
  }
}
