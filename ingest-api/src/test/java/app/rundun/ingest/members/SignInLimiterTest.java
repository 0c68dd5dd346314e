package app.rundun.ingest.members;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rundun.contracts.errors.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignInLimiterTest {

  private final MovingClock clock = new MovingClock();
  private final SignInLimiter limiter = new SignInLimiter(clock);

  @Test
  void refusesTheSixthFailedSignInOfAnEmailWithinFifteenMinutes() {
    for (int i = 0; i < SignInLimiter.ATTEMPTS; i++) {
      limiter.check("sam@example.com", "10.0.0." + i);
      limiter.failed("sam@example.com", "10.0.0." + i);
    }
    assertThatThrownBy(() -> limiter.check("sam@example.com", "10.0.0.99"))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("Too many failed sign-ins");
    assertThatCode(() -> limiter.check("kim@example.com", "10.0.0.99")).doesNotThrowAnyException();

    clock.now = clock.now.plus(SignInLimiter.WINDOW).plusSeconds(1);
    assertThatCode(() -> limiter.check("sam@example.com", "10.0.0.99")).doesNotThrowAnyException();
  }

  @Test
  void refusesAnAddressThatTriesManyEmails() {
    for (int i = 0; i < SignInLimiter.ATTEMPTS; i++) {
      limiter.failed("guess" + i + "@example.com", "203.0.113.7");
    }
    assertThatThrownBy(() -> limiter.check("new@example.com", "203.0.113.7"))
        .isInstanceOf(ApiException.class);
  }

  /** A clock the test moves. */
  private static final class MovingClock extends Clock {
    private Instant now = Instant.parse("2026-11-29T10:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
