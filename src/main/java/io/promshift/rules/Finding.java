package io.promshift.rules;

import io.promshift.text.Position;
import java.util.Comparator;
import java.util.Objects;

/**
 * One thing a validator has to say about a file, at the exact place it concerns.
 *
 * @param file the file's name as it was read (a path, or the name given with its bytes)
 * @param position line and column (1-based, code points) of the value concerned; for a missing value, of
 *     the key of the mapping that should hold it
 * @param severity how much it matters
 * @param rule the stable rule id, described once in {@link RuleCatalog}
 * @param pointer JSON pointer into the document as Grafana reads it, e.g.
 *     {@code /datasources/0/jsonData/sigV4Region}; {@code ""} for the whole file
 * @param message what is wrong and what Grafana will do about it; never a secret (at most
 *     {@link io.promshift.model.Secrets#redact})
 * @param fix one line saying how to fix it
 */
public record Finding(
    String file, Position position, Severity severity, String rule, String pointer, String message, String fix) {

  /** File order is the caller's; within a file: line, column, then rule id. */
  public static final Comparator<Finding> BY_POSITION = Comparator
      .comparingInt((Finding f) -> f.position().line())
      .thenComparingInt(f -> f.position().column())
      .thenComparing(Finding::rule)
      .thenComparing(Finding::pointer);

  public Finding {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(fix, "fix");
  }

  public int line() {
    return position.line();
  }

  public int column() {
    return position.column();
  }

  @Override
  public String toString() {
    return file + ":" + position + ": " + severity.label() + " [" + rule + "] " + message;
  }
}
