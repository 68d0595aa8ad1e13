package io.promshift.rules;

import io.promshift.text.Position;
import java.util.List;

/** Where the rules of one file put their findings. */
final class Emitter {
  private final String file;
  private final List<Diagnostic> out;

  Emitter(String file, List<Diagnostic> out) {
    this.file = file;
    this.out = out;
  }

  void report(Code rule, String pointer, Position at, String message, String fix) {
    report(rule, rule.severity(), pointer, at, message, fix);
  }

  /** A finding whose severity differs from the rule's default (SARIF: a result's own level). */
  void report(Code rule, Severity severity, String pointer, Position at, String message, String fix) {
    out.add(new Diagnostic(file, at, severity, rule, pointer, message, fix));
  }
}
