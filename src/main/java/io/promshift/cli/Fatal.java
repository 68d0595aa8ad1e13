package io.promshift.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What a {@link Throwable} that escapes a run becomes: exit 70 ({@link PromshiftCli#INTERNAL_ERROR}) and one
 * line on standard error, the stack trace only with {@code --verbose}. An {@link Error} too (out of memory, stack
 * overflow, a class that fails to load): without this, the JVM's default handler would print a stack trace and
 * exit 1, the findings code.
 *
 * <p>Out of memory, the line itself needs a little heap: this object sets 1 MB aside when it is made and lets
 * go of it first thing when reporting. A worker thread still at work may take that memory before the line is
 * printed, so a reporter for the process also keeps the out-of-memory line ready as bytes, written straight
 * to file descriptor 2 (no heap needed) when printing through the writer fails.
 *
 * <p>Thread-safe; one line per run: the first report prints, later ones (another thread meeting the same
 * exhausted heap) only return the exit code.
 */
final class Fatal {
  /** Enough heap for the line and the few objects printing it makes. */
  private static final int RESERVE_BYTES = 1 << 20;
  private static final String REPORT_IT = " (a bug: please report it, with the command line)";
  private static final String OUT_OF_MEMORY = "promshift: internal error: out of memory";
  private static final String MORE_MEMORY = "; give Java more heap (PROMSHIFT_OPTS=-Xmx2g for bin/promshift,"
      + " java -Xmx2g -jar promshift-cli.jar ...) or use fewer --jobs";

  private volatile byte[] reserve = new byte[RESERVE_BYTES];
  private final AtomicBoolean reported = new AtomicBoolean();
  /** The process's standard error, unbuffered; null in-process (tests, embedders): never their stream. */
  private final FileOutputStream processErr;
  private final byte[] outOfMemoryLine;
  private final byte[] otherLine;

  private Fatal(FileOutputStream processErr) {
    this.processErr = processErr;
    this.outOfMemoryLine = (OUT_OF_MEMORY + MORE_MEMORY + "\n").getBytes(StandardCharsets.UTF_8);
    this.otherLine = ("promshift: internal error" + REPORT_IT + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /** For a run in-process: the line goes to the run's own error writer only. */
  static Fatal inProcess() {
    return new Fatal(null);
  }

  /** For the process's own run: falls back to writing file descriptor 2 directly. */
  static Fatal forProcess() {
    return new Fatal(new FileOutputStream(FileDescriptor.err));
  }

  /** The one line for {@code problem}, without its line break. */
  static String line(Throwable problem) {
    if (problem instanceof OutOfMemoryError) {
      String what = problem.getMessage();
      return OUT_OF_MEMORY + (what == null || what.isEmpty() ? "" : " (" + what + ")") + MORE_MEMORY;
    }
    if (problem instanceof StackOverflowError) {
      return "promshift: internal error: stack overflow" + REPORT_IT;
    }
    return "promshift: internal error: " + problem + REPORT_IT;
  }

  /**
   * Reports {@code problem} once and returns 70. Never throws: whatever goes wrong while printing, the exit
   * code stands.
   *
   * @param err where the line goes; null: the process's standard error (a reporter for the process only)
   * @param out the run's standard output, flushed first; may be null
   * @param verbose whether the stack trace follows the line ({@code --verbose})
   */
  int report(Throwable problem, PrintWriter err, PrintWriter out, boolean verbose) {
    reserve = null; // first: everything below may need the heap this problem says is gone
    if (!reported.compareAndSet(false, true)) {
      return PromshiftCli.INTERNAL_ERROR;
    }
    try {
      if (err == null) {
        writeRaw((line(problem) + "\n").getBytes(StandardCharsets.UTF_8));
        return PromshiftCli.INTERNAL_ERROR;
      }
      if (out != null) {
        out.flush(); // what the run printed before it stopped comes first
      }
      err.println(line(problem));
      if (verbose) {
        problem.printStackTrace(err);
      }
      err.flush();
    } catch (Throwable printing) {
      // out of memory again (a worker took the reserve), or the writer failed: the line kept ready
      writeRaw(problem instanceof OutOfMemoryError || printing instanceof OutOfMemoryError ? outOfMemoryLine : otherLine);
    }
    return PromshiftCli.INTERNAL_ERROR;
  }

  private void writeRaw(byte[] line) {
    if (processErr == null) {
      return;
    }
    try {
      processErr.write(line);
    } catch (IOException | RuntimeException | Error e) {
      // standard error is gone: the exit code says it
    }
  }
}
