package app.rundun.webhooks.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryPlanTest {

  private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
  private final RetryPlan plan =
      new RetryPlan(
          List.of(
              Duration.ofSeconds(5),
              Duration.ofMinutes(5),
              Duration.ofMinutes(30),
              Duration.ofHours(2),
              Duration.ofHours(5),
              Duration.ofHours(10),
              Duration.ofHours(10)),
          Duration.ofHours(24));

  @Test
  void followsTheScheduleOverAboutADayThenGivesUp() {
    assertThat(plan.attempts()).isEqualTo(8);
    assertThat(plan.next(1, NOW, null)).contains(NOW.plusSeconds(5));
    assertThat(plan.next(7, NOW, null)).contains(NOW.plus(Duration.ofHours(10)));
    assertThat(plan.next(8, NOW, null)).isEmpty();
  }

  @Test
  void honoursALongerRetryAfterUpToTheCap() {
    assertThat(plan.next(1, NOW, Duration.ofMinutes(2))).contains(NOW.plusSeconds(120));
    assertThat(plan.next(2, NOW, Duration.ofSeconds(1))).contains(NOW.plus(Duration.ofMinutes(5)));
    assertThat(plan.next(1, NOW, Duration.ofDays(3))).contains(NOW.plus(Duration.ofHours(24)));
  }
}
