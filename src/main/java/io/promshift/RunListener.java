package io.promshift;

import io.promshift.report.FileOutcome;

/**
 * Hears a run over a set of files as it goes, so a front end can print while later files are still being worked
 * on: the walk's problems first, then each file's outcome in path order on the thread that started the run.
 * Progress comes from the worker threads. Every method has a do-nothing default.
 */
public interface RunListener {
  RunListener NONE = new RunListener() {};

  /** A folder of the walk that could not be listed, as a failed outcome (called before any file). */
  default void problem(FileOutcome problem) {}

  /** The walk is done: this many files will be worked on. */
  default void started(int files) {}

  /** One more file is done (called from worker threads, in any order). */
  default void progressed() {}

  /** A file's outcome, in path order, on the thread that started the run. */
  default void finished(FileOutcome outcome) {}
}
