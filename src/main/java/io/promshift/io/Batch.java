package io.promshift.io;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
      return thread;
    });
    int window = Math.max(64, workers * 16);
    try {
      ArrayDeque<Future<R>> pending = new ArrayDeque<>();
      Iterator<T> next = items.iterator();
      while (next.hasNext() || !pending.isEmpty()) {
        while (next.hasNext() && pending.size() < window) {
          T item = next.next();
          pending.add(pool.submit(() -> task.apply(item)));
        }
        consumer.accept(pending.poll().get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    } finally {
      pool.shutdownNow();
    }
  }
}
