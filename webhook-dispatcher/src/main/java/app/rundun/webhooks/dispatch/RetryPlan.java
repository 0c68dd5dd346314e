package app.rundun.webhooks.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When to try again after a failed attempt: the schedule's wait for that attempt, or the receiver's
 * {@code Retry-After} when longer (capped), or never once the schedule is used up.
 */
record RetryPlan(List<Duration> waits, Duration maxRetryAfter) {

  RetryPlan {
    waits = List.copyOf(waits);
  }

  /**
   * The time of attempt {@code attempt + 1}, after attempt {@code attempt} failed at {@code now}.
   */
  Optional<Instant> next(int attempt, Instant now, Duration retryAfter) {
    if (attempt > waits.size()) {
      return Optional.empty();
    }
    Duration wait = waits.get(attempt - 1);
    if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
      wait = retryAfter.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter;
    }
    return Optional.of(now.plus(wait));
  }

  int attempts() {
    return waits.size() + 1;
  }
}
