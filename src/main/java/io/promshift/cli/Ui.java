package io.promshift.cli;

import io.promshift.RunListener;
import io.promshift.report.Columns;
import io.promshift.report.FileOutcome;
import io.promshift.report.Message;
import io.promshift.report.Style;
import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Everything a command prints goes through here: the report on standard output, diagnostics
 * ({@code path:line:col: error: message}) and the summary on standard error, colour where the terminal
 * allows it, {@code --quiet}/{@code --verbose}, and the progress line, which is cleared before anything
 * else is printed so the two never mix. Thread-safe: workers tick the progress, one thread prints.
 */
final class Ui implements AutoCloseable {
  /** Runs with more files than this show a progress line (on a terminal). */
  static final int PROGRESS_THRESHOLD = 200;

  private final PrintWriter out;
  private final PrintWriter err;
  private final Style outStyle;
  private final Style errStyle;
  private final boolean quiet;
  private final boolean verbose;
  private final boolean progressAllowed;

  private final AtomicInteger done = new AtomicInteger();
  private ScheduledExecutorService ticker; // guarded by this
  private String progressLabel;
  private int progressTotal;
  private int shown = -1; // the count on screen, -1 when no progress line is shown

  Ui(PrintWriter out, PrintWriter err, Terminal terminal, CommonOptions options) {
    this.out = out;
    this.err = err;
    this.outStyle = Style.of(terminal.colourOut());
    this.errStyle = Style.of(terminal.colourErr());
    this.quiet = options.quiet;
    this.verbose = options.verbose;
    this.progressAllowed = terminal.progressAllowed() && !options.quiet;
  }

  Style outStyle() {
    return outStyle;
  }

  Style errStyle() {
    return errStyle;
  }

  boolean quiet() {
    return quiet;
  }

  boolean verbose() {
    return verbose;
  }

  /** A diagnostic: errors always, warnings and notes unless quiet. */
  synchronized void message(Message message) {
    switch (message.level()) {
      case ERROR -> diagnostic(message.where(), errStyle.boldRed(message.level().label()), message.text());
      case WARNING -> {
        if (!quiet) {
          diagnostic(message.where(), errStyle.yellow(message.level().label()), message.text());
        }
      }
      case NOTE -> {
        if (!quiet) {
          diagnostic(message.where(), errStyle.cyan(message.level().label()), message.text());
        }
      }
    }
  }

  /**
   * What a command hears of a run: the walk's problems as errors, a progress line labelled {@code label}, and
   * each file's outcome, in path order, handed to {@code onFile}.
   */
  RunListener listener(String label, Consumer<FileOutcome> onFile) {
    return listener(label, onFile, true);
  }

  /** The same; {@code problems} false when the report prints the walk's problems itself (validate's findings). */
  RunListener listener(String label, Consumer<FileOutcome> onFile, boolean problems) {
    return new RunListener() {
      @Override
      public void problem(FileOutcome problem) {
        if (problems) {
          problem.messages().forEach(Ui.this::message);
        }
      }

      @Override
      public void started(int files) {
        startProgress(label, files);
      }

      @Override
      public void progressed() {
        tick();
      }

      @Override
      public void finished(FileOutcome outcome) {
        onFile.accept(outcome);
      }
    };
  }

  /** {@code error: text} on standard error, even when quiet: what stops the run, said by the library. */
  synchronized void error(String text) {
    clearProgress();
    out.flush();
    err.println(errStyle.boldRed("error:") + " " + text);
    err.flush();
  }

  /** A line on standard error only with --verbose. */
  synchronized void detail(String line) {
    if (verbose) {
      clearProgress();
      err.println(line);
      err.flush();
    }
  }

  /** A line on standard error, unless quiet: what the command did besides its report (validate --fix's rewrites). */
  synchronized void info(String line) {
    if (!quiet) {
      clearProgress();
      err.println(line);
      err.flush();
    }
  }

  /** The closing summary on standard error, unless quiet. */
  synchronized void summaryErr(String line) {
    if (!quiet) {
      clearProgress();
      err.println(errStyle.bold(line));
      err.flush();
    }
  }

  /** Report text on standard output (already styled), unless quiet. */
  synchronized void report(String text) {
    if (!quiet && !text.isEmpty()) {
      clearProgress();
      out.print(text);
      out.flush();
    }
  }

  /** {@code where: label message}: both already printable (rendered by the report package). */
  /** A whole document on standard output (JSON, SARIF): printed even when quiet, it is the run's result. */
  synchronized void document(String text) {
    clearProgress();
    out.print(text);
    out.flush();
  }

  private void diagnostic(String where, String label, String message) {
    clearProgress();
    out.flush();
    err.println(errStyle.bold(where + ":") + " " + label + " " + message);
    err.flush();
  }

  // ---- progress ---------------------------------------------------------------------------------

  /** Starts a progress line for a run over {@code total} files, if this run shows one. */
  synchronized void startProgress(String label, int total) {
    if (!progressAllowed || total <= PROGRESS_THRESHOLD) {
      return;
    }
    progressLabel = label;
    progressTotal = total;
    done.set(0);
    ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "promshift-progress");
      thread.setDaemon(true);
      return thread;
    });
    drawProgress(); // at once: the run has started
    ticker.scheduleAtFixedRate(this::drawProgress, 150, 150, TimeUnit.MILLISECONDS);
  }

  /** One more file done (from any thread). */
  void tick() {
    done.incrementAndGet();
  }

  private synchronized void drawProgress() {
    int now = done.get();
    if (progressLabel == null || now == shown) {
      return;
    }
    String width = String.valueOf(progressTotal);
    err.print("\r" + progressLabel + ": " + Columns.padLeft(String.valueOf(now), width.length()) + "/" + width
        + " files (" + (now * 100L / progressTotal) + "%)");
    err.flush();
    shown = now;
  }

  private void clearProgress() {
    if (shown >= 0) {
      err.print("\r\u001b[2K");
      err.flush();
      shown = -1;
    }
  }

  /** Stops and clears the progress line. */
  @Override
  public synchronized void close() {
    if (ticker != null) {
      ticker.shutdownNow();
      ticker = null;
      progressLabel = null;
    }
    clearProgress();
    out.flush();
    err.flush();
  }
}
