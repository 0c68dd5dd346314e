package app.rundun.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The whole of Kafka stopped for 20 seconds under load. While it is away the API refuses at once
 * with 503 and Retry-After, rather than holding callers for the command timeout; when it is back,
 * every service carries on by itself, and nothing acknowledged before, during or after is lost or
 * doubled.
 */
class BrokerOutageTest {

  private static final Duration OUTAGE = Duration.ofSeconds(20);
  private static final Duration DETECTION = Duration.ofSeconds(5);
  private static final Duration QUICK = Duration.ofSeconds(1);

  @Test
  void theApiAnswers503QuicklyWhileKafkaIsAwayAndRecoversByItselfLosingNothing() throws Exception {
    try (RundunSystem system = TestSystem.startSeparate(null)) {
      Api integrator = TestSystem.newOrganisationWithModes(system, "enterprise")[0];
      try (AcknowledgedLoad load = AcknowledgedLoad.start(integrator, 8)) {
        // Step 1: the load is flowing.
        assertThat(Eventually.holds(Duration.ofSeconds(60), () -> load.completed() >= 20))
            .as("load flowing before the outage")
            .isTrue();

        // Step 2: Kafka goes away for the length of the outage; the load carries on trying.
        long stoppedAt = System.nanoTime();
        system.stopBroker();
        // The outage itself lasts this long; the test is not waiting for anything to happen.
        Thread.sleep(OUTAGE.toMillis());
        int completedDuringOutage = load.completed();
        long restartedAt = System.nanoTime();
        system.restartBroker();

        // Step 3: during the outage, once it was noticed, every refusal was quick and said when to
        // retry.
        List<AcknowledgedLoad.Refusal> inTheGap =
            load.refusals().stream()
                .filter(r -> r.startedAtNanos() > stoppedAt + DETECTION.toNanos())
                .filter(r -> r.startedAtNanos() < restartedAt)
                .toList();
        assertThat(inTheGap).as("requests refused during the outage").hasSizeGreaterThan(50);
        assertThat(inTheGap)
            .allSatisfy(refusal -> {
              assertThat(refusal.status()).isEqualTo(503);
              assertThat(refusal.retryAfter()).isNotBlank();
              assertThat(refusal.body()).contains("\"error\":\"unavailable\"");
              assertThat(Duration.ofNanos(refusal.tookNanos())).isLessThan(QUICK);
            });

        // Step 4: nobody restarts anything; the system recovers and the load flows again.
        assertThat(
                Eventually.holds(
                    Duration.ofSeconds(90), () -> load.completed() >= completedDuringOutage + 40))
            .as("load flowing again after the outage")
            .isTrue();

        // Step 5: every acknowledged run and answer is there exactly once; the count is exact.
        load.finishAndAssertNothingLostOrDoubled();
      }
    }
  }
}
