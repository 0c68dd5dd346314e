package app.rundun.webhooks.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import app.rundun.contracts.kafka.OffsetReader.Position;
import app.rundun.contracts.webhooks.Recovery;
import app.rundun.contracts.webhooks.ScheduledDelivery;
import app.rundun.contracts.webhooks.ScheduledDelivery.State;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class KeptDeliveryTest {

  private static final Instant FAILED_AT = Instant.parse("2026-12-02T10:00:00Z");
  private static final Position AT = new Position(3, 120);

  @Test
  void aRecoveryCoversAFailureOfItsEndpointWithinItsWindow() {
    KeptDelivery failed = kept(State.FAILED);

    assertThat(failed.coveredBy(recovery("org_1", "we-1", FAILED_AT, null)))
        .as("since is inclusive")
        .isTrue();
    assertThat(failed.coveredBy(recovery("org_1", "we-1", FAILED_AT.minusSeconds(60), FAILED_AT)))
        .as("until is exclusive")
        .isFalse();
    assertThat(failed.coveredBy(recovery("org_1", "we-1", FAILED_AT.plusSeconds(1), null)))
        .as("failed before the window")
        .isFalse();
    assertThat(failed.coveredBy(recovery("org_1", "we-2", FAILED_AT, null)))
        .as("another endpoint")
        .isFalse();
    assertThat(failed.coveredBy(recovery("org_2", "we-1", FAILED_AT, null)))
        .as("another organisation")
        .isFalse();
  }

  @Test
  void aRecoveryLeavesWhatIsStillPendingOrStoppedAndTheRunsOwnWebhookAlone() {
    Recovery all = recovery("org_1", "we-1", FAILED_AT.minusSeconds(3600), null);

    assertThat(kept(State.PENDING).coveredBy(all)).isFalse();
    assertThat(kept(State.STOPPED).coveredBy(all)).isFalse();
    assertThat(
            KeptDelivery.of(
                    new ScheduledDelivery(DecisionTest.DELIVERY, 9, FAILED_AT, State.FAILED), AT)
                .coveredBy(all))
        .isFalse();
  }

  @Test
  void onlyItsOwnStateIsTakenForIt() {
    KeptDelivery failed = kept(State.FAILED);

    assertThat(failed.describes(state(State.FAILED))).isTrue();
    assertThat(failed.describes(state(State.PENDING))).isFalse();
    assertThat(failed.describes(null)).as("no longer on the topic").isFalse();
    assertThat(
            failed.describes(
                new ScheduledDelivery(DecisionTest.DELIVERY, 9, FAILED_AT, State.FAILED)))
        .as("another delivery's")
        .isFalse();
  }

  private static KeptDelivery kept(State state) {
    return KeptDelivery.of(state(state), AT);
  }

  private static ScheduledDelivery state(State state) {
    return new ScheduledDelivery(DecisionTest.TO_ENDPOINT, 9, FAILED_AT, state);
  }

  private static Recovery recovery(String org, String endpoint, Instant since, Instant until) {
    return new Recovery(org, endpoint, since, until);
  }
}
