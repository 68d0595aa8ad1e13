package io.promshift.rules;

import io.promshift.text.Position;
import java.util.List;

/** Where the rules of one file put their findings, and the words their fixes use for what the user runs or sets. */
final class Emitter {
  private final String file;
  private final List<Diagnostic> out;
  private final ValidationOptions options;

  Emitter(String file, List<Diagnostic> out, ValidationOptions options) {
    this.file = file;
    this.out = out;
    this.options = options;
  }

  /** The run's options: a fix names the command and the option of the front end it is read in. */
  ValidationOptions options() {
    return options;
  }

  void report(Code rule, String pointer, Position at, String message, String fix) {
    report(rule, rule.severity(), pointer, at, message, fix);
  }

  /** A finding {@code promshift fix} resolves with {@code repairs} (none: a person decides). */
  void report(Code rule, String pointer, Position at, String message, String fix, List<Repair> repairs) {
    out.add(new Diagnostic(file, at, rule.severity(), rule, pointer, message, fix, "", repairs));
  }

  /**
   * A finding about a place in the outer file that no pointer of the unit names (the unit as a whole, a key around
   * it): {@code path} is that place's YAML path.
   */
  void report(Code rule, String pointer, String path, Position at, String message, String fix) {
    out.add(new Diagnostic(file, at, rule.severity(), rule, pointer, message, fix, path));
  }

  /** A finding whose severity differs from the rule's default (SARIF: a result's own level). */
  void report(Code rule, Severity severity, String pointer, Position at, String message, String fix) {
    out.add(new Diagnostic(file, at, severity, rule, pointer, message, fix));
  }
}
