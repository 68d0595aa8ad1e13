package io.promshift.rules;

import io.promshift.text.Position;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One thing promshift has to say about a file, at the exact place it concerns: a validation finding, a
 * migration's notice or refusal, or what happened to the file on disk. The one diagnostic type of every layer
 * and every front end.
 *
 * @param file the file's name as it was read (a path, or the name given with its bytes)
 * @param position line and column (1-based, code points) of the value concerned; for a missing value, of
 *     the key of the mapping that should hold it; 1:1 for the whole file
 * @param severity how much it matters (usually {@code code.severity()}; a rule may say more or less)
 * @param code what kind of diagnostic it is, described once in {@link Code}
 * @param pointer JSON pointer into the document as Grafana reads it, e.g.
 *     {@code /datasources/0/jsonData/sigV4Region}; {@code ""} for the whole file or where none applies
 * @param message what is wrong and what Grafana will do about it; never a secret (at most
 *     {@link io.promshift.model.Secrets#redact})
 * @param fix one line saying how to fix it; {@code ""} when there is nothing to suggest
 * @param path for a diagnostic inside an embedded unit (Helm values, an operator resource, ...), the YAML path of
 *     the value in the outer file ({@code grafana.additionalDataSources[0].jsonData.sigV4Auth}), where
 *     {@code pointer} is the pointer into the provisioning document Grafana receives; {@code ""} for a plain
 *     provisioning file
 * @param repairs the changes that resolve the finding exactly, in the document {@code pointer} points into ({@code
 *     promshift fix} applies them); empty where the finding's fix is a person's decision
 */
public record Diagnostic(
    String file, Position position, Severity severity, Code code, String pointer, String message, String fix,
    String path, List<Repair> repairs) {

  public Diagnostic(
      String file, Position position, Severity severity, Code code, String pointer, String message, String fix,
      String path) {
    this(file, position, severity, code, pointer, message, fix, path, List.of());
  }

  public Diagnostic(
      String file, Position position, Severity severity, Code code, String pointer, String message, String fix) {
    this(file, position, severity, code, pointer, message, fix, "");
  }

  /** File order is the caller's; within a file: line, column, then code id. */
  public static final Comparator<Diagnostic> BY_POSITION = Comparator
      .comparingInt((Diagnostic d) -> d.position().line())
      .thenComparingInt(d -> d.position().column())
      .thenComparing(Diagnostic::rule)
      .thenComparing(Diagnostic::pointer);

  public Diagnostic {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(fix, "fix");
    Objects.requireNonNull(path, "path");
    repairs = List.copyOf(repairs);
    if (!repairs.isEmpty() && !code.fixable()) {
      throw new IllegalArgumentException(code.id() + " is not a fixable rule: its findings carry no repair");
    }
  }

  /** A diagnostic at the code's own severity, about no particular value. */
  public static Diagnostic of(String file, Position position, Code code, String message) {
    return new Diagnostic(file, position, code.severity(), code, "", message, "");
  }

  /** The same diagnostic at another severity (e.g. an error reported as a warning by request). */
  public Diagnostic withSeverity(Severity other) {
    return new Diagnostic(file, position, other, code, pointer, message, fix, path, repairs);
  }

  /** The same diagnostic with its message extended (e.g. by why its severity changed). */
  public Diagnostic withMessage(String other) {
    return new Diagnostic(file, position, severity, code, pointer, other, fix, path, repairs);
  }

  /** The same diagnostic under another file name (e.g. relative to a project). */
  public Diagnostic withFile(String other) {
    return new Diagnostic(other, position, severity, code, pointer, message, fix, path, repairs);
  }

  /** The same diagnostic at another position (e.g. mapped from a string's text to the file that holds it). */
  public Diagnostic withPosition(Position other) {
    return new Diagnostic(file, other, severity, code, pointer, message, fix, path, repairs);
  }

  /** The same diagnostic about a value at a path of the outer file (inside an embedded unit). */
  public Diagnostic withPath(String other) {
    return new Diagnostic(file, position, severity, code, pointer, message, fix, other, repairs);
  }

  /** Whether it concerns a value inside an embedded unit. */
  public boolean hasPath() {
    return !path.isEmpty();
  }

  /** The code's id, as reports print it. */
  public String rule() {
    return code.id();
  }

  /** Whether {@code promshift fix} can resolve it: it carries the exact change. */
  public boolean fixable() {
    return !repairs.isEmpty();
  }

  public boolean hasFix() {
    return !fix.isEmpty();
  }

  public int line() {
    return position.line();
  }

  public int column() {
    return position.column();
  }

  @Override
  public String toString() {
    return file + ":" + position + ": " + severity.label() + " [" + code.id() + "] " + message;
  }
}
