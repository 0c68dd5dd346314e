package app.rundun.launcher;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * The one way the end-to-end tests wait for something asynchronous: poll, briefly, until it holds
 * or a deadline passes. No test sleeps a fixed time in the hope that something has happened.
 */
final class Eventually {

  private static final long POLL_MILLIS = 50;

  private Eventually() {}

  /** The first result that is {@code done}; fails naming {@code what} and the last result. */
  static <T> T until(String what, Duration timeout, Callable<T> attempt, Predicate<T> done)
      throws Exception {
    return until(what, timeout, Duration.ofMillis(POLL_MILLIS), attempt, done);
  }

  /** The same, looking only every {@code pause}: for an attempt that is itself heavy work. */
  static <T> T until(
      String what, Duration timeout, Duration pause, Callable<T> attempt, Predicate<T> done)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    T last;
    do {
      last = attempt.call();
      if (done.test(last)) {
        return last;
      }
      Thread.sleep(pause.toMillis());
    } while (System.nanoTime() < deadline);
    throw new AssertionError(what + " did not happen within " + timeout + "; last: " + last);
  }

  /**
   * Whether {@code condition} holds at every look for {@code period}: for what can be true for a
   * moment and then not (a group between the two rounds of a rebalance).
   */
  static boolean stays(Duration period, BooleanSupplier condition) {
    long until = System.nanoTime() + period.toNanos();
    do {
      if (!condition.getAsBoolean()) {
        return false;
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    } while (System.nanoTime() < until);
    return true;
  }

  /** Whether {@code condition} came to hold before the timeout; the caller asserts what follows. */
  static boolean holds(Duration timeout, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(POLL_MILLIS);
    }
    return true;
  }
}
