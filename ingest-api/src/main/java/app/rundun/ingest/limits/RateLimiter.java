package app.rundun.ingest.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Token buckets by subject (an API key, a run, a client address) and access, held in memory for as
 * long as they are used: a bucket idle for {@link #IDLE} is full again anyway, so it is forgotten,
 * and at most {@link #MAX_BUCKETS} are held, so a flood of addresses cannot exhaust it.
 */
final class RateLimiter {

  static final Duration IDLE = Duration.ofMinutes(2);
  static final int MAX_BUCKETS = 200_000;
  private static final long NANOS = 1_000_000_000L;

  enum Access {
    READS,
    WRITES;

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** One bucket's answer: the policy as the headers name it, and what is left. */
  record Decision(
      String policy, int quota, long remaining, long resetSeconds, long retryAfterSeconds) {

    boolean allowed() {
      return retryAfterSeconds == 0;
    }
  }

  private final Cache<String, Bucket> buckets;
  private final TimeMeter time;

  RateLimiter(Clock clock) {
    this.time = new ClockTime(clock);
    this.buckets = Caffeine.newBuilder().maximumSize(MAX_BUCKETS).expireAfterAccess(IDLE).build();
  }

  /** Takes one token from the subject's bucket of {@code perSecond} for this access. */
  Decision take(String subject, Access access, int perSecond) {
    String policy = subject.substring(0, subject.indexOf(':')) + "-" + access.label();
    Bucket bucket =
        buckets.get(
            subject + "|" + access + "|" + perSecond,
            key ->
                Bucket.builder()
                    .addLimit(limit ->
                        limit.capacity(perSecond).refillGreedy(perSecond, Duration.ofSeconds(1)))
                    .withCustomTimePrecision(time)
                    .build());
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    return new Decision(
        policy,
        perSecond,
        probe.getRemainingTokens(),
        seconds(probe.getNanosToWaitForReset()),
        probe.isConsumed() ? 0 : Math.max(1, seconds(probe.getNanosToWaitForRefill())));
  }

  private static long seconds(long nanos) {
    return (nanos + NANOS - 1) / NANOS;
  }

  /** Bucket4j's time, read from the injected clock. */
  private record ClockTime(Clock clock) implements TimeMeter {
    @Override
    public long currentTimeNanos() {
      Instant now = clock.instant();
      return now.getEpochSecond() * NANOS + now.getNano();
    }

    @Override
    public boolean isWallClockBased() {
      return true;
    }
  }
}
