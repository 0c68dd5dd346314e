package app.rundun.contracts.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Counts in fixed buckets of the 1-2-5 series (… 0.5, 1, 2, 5, 10 …, and their negatives), so that
 * a histogram has at most a few dozen buckets whatever it counts: memory stays bounded, and two
 * periods add up bucket by bucket. Only buckets holding something are kept.
 *
 * @param buckets by upper bound, ascending; a value above the largest bound counts in a last bucket
 *     whose {@code le} is null
 */
public record Histogram(List<Bucket> buckets) {

  public static final Histogram EMPTY = new Histogram(List.of());

  /** From 10^-3 to 5·10^9: finer than any reading a step takes, longer than any run lives. */
  private static final List<Double> BOUNDS = bounds();

  public Histogram {
    buckets = List.copyOf(buckets);
  }

  /** A bucket: how many values were at most {@code le} and above the bound before it. */
  public record Bucket(Double le, long count) {}

  public Histogram plus(double value) {
    Double bound = BOUNDS.stream().filter(le -> value <= le).findFirst().orElse(null);
    List<Bucket> next = new ArrayList<>();
    boolean counted = false;
    for (Bucket bucket : buckets) {
      if (!counted && before(bound, bucket.le())) {
        next.add(new Bucket(bound, 1));
        counted = true;
      }
      if (Objects.equals(bucket.le(), bound)) {
        next.add(new Bucket(bound, bucket.count() + 1));
        counted = true;
      } else {
        next.add(bucket);
      }
    }
    if (!counted) {
      next.add(new Bucket(bound, 1));
    }
    return new Histogram(next);
  }

  /**
   * The upper bound of the bucket holding the {@code q} quantile, no more than {@code max}: the
   * value is at most that. Null when nothing was counted.
   */
  public Double quantile(double q, double max) {
    long total = buckets.stream().mapToLong(Bucket::count).sum();
    long seen = 0;
    for (Bucket bucket : buckets) {
      seen += bucket.count();
      if (seen >= Math.ceil(q * total) && total > 0) {
        return bucket.le() == null ? max : Math.min(bucket.le(), max);
      }
    }
    return null;
  }

  private static boolean before(Double bound, Double other) {
    return bound != null && (other == null || bound < other);
  }

  private static List<Double> bounds() {
    List<Double> positive = new ArrayList<>();
    for (int exponent = -3; exponent <= 9; exponent++) {
      for (int step : new int[] {1, 2, 5}) {
        positive.add(Double.parseDouble(step + "e" + exponent));
      }
    }
    List<Double> all = new ArrayList<>();
    positive.reversed().forEach(bound -> all.add(-bound));
    all.add(0.0);
    all.addAll(positive);
    return List.copyOf(all);
  }
}
