package app.rundun.webhooks.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import app.rundun.contracts.webhooks.ScheduledDelivery;
import app.rundun.contracts.webhooks.WebhookAttempt;
import app.rundun.contracts.webhooks.WebhookDelivery;
import app.rundun.webhooks.delivery.Attempt;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionTest {

  private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
  private static final RetryPlan PLAN =
      new RetryPlan(List.of(Duration.ofSeconds(5), Duration.ofMinutes(5)), Duration.ofHours(1));
  static final WebhookDelivery DELIVERY =
      new WebhookDelivery(
          "evt_1",
          "run_1",
          "org_1",
          "step.completed",
          "https://hooks.example.com/rundun",
          "sealed",
          "{}",
          NOW,
          null,
          null);

  static final WebhookDelivery TO_ENDPOINT =
      new WebhookDelivery(
          "evt_1",
          "run_1",
          "org_1",
          "step.completed",
          "https://hooks.example.com/account",
          null,
          "{}",
          NOW,
          null,
          "we-1");

  @Test
  void aTwoHundredIsDeliveredWithNothingLeftToDo() {
    Decision decision = Decision.after(DELIVERY, 1, answered(204), NOW, PLAN);

    assertThat(decision.outcome()).isEqualTo(WebhookAttempt.Outcome.DELIVERED);
    assertThat(decision.next()).isNull();
    assertThat(decision.nextAttemptAt()).isNull();
  }

  @Test
  void aFailureIsRetriedByThePlanAndTheLogSaysWhen() {
    Decision decision = Decision.after(DELIVERY, 1, answered(503), NOW, PLAN);

    assertThat(decision.outcome()).isEqualTo(WebhookAttempt.Outcome.RETRYING);
    assertThat(decision.next().attempt()).isEqualTo(2);
    assertThat(decision.next().state()).isEqualTo(ScheduledDelivery.State.PENDING);
    assertThat(decision.next().notBefore()).isEqualTo(NOW.plusSeconds(5));
    assertThat(decision.logged(DELIVERY).nextAttemptAt()).isEqualTo(NOW.plusSeconds(5));
    assertThat(decision.logged(DELIVERY).statusCode()).isEqualTo(503);
  }

  @Test
  void theLastAttemptOfThePlanFailsForGood() {
    Decision decision = Decision.after(DELIVERY, 3, answered(500), NOW, PLAN);

    assertThat(decision.outcome()).isEqualTo(WebhookAttempt.Outcome.FAILED);
    assertThat(decision.next().state()).isEqualTo(ScheduledDelivery.State.FAILED);
    assertThat(decision.nextAttemptAt()).isNull();
  }

  @Test
  void aGoneStopsTheRunAndIsKeptForRedelivery() {
    Decision decision = Decision.after(DELIVERY, 2, answered(410), NOW, PLAN);

    assertThat(decision.outcome()).isEqualTo(WebhookAttempt.Outcome.STOPPED);
    assertThat(decision.stopsRun()).isTrue();
    assertThat(decision.next().state()).isEqualTo(ScheduledDelivery.State.STOPPED);
  }

  @Test
  void anEventOfAStoppedRunIsHeldBackWithoutBeingSent() {
    Decision decision = Decision.heldBack(DELIVERY, 1, NOW);

    assertThat(decision.outcome()).isEqualTo(WebhookAttempt.Outcome.STOPPED);
    assertThat(decision.stopsRun()).as("the run was stopped already").isFalse();
    assertThat(decision.result().status()).isNull();
    assertThat(decision.result().error()).contains("410");
  }

  @Test
  void aSecretThatCannotBeOpenedFailsAtOnceWhateverThePlan() {
    Decision decision = Decision.unopenableSecret(DELIVERY, 1, NOW);

    assertThat(decision.outcome()).isEqualTo(WebhookAttempt.Outcome.FAILED);
    assertThat(decision.logged(DELIVERY).error()).isEqualTo("the secret cannot be opened");
  }

  @Test
  void aGoneFromAnAccountEndpointIsRetriedLikeAnyFailureAndStopsNoRun() {
    Decision decision = Decision.after(TO_ENDPOINT, 1, answered(410), NOW, PLAN);

    assertThat(decision.outcome()).isEqualTo(WebhookAttempt.Outcome.RETRYING);
    assertThat(decision.stopsRun()).isFalse();
    assertThat(decision.logged(TO_ENDPOINT).endpointId()).isEqualTo("we-1");
  }

  @Test
  void aDeliveryToAnEndpointDeletedSinceFailsWithoutBeingSent() {
    Decision decision = Decision.endpointClosed(TO_ENDPOINT, 3, NOW, "deleted");

    assertThat(decision.outcome()).isEqualTo(WebhookAttempt.Outcome.FAILED);
    assertThat(decision.next().state()).isEqualTo(ScheduledDelivery.State.FAILED);
    assertThat(decision.result().status()).isNull();
    assertThat(decision.result().error()).isEqualTo("not sent: the endpoint is deleted");
  }

  private static Attempt answered(int status) {
    return new Attempt(status, 12, status < 300 ? null : "HTTP " + status, null);
  }
}
