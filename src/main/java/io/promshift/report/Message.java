package io.promshift.report;

import io.promshift.model.Secrets;
import io.promshift.rules.Code;
import io.promshift.rules.Diagnostic;
import io.promshift.text.Printable;

/**
 * A diagnostic as one line for a person, in compiler style: {@code where: label text}. Where and text are
 * printable whatever the file held (the printable-text policy); a front end prints it on a terminal or logs it
 * at its {@link Level}.
 *
 * @param level how a front end shows it
 * @param where {@code file:line:col}, or the file alone for what concerns the whole file
 * @param text the message, one line; inside an embedded unit it starts with the value's YAML path in the file
 *     ({@code grafana.additionalDataSources[0].type: ...}), as a line:column alone does not say which data source
 */
public record Message(Level level, String where, String text) {

  /** How much a message matters to whoever reads the output: error, warning or note. */
  public enum Level {
    ERROR, WARNING, NOTE;

    /** {@code error:}, {@code warning:}, {@code note:}. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT) + ":";
    }
  }

  /** The diagnostic under its own file name. */
  public static Message of(Diagnostic diagnostic) {
    return of(diagnostic, diagnostic.file());
  }

  /** The diagnostic under another name for its file (absolute for logs, relative for reports). */
  public static Message of(Diagnostic diagnostic, String fileName) {
    Level level = switch (diagnostic.severity()) {
      case ERROR -> Level.ERROR;
      case WARNING -> Level.WARNING;
      case INFO -> Level.NOTE;
    };
    String where = Printable.escape(fileName) + (aboutTheWholeFile(diagnostic.code()) ? "" : ":" + diagnostic.position());
    String path = diagnostic.hasPath() ? Printable.escape(diagnostic.path()) + ": " : "";
    return new Message(level, where, path + Printable.message(Secrets.maskCredentials(diagnostic.message())));
  }

  /** Text from a file or the file system (a name, a path) as front ends may print it: the printable-text policy. */
  public static String printable(String text) {
    return Printable.escape(text);
  }

  /** What is said of a file as a whole carries no position. */
  private static boolean aboutTheWholeFile(Code code) {
    return code == Code.NOT_PROVISIONING || code == Code.UNLISTABLE || code == Code.SAME_FILE;
  }

  @Override
  public String toString() {
    return where + ": " + level.label() + " " + text;
  }
}
