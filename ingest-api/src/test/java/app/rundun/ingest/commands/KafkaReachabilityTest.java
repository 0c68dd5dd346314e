package app.rundun.ingest.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.errors.ErrorCode;
import app.rundun.ingest.MovingClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class KafkaReachabilityTest {

  private final MovingClock clock = new MovingClock();
  private boolean answering = true;

  private final KafkaReachability reachability =
      new KafkaReachability(
          new KafkaReachability.Probe() {
            @Override
            public void contact() {
              if (!answering) {
                throw new IllegalStateException("no broker");
              }
            }

            @Override
            public void close() {}
          },
          clock,
          Duration.ofSeconds(3));

  @Test
  void oneUnansweredProbeIsNotAnOutage() {
    answering = false;
    clock.advance(Duration.ofSeconds(1));
    reachability.probeOnce();

    assertThat(reachability.reachable()).isTrue();
    reachability.ensureReachable();
  }

  @Test
  void refusesCommandsOnceKafkaHasBeenSilentLongerThanTheGracePeriod() {
    answering = false;
    for (int i = 0; i < 7; i++) {
      clock.advance(Duration.ofMillis(500));
      reachability.probeOnce();
    }

    assertThat(reachability.reachable()).isFalse();
    assertThatThrownBy(reachability::ensureReachable)
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE));
  }

  @Test
  void acceptsCommandsAgainWithTheFirstAnsweredProbe() {
    answering = false;
    clock.advance(Duration.ofSeconds(10));
    reachability.probeOnce();
    assertThat(reachability.reachable()).isFalse();

    answering = true;
    reachability.probeOnce();

    assertThat(reachability.reachable()).isTrue();
  }
}
