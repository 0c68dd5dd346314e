package app.rundun.launcher;

/**
 * The benchmark's warm-up rule: windows of load until two in a row agree within 5% on their rate,
 * six at most. A path the JIT is still compiling would be compared with a ceiling compiled long
 * ago: in one run, the first of three rows of the same read gave 28% of {@code /health} and the
 * third, a minute later, 39%; a lone caller's creates took 35 ms at p50 over their first 500 and 13
 * ms after 2,000.
 */
final class WarmUp {

  private static final int MAX_WINDOWS = 6;
  private static final double STEADY = 0.05;

  private int windows;
  private double previous;

  /** Counts a window that ran at {@code rate}; whether another is needed. */
  boolean another(double rate) {
    windows++;
    boolean steady = windows > 1 && Math.abs(rate - previous) <= STEADY * previous;
    previous = rate;
    return !steady && windows < MAX_WINDOWS;
  }

  /** How many windows it took. */
  int windows() {
    return windows;
  }
}
