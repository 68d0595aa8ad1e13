package io.promshift.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the process writes to: whether stdout and stderr are terminals, and the environment variables that
 * decide colour and progress ({@code NO_COLOR}, {@code TERM}, {@code CI}). In-process runs (tests, an
 * embedder) use {@link #NONE}: no colour, no progress line.
 *
 * @param stdoutTerminal whether standard output is a terminal
 * @param stderrTerminal whether standard error is a terminal
 * @param env the environment
 */
record Terminal(boolean stdoutTerminal, boolean stderrTerminal, Map<String, String> env) {
  static final Terminal NONE = new Terminal(false, false, Map.of());

  Terminal {
    env = Map.copyOf(env);
  }

  /** The real process's streams and environment. */
  static Terminal detect() {
    return new Terminal(isTerminal(1), isTerminal(2), System.getenv());
  }

  /** Colour on standard output: only on a terminal, never with NO_COLOR set (to anything) or TERM=dumb. */
  boolean colourOut() {
    return stdoutTerminal && colourAllowed();
  }

  boolean colourErr() {
    return stderrTerminal && colourAllowed();
  }

  /** A progress line on standard error: only on a terminal, and never in CI. */
  boolean progressAllowed() {
    return stderrTerminal && !ci() && !"dumb".equals(env.get("TERM"));
  }

  private boolean colourAllowed() {
    return !env.containsKey("NO_COLOR") && !"dumb".equals(env.get("TERM"));
  }

  private boolean ci() {
    String ci = env.get("CI");
    return ci != null && !ci.isEmpty() && !ci.equalsIgnoreCase("false") && !ci.equals("0");
  }

  /**
   * Whether file descriptor {@code fd} is a terminal. On Linux the descriptor's link under /proc names
   * the device; elsewhere Java 17's {@code System.console()} (stdin and stdout both terminals) has to do.
   */
  private static boolean isTerminal(int fd) {
    Path link = Path.of("/proc/self/fd/" + fd);
    try {
      String target = Files.readSymbolicLink(link).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return System.console() != null;
    }
  }
}
