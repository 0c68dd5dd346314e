package app.rundun.processor.idempotency;

import app.rundun.contracts.idempotency.ClaimOutcome;
import java.time.Duration;
import java.time.Instant;

/**
 * One Idempotency-Key: the request that claimed it, when, and once that request has finished, the
 * response to replay.
 */
record KeyClaim(
    String requestHash, Instant claimedAt, Integer status, String body, Instant doneAt) {

  /** A finished request's response is replayed for this long. */
  static final Duration KEPT = Duration.ofHours(24);

  /**
   * A claim never completed nor released frees the key after this: its API instance died, or Kafka
   * went away mid-request so the release could not be recorded. Longer than a request can hold a
   * key: its reads and one command, each bounded by the API's timeouts (10 s by default).
   */
  static final Duration ABANDONED_AFTER = Duration.ofSeconds(30);

  static KeyClaim claim(String requestHash, Instant now) {
    return new KeyClaim(requestHash, now, null, null, null);
  }

  boolean isDone() {
    return status != null;
  }

  /** When the key is forgotten: a day after it was last claimed or completed. */
  Instant endOfLife() {
    return (isDone() ? doneAt : claimedAt).plus(KEPT);
  }

  /** What a new claim of the key by {@code requestHash} gets: null when it may take the key. */
  ClaimOutcome refuse(String otherRequestHash, Instant now) {
    if (!endOfLife().isAfter(now)) {
      return null;
    }
    if (!requestHash.equals(otherRequestHash)) {
      return ClaimOutcome.of(ClaimOutcome.State.OTHER_REQUEST);
    }
    if (isDone()) {
      return ClaimOutcome.done(status, body);
    }
    return claimedAt.plus(ABANDONED_AFTER).isAfter(now)
        ? ClaimOutcome.of(ClaimOutcome.State.IN_FLIGHT)
        : null;
  }

  KeyClaim complete(int responseStatus, String responseBody, Instant now) {
    if (isDone()) {
      throw new IllegalStateException("An Idempotency-Key completes once");
    }
    return new KeyClaim(requestHash, claimedAt, responseStatus, responseBody, now);
  }
}
