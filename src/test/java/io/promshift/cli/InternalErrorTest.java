package io.promshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** A bug must never look like a finding: an unexpected exception exits 70, not picocli's default 1. */
class InternalErrorTest {
  @Command(name = "boom")
  static final class Boom implements Callable<Integer> {
    @Option(names = {"-v", "--verbose"})
    boolean verbose;

    @Override
    public Integer call() {
      throw new IllegalStateException("unexpected");
    }
  }

  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = PromshiftCli.commandLine(new Boom(), new PrintWriter(out, true), new PrintWriter(err, true), Terminal.NONE)
        .execute(args);
    return new String[] {String.valueOf(code), out.toString(), err.toString()};
  }

  @Test
  void anUnexpectedExceptionExitsSeventyWithAOneLineMessage() {
    String[] run = run();
    assertThat(run[0]).isEqualTo(String.valueOf(PromshiftCli.INTERNAL_ERROR)).isEqualTo("70");
    assertThat(run[1]).isEmpty();
    assertThat(run[2]).isEqualTo("promshift: internal error: java.lang.IllegalStateException: unexpected"
        + " (a bug: please report it, with the command line)\n");
  }

  @Test
  void verboseAddsTheStackTrace() {
    assertThat(run("--verbose")[2]).contains("\tat io.promshift.cli.InternalErrorTest$Boom.call");
  }
}
