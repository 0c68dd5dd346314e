package app.rundun.contracts.lists;

import app.rundun.contracts.errors.ApiException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * A filter on a timestamp, {@code from} included and {@code until} excluded, either open. Rundun's
 * timestamps are whole seconds, so {@code [gt]}, {@code [gte]}, {@code [lt]} and {@code [lte]} all
 * come down to these two bounds.
 */
public record TimeRange(Instant from, Instant until) {

  public static final TimeRange ANY = new TimeRange(null, null);

  private static final Pattern WHOLE_SECONDS = Pattern.compile("-?\\d{1,12}");

  /**
   * The range a list parameter such as {@code created[gte]=…} asks for: {@code operator} one of
   * {@code gte}, {@code gt}, {@code lte}, {@code lt}, the value an ISO 8601 time ({@code
   * 2026-05-22T08:31:00Z}) or, as Stripe takes it, Unix seconds; 400 naming {@code param}
   * otherwise.
   */
  public static TimeRange parse(String param, String operator, String value) {
    Instant at;
    try {
      at =
          WHOLE_SECONDS.matcher(value).matches()
              ? Instant.ofEpochSecond(Long.parseLong(value))
              : Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiException.invalid(
          param, param + " is a time in ISO 8601 (2026-05-22T08:31:00Z) or Unix seconds.");
    }
    return switch (operator) {
      case "gte" -> new TimeRange(at, null);
      case "gt" -> new TimeRange(at.plusNanos(1), null);
      case "lt" -> new TimeRange(null, at);
      case "lte" -> new TimeRange(null, at.plusNanos(1));
      default -> throw ApiException.invalid(param, "Unknown parameter: " + param + ".");
    };
  }

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
