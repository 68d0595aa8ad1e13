package io.promshift.io;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs one task per item on a fixed number of threads and returns the results in the items' order, so
 * output is deterministic however the work interleaves. One bad file never stops a batch: a task turns its
 * failures into a result, and the forms with {@code onFailure} make sure of it for a task that throws.
 */
public final class Batch {
  private Batch() {}

  public static <T, R> List<R> run(List<T> items, int threads, Function<T, R> task) {
    List<R> results = new ArrayList<>(items.size());
    forEachOrdered(items, threads, task, results::add);
    return results;
  }

  /** {@link #run(List, int, Function)}, where a task that throws gives {@code onFailure}'s result for its item. */
  public static <T, R> List<R> run(
      List<T> items, int threads, Function<T, R> task, BiFunction<T, RuntimeException, R> onFailure) {
    return run(items, threads, contained(task, onFailure));
  }

  /**
   * {@link #forEachOrdered(List, int, Function, Consumer)} for tasks that may throw: a task's
   * {@link RuntimeException} (a file name this locale cannot encode, a defect) becomes its own item's result
   * through {@code onFailure}, and the batch goes on. An {@link Error} still ends the batch.
   */
  public static <T, R> void forEachOrdered(List<T> items, int threads, Function<T, R> task,
      BiFunction<T, RuntimeException, R> onFailure, Consumer<R> consumer) {
    forEachOrdered(items, threads, contained(task, onFailure), consumer);
  }

  private static <T, R> Function<T, R> contained(Function<T, R> task, BiFunction<T, RuntimeException, R> onFailure) {
    return item -> {
      try {
        return task.apply(item);
      } catch (RuntimeException e) {
        return onFailure.apply(item, e);
      }
    };
  }

  /**
   * Runs the tasks and hands each result to {@code consumer} on the calling thread, in the items' order,
   * as soon as it and every result before it are done: output streams while later files are still being
   * worked on, and a finished result need not wait for the whole batch. At most a bounded number of
   * results wait unconsumed, so memory stays flat however many items there are.
   */
  public static <T, R> void forEachOrdered(List<T> items, int threads, Function<T, R> task, Consumer<R> consumer) {
    if (threads <= 1 || items.size() <= 1) {
      for (T item : items) {
        consumer.accept(task.apply(item));
      }
      return;
    }
    int workers = Math.min(threads, items.size());
    ExecutorService pool = Executors.newFixedThreadPool(workers, runnable -> {
      Thread thread = new Thread(runnable, "promshift-worker");
      thread.setDaemon(true);
      // What the pool's own code throws outside a task (out of memory making the worker that replaces a dead one)
      // ends the thread, and the JVM's default handler would print it raw ("Exception in thread ...") on standard
      // error, where the report goes. The pool goes on with its other workers; a task's own failure reaches the
      // caller through its slot.
      thread.setUncaughtExceptionHandler((dead, problem) -> { });
      return thread;
    });
    int window = Math.max(64, workers * 16);
    try {
      ArrayDeque<Slot<R>> pending = new ArrayDeque<>();
      Iterator<T> next = items.iterator();
      while (next.hasNext() || !pending.isEmpty()) {
        while (next.hasNext() && pending.size() < window) {
          T item = next.next();
          Slot<R> slot = new Slot<>();
          pending.add(slot);
          pool.execute(() -> slot.run(task, item));
        }
        consumer.accept(pending.poll().await());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * One task's result or failure. Not a {@link java.util.concurrent.Future}: a {@code FutureTask} links the code that
   * records a failure (a {@code VarHandle} call site) the first time a task fails, which allocates; when the failure
   * is an exhausted heap, that linking fails too, the task stays incomplete for ever and the caller waits for it
   * for ever (seen: {@code validate} of three 3 MB files under -Xmx16m hung). Recording here allocates nothing: a
   * field and a monitor.
   */
  private static final class Slot<R> {
    private R result;
    private Throwable failure;
    private boolean done;

    <T> void run(Function<T, R> task, T item) {
      R value = null;
      Throwable problem = null;
      try {
        value = task.apply(item);
      } catch (Throwable e) {
        problem = e;
      }
      synchronized (this) {
        result = value;
        failure = problem;
        done = true;
        notifyAll();
      }
    }

    synchronized R await() throws InterruptedException {
      while (!done) {
        wait();
      }
      if (failure instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (failure instanceof Error error) {
        throw error;
      }
      if (failure != null) {
        throw new IllegalStateException(failure);
      }
      return result;
    }
  }
}
