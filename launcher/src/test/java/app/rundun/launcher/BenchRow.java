package app.rundun.launcher;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** One measured line of the benchmark: how many operations, in how long, each one's latency. */
record BenchRow(String what, Kind kind, int operations, double seconds, long[] nanos) {

  /** What a row is: one of the two ceilings the others are compared with, or a measurement. */
  enum Kind {
    HTTP_CEILING,
    PRODUCER_CEILING,
    MEASURED
  }

  /** Runs {@code count} operations from {@code callers} threads; each returns its latency. */
  static BenchRow load(String what, int count, int callers, Callable<Long> operation)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    List<Future<Long>> futures = new ArrayList<>();
    long started = System.nanoTime();
    for (int i = 0; i < count; i++) {
      futures.add(pool.submit(operation));
    }
    long[] nanos = new long[count];
    for (int i = 0; i < count; i++) {
      nanos[i] = futures.get(i).get();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    pool.shutdown();
    return new BenchRow(
        what + (callers > 1 ? ", " + callers + " callers" : ""),
        Kind.MEASURED,
        count,
        seconds,
        nanos);
  }

  /**
   * As {@link #load}, after windows of a quarter of {@code count} operations until they are steady
   * ({@link WarmUp}); the row's name says how many operations warmed it.
   */
  static BenchRow warmedLoad(String what, int count, int callers, Callable<Long> operation)
      throws Exception {
    int window = Math.max(1, count / 4);
    WarmUp warmUp = new WarmUp();
    boolean warming = true;
    while (warming) {
      warming = warmUp.another(load(what, window, callers, operation).perSecond());
    }
    BenchRow row = load(what, count, callers, operation);
    return new BenchRow(
        String.format("%s (after %,d to warm up)", row.what, warmUp.windows() * window),
        row.kind,
        row.operations,
        row.seconds,
        row.nanos);
  }

  /** The time of a request that must succeed; any other answer stops the benchmark. */
  static long timed(Api.Response response) {
    if (response.status() >= 300) {
      throw new IllegalStateException("Answered " + response.status() + ": " + response.body());
    }
    return response.nanos();
  }

  /** This row as a ceiling the others are measured against. */
  BenchRow as(Kind ceiling) {
    return new BenchRow(what, ceiling, operations, seconds, nanos);
  }

  double perSecond() {
    return operations / seconds;
  }

  double percentile(double fraction) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, (int) (sorted.length * fraction))] / 1e6;
  }
}
