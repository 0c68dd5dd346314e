package app.rundun.ingest.members;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.errors.ErrorCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * At most {@value #ATTEMPTS} failed sign-ins per email and per client address in {@link #WINDOW}.
 * Per API instance: with N instances a guesser gets N times as many tries, still few.
 */
@Component
class SignInLimiter {

  static final int ATTEMPTS = 5;
  static final Duration WINDOW = Duration.ofMinutes(15);

  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
  private final Clock clock;

  SignInLimiter(Clock clock) {
    this.clock = clock;
  }

  void check(String email, String address) {
    if (tooMany("email:" + email) || tooMany("address:" + address)) {
      throw new ApiException(
          ErrorCode.RATE_LIMITED,
          "Too many failed sign-ins; wait a few minutes and try again.",
          null);
    }
  }

  void failed(String email, String address) {
    record("email:" + email);
    record("address:" + address);
  }

  private boolean tooMany(String key) {
    Deque<Instant> recent = failures.get(key);
    if (recent == null) {
      return false;
    }
    synchronized (recent) {
      Instant cutoff = clock.instant().minus(WINDOW);
      while (!recent.isEmpty() && recent.peekFirst().isBefore(cutoff)) {
        recent.pollFirst();
      }
      return recent.size() >= ATTEMPTS;
    }
  }

  private void record(String key) {
    Deque<Instant> recent = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (recent) {
      recent.addLast(clock.instant());
    }
  }
}
