package app.rundun.webhooks.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import app.rundun.contracts.webhooks.WebhookAttempt;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DispatchMetricsTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private Instant now = Instant.parse("2026-12-02T10:00:00Z");
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };
  private final DispatchMetrics metrics = new DispatchMetrics(registry, clock);

  @Test
  void attemptsAreCountedByOutcomeAndHost() {
    metrics.attempted("hooks.example.com", WebhookAttempt.Outcome.DELIVERED, Duration.ofMillis(40));
    metrics.attempted("hooks.example.com", WebhookAttempt.Outcome.RETRYING, Duration.ofMillis(9));
    metrics.attempted("hooks.example.com", WebhookAttempt.Outcome.DELIVERED, Duration.ofMillis(20));

    assertThat(
            registry
                .get("rundun.webhook.attempts")
                .tags("outcome", "delivered", "host", "hooks.example.com")
                .timer()
                .count())
        .isEqualTo(2);
    assertThat(registry.get("rundun.webhook.attempts").tag("outcome", "retrying").timer().count())
        .isEqualTo(1);
  }

  @Test
  void hostsBeyondTheBoundShareOneLabel() {
    IntStream.range(0, DispatchMetrics.MAX_HOSTS + 20)
        .forEach(i ->
            metrics.attempted(
                "h" + i + ".example.com", WebhookAttempt.Outcome.FAILED, Duration.ofMillis(1)));

    List<String> hosts = new ArrayList<>();
    registry
        .get("rundun.webhook.attempts")
        .timers()
        .forEach(t -> hosts.add(t.getId().getTag("host")));
    assertThat(hosts).hasSize(DispatchMetrics.MAX_HOSTS + 1).contains(DispatchMetrics.OTHER);
    assertThat(registry.get("rundun.webhook.attempts").tag("host", "other").timer().count())
        .isEqualTo(20);
  }

  @Test
  void pendingRetriesAreCountedPerHostAndFallBackToZero() {
    metrics.refreshPending(() -> List.of("a.example.com", "a.example.com", "b.example.com"));
    assertThat(pending("a.example.com")).isEqualTo(2);
    assertThat(pending("b.example.com")).isEqualTo(1);

    now = now.plusSeconds(10);
    metrics.refreshPending(() -> List.of("b.example.com"));
    assertThat(pending("a.example.com")).isZero();
    assertThat(pending("b.example.com")).isEqualTo(1);
  }

  @Test
  void theSharedHostLabelShowsZeroPendingBeforeAnyRetry() {
    assertThat(pending(DispatchMetrics.OTHER)).isZero();
  }

  @Test
  void aRefreshWithinFiveSecondsOfTheLastDoesNotCountAgain() {
    metrics.refreshPending(() -> List.of("a.example.com"));
    metrics.refreshPending(() -> {
      throw new AssertionError("counted again too soon");
    });
    assertThat(pending("a.example.com")).isEqualTo(1);
  }

  private double pending(String host) {
    return registry.get("rundun.webhook.retries.pending").tag("host", host).gauge().value();
  }
}
