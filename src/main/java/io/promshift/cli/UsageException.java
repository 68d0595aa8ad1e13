package io.promshift.cli;

/**
 * A command line that cannot run as written (an unknown option, a missing value, options that exclude each other, a
 * value a command refuses): {@link PromshiftCli} prints its message, the command's synopsis and where to read more,
 * and exits 2.
 */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Words the user may have meant (options or commands), nearest first; empty for none. */
  private final java.util.List<String> meant;

  UsageException(String message) {
    this(message, java.util.List.of());
  }

  UsageException(String message, java.util.List<String> meant) {
    super(message, null, false, false); // a message for a person: no stack trace to fill
    this.meant = java.util.List.copyOf(meant);
  }

  java.util.List<String> meant() {
    return meant;
  }
}
