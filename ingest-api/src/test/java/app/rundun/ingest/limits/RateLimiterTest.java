package app.rundun.ingest.limits;

import static org.assertj.core.api.Assertions.assertThat;

import app.rundun.ingest.MovingClock;
import app.rundun.ingest.limits.RateLimiter.Access;
import app.rundun.ingest.limits.RateLimiter.Decision;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  private final MovingClock clock = new MovingClock();
  private final RateLimiter limiter = new RateLimiter(clock);

  @Test
  void aBucketAllowsItsQuotaThenRefusesWithTheWaitUntilTheNextToken() {
    for (int i = 0; i < 5; i++) {
      Decision taken = limiter.take("key:k1", Access.WRITES, 5);
      assertThat(taken.allowed()).isTrue();
      assertThat(taken.remaining()).isEqualTo(4 - i);
      assertThat(taken.policy()).isEqualTo("key-writes");
      assertThat(taken.quota()).isEqualTo(5);
    }
    Decision refused = limiter.take("key:k1", Access.WRITES, 5);
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.retryAfterSeconds()).isEqualTo(1);
    assertThat(refused.remaining()).isZero();
    assertThat(refused.resetSeconds()).isEqualTo(1);
  }

  @Test
  void tokensComeBackEvenlyOverTheSecond() {
    for (int i = 0; i < 10; i++) {
      limiter.take("key:k1", Access.READS, 10);
    }
    assertThat(limiter.take("key:k1", Access.READS, 10).allowed()).isFalse();

    clock.advance(Duration.ofMillis(300));
    assertThat(limiter.take("key:k1", Access.READS, 10).remaining()).isEqualTo(2);
  }

  @Test
  void readsAndWritesAndSubjectsHaveBucketsOfTheirOwn() {
    limiter.take("key:k1", Access.WRITES, 1);
    assertThat(limiter.take("key:k1", Access.WRITES, 1).allowed()).isFalse();

    assertThat(limiter.take("key:k1", Access.READS, 1).allowed()).isTrue();
    assertThat(limiter.take("key:k2", Access.WRITES, 1).allowed()).isTrue();
    assertThat(limiter.take("run:r-1", Access.WRITES, 1).policy()).isEqualTo("run-writes");
  }

  @Test
  void aNewLimitForTheSameKeyStartsAFullBucket() {
    limiter.take("key:k1", Access.WRITES, 1);
    assertThat(limiter.take("key:k1", Access.WRITES, 1).allowed()).isFalse();

    assertThat(limiter.take("key:k1", Access.WRITES, 50).remaining()).isEqualTo(49);
  }
}
