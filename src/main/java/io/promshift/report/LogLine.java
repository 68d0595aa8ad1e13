package io.promshift.report;

/**
 * One line for a build log, at the level a logger shows it (Maven's {@code [ERROR]}, {@code [WARNING]},
 * {@code [INFO]}, {@code [DEBUG]}). The text is printable whatever the files held.
 */
public record LogLine(Level level, String text) {
  /** A logger's levels. */
  public enum Level { ERROR, WARN, INFO, DEBUG }
}
