package app.rundun.ingest.members;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rundun.contracts.errors.ApiException;
import app.rundun.ingest.MovingClock;
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

    clock.advance(SignInLimiter.WINDOW.plusSeconds(1));
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
}
