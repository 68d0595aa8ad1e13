package io.promshift.bench;

import java.util.Arrays;

/** How the benchmarks time a task: the median of several rounds, in seconds. */
final class Timing {
  private Timing() {}

  static double median(Runnable task, int rounds) {
    double[] seconds = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      long start = System.nanoTime();
      task.run();
      seconds[i] = (System.nanoTime() - start) / 1e9;
    }
    Arrays.sort(seconds);
    return seconds[rounds / 2];
  }
}
