package io.promshift.io;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs one task per item on a fixed number of threads and returns the results in the items' order, so
 * output is deterministic however the work interleaves. A task must not throw: each is expected to turn
 * its failures into a result (one bad file never stops a batch).
 */
public final class Batch {
  private Batch() {}

  public static <T, R> List<R> run(List<T> items, int threads, Function<T, R> task) {
    if (threads <= 1 || items.size() <= 1) {
      List<R> results = new ArrayList<>(items.size());
      for (T item : items) {
        results.add(task.apply(item));
      }
      return results;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, items.size()), runnable -> {
      Thread thread = new Thread(runnable, "promshift-worker");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<R>> futures = new ArrayList<>(items.size());
      for (T item : items) {
        futures.add(pool.submit(() -> task.apply(item)));
      }
      List<R> results = new ArrayList<>(items.size());
      for (Future<R> future : futures) {
        results.add(future.get());
      }
      return results;
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
