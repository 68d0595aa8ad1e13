package io.promshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.promshift.cli.CommandModel.Option;
import io.promshift.io.Batch;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/** A bug must never look like a finding: an unexpected exception or error exits 70, not the JVM's 1. */
class InternalErrorTest {
  /** A command of the test's own, declared and run as promshift's commands are. */
  static final class Boom implements Callable<Integer> {
    static final CommandModel MODEL = new CommandModel("boom", "Fails.", List.of(), List.of(), List.of(
        Option.flag("-v,--verbose", 1, "Say more."),
        // what to throw: an exception, or an Error (out of memory, stack overflow, a class that cannot load)
        Option.single("--throw", "WHAT", 2, "What to throw.").withDefault("exception"),
        // throw it on a worker thread of a batch, as a command's per-file work would
        Option.flag("--in-worker", 3, "Throw on a worker.")), null);

    private final String what;
    private final boolean inWorker;

    Boom(Invocation invocation) {
      this.what = invocation.args().value("--throw");
      this.inWorker = invocation.args().flag("--in-worker");
    }

    @Override
    public Integer call() {
      if (!inWorker) {
        fail(what);
      }
      Batch.forEachOrdered(List.of(1, 2, 3, 4), 2, item -> {
        if (item == 3) {
          fail(what);
        }
        return item;
      }, item -> {});
      return 0;
    }

    private static void fail(String what) {
      switch (what) {
        case "exception" -> throw new IllegalStateException("unexpected");
        case "out-of-memory" -> {
          long[] tooLarge = new long[Integer.MAX_VALUE]; // a real OutOfMemoryError, at once, whatever the heap
          throw new AssertionError(tooLarge.length);
        }
        case "stack-overflow" -> throw new AssertionError(deeper(0));
        case "linkage" -> throw new NoClassDefFoundError("io/promshift/Missing");
        default -> throw new IllegalArgumentException(what);
      }
    }

    private static int deeper(int depth) {
      return deeper(depth + 1) + 1;
    }
  }

  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = PromshiftCli.execute(Boom.MODEL, Boom::new, new PrintWriter(out, true), new PrintWriter(err, true), args);
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

  @Test
  void anErrorOnTheCommandsThreadOrAWorkerExitsSeventyWithOneLineInPlainWords() {
    for (List<String> where : List.of(List.<String>of(), List.of("--in-worker"))) {
      String[] oom = run(args("out-of-memory", where));
      assertThat(oom[0]).as("out of memory " + where).isEqualTo("70");
      assertThat(oom[1]).isEmpty();
      assertThat(oom[2]).as("out of memory " + where)
          .isEqualTo("promshift: internal error: out of memory (Requested array size exceeds VM limit); give Java"
              + " more heap (PROMSHIFT_OPTS=-Xmx2g for bin/promshift, java -Xmx2g -jar promshift-cli.jar ...) or use"
              + " fewer --jobs\n");

      String[] overflow = run(args("stack-overflow", where));
      assertThat(overflow[0]).as("stack overflow " + where).isEqualTo("70");
      assertThat(overflow[2]).isEqualTo("promshift: internal error: stack overflow"
          + " (a bug: please report it, with the command line)\n");

      String[] linkage = run(args("linkage", where));
      assertThat(linkage[0]).as("linkage " + where).isEqualTo("70");
      assertThat(linkage[2]).isEqualTo("promshift: internal error: java.lang.NoClassDefFoundError:"
          + " io/promshift/Missing (a bug: please report it, with the command line)\n");
    }
  }

  @Test
  void verboseAddsTheStackTraceOfAnErrorToo() {
    String err = run("--verbose", "--throw", "linkage", "--in-worker")[2];
    assertThat(err).startsWith("promshift: internal error: java.lang.NoClassDefFoundError: io/promshift/Missing")
        .contains("\tat io.promshift.cli.InternalErrorTest$Boom.fail");
  }

  private static String[] args(String what, List<String> where) {
    List<String> args = new java.util.ArrayList<>(List.of("--throw", what));
    args.addAll(where);
    return args.toArray(String[]::new);
  }
}
