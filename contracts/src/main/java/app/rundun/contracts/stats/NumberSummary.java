package app.rundun.contracts.stats;

/**
 * Numbers summed up in constant space: how many, the smallest, the largest, the mean, the median
 * and 90th percentile (each the upper bound of its {@link Histogram} bucket, so "at most"), and the
 * histogram itself.
 */
public record NumberSummary(
    long count,
    Double min,
    Double max,
    Double mean,
    Double median,
    Double p90,
    double sum,
    Histogram histogram) {

  public static final NumberSummary NONE =
      new NumberSummary(0, null, null, null, null, null, 0, Histogram.EMPTY);

  public NumberSummary plus(double value) {
    long nextCount = count + 1;
    double nextSum = sum + value;
    double nextMin = min == null ? value : Math.min(min, value);
    double nextMax = max == null ? value : Math.max(max, value);
    Histogram next = histogram.plus(value);
    return new NumberSummary(
        nextCount,
        nextMin,
        nextMax,
        nextSum / nextCount,
        next.quantile(0.5, nextMax),
        next.quantile(0.9, nextMax),
        nextSum,
        next);
  }
}
