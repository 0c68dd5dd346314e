package app.rundun.contracts.lists;

import java.time.Instant;

/**
 * A filter on a timestamp, {@code from} included and {@code until} excluded, either open. Rundun's
 * timestamps are whole seconds, so {@code [gt]}, {@code [gte]}, {@code [lt]} and {@code [lte]} all
 * come down to these two bounds.
 */
public record TimeRange(Instant from, Instant until) {

  public static final TimeRange ANY = new TimeRange(null, null);

  public boolean contains(Instant at) {
    return at != null
        && (from == null || !at.isBefore(from))
        && (until == null || at.isBefore(until));
  }

  /** The range narrowed to what it and {@code other} share. */
  public TimeRange and(TimeRange other) {
    return new TimeRange(later(from, other.from), earlier(until, other.until));
  }

  private static Instant later(Instant a, Instant b) {
    return a == null ? b : b == null || a.isAfter(b) ? a : b;
  }

  private static Instant earlier(Instant a, Instant b) {
    return a == null ? b : b == null || a.isBefore(b) ? a : b;
  }
}
