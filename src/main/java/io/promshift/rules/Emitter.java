package io.promshift.rules;

import io.promshift.text.Position;
import java.util.List;

/** Where the rules of one file put their findings. */
final class Emitter {
  private final String file;
  private final List<Finding> out;

  Emitter(String file, List<Finding> out) {
    this.file = file;
    this.out = out;
  }

  void report(RuleCatalog.Rule rule, String pointer, Position at, String message, String fix) {
    report(rule, rule.severity(), pointer, at, message, fix);
  }

  /** A finding whose severity differs from the rule's default (SARIF: a result's own level). */
  void report(RuleCatalog.Rule rule, Severity severity, String pointer, Position at, String message, String fix) {
    out.add(new Finding(file, at, severity, rule.id(), pointer, message, fix));
  }
}
