package io.promshift.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs the command line in-process with captured streams, as {@code main} does on the process's own. */
final class Cli {
  private Cli() {}

  /** One run: exit code, standard output, standard error. */
  record Run(int code, String out, String err) {
    /** Both streams, standard output first (for messages in assertion failures). */
    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  static Run run(String... args) {
    return run(Terminal.NONE, args);
  }

  static Run run(Terminal terminal, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = PromshiftCli.run(new PrintWriter(out), new PrintWriter(err), terminal, args);
    return new Run(code, out.toString(), err.toString());
  }

  /** One run with {@code in} as standard input (what {@code -} reads). */
  static Run withInput(byte[] in, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = PromshiftCli.run(new java.io.ByteArrayInputStream(in), new PrintWriter(out), new PrintWriter(err),
        Terminal.NONE, args);
    return new Run(code, out.toString(), err.toString());
  }

  /** Both streams into one, in the order they were written (what a terminal shows). */
  static Run merged(String... args) {
    StringWriter both = new StringWriter();
    PrintWriter writer = new PrintWriter(both);
    int code = PromshiftCli.run(writer, writer, Terminal.NONE, args);
    return new Run(code, both.toString(), "");
  }

  /** A terminal on both streams with this environment. */
  static Terminal terminal(Map<String, String> env) {
    return new Terminal(true, true, env);
  }
}
