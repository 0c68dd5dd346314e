package app.rundun.webhooks.dispatch;

import app.rundun.contracts.webhooks.ScheduledDelivery;
import app.rundun.contracts.webhooks.WebhookAttempt;
import app.rundun.contracts.webhooks.WebhookDelivery;
import app.rundun.webhooks.delivery.Attempt;
import java.time.Instant;
import java.util.Optional;

/**
 * What an attempt came to and the delivery's next state ({@code next} null: delivered, nothing left
 * to do). A pure function of the attempt, the time and the retry plan, so each rule is tested
 * without a receiver or a broker.
 */
record Decision(
    int number,
    Instant at,
    Attempt result,
    WebhookAttempt.Outcome outcome,
    ScheduledDelivery next,
    boolean stopsRun) {

  /**
   * After attempt {@code number} of {@code delivery} came back with {@code result} at {@code now}.
   */
  static Decision after(
      WebhookDelivery delivery, int number, Attempt result, Instant now, RetryPlan plan) {
    if (result.succeeded()) {
      return new Decision(number, now, result, WebhookAttempt.Outcome.DELIVERED, null, false);
    }
    if (result.gone() && delivery.endpointId() == null) {
      // 410 Gone: the receiver wants nothing more of this run; later events wait for a redelivery.
      // An account endpoint serves every run, so there a 410 is a failure like any other.
      ScheduledDelivery stop = state(delivery, number, now, ScheduledDelivery.State.STOPPED);
      return new Decision(number, now, result, WebhookAttempt.Outcome.STOPPED, stop, true);
    }
    Optional<Instant> next = plan.next(number, now, result.retryAfter());
    if (next.isEmpty()) {
      return failed(delivery, number, result, now);
    }
    ScheduledDelivery retry =
        new ScheduledDelivery(delivery, number + 1, next.get(), ScheduledDelivery.State.PENDING);
    return new Decision(number, now, result, WebhookAttempt.Outcome.RETRYING, retry, false);
  }

  /** The delivery's secret cannot be opened (the key changed): no attempt can ever succeed. */
  static Decision unopenableSecret(WebhookDelivery delivery, int number, Instant now) {
    return failed(delivery, number, new Attempt(null, 0, "the secret cannot be opened", null), now);
  }

  /** The account endpoint was deleted or disabled since the event: not sent, failed for good. */
  static Decision endpointClosed(WebhookDelivery delivery, int number, Instant now, String how) {
    return failed(
        delivery, number, new Attempt(null, 0, "not sent: the endpoint is " + how, null), now);
  }

  /** An event of a run whose endpoint answered 410: not sent, kept for redelivery. */
  static Decision heldBack(WebhookDelivery delivery, int number, Instant now) {
    Attempt none =
        new Attempt(null, 0, "not sent: the endpoint answered 410 Gone for this run", null);
    ScheduledDelivery stop = state(delivery, number, now, ScheduledDelivery.State.STOPPED);
    return new Decision(number, now, none, WebhookAttempt.Outcome.STOPPED, stop, false);
  }

  /** When the next attempt is due, if one is. */
  Instant nextAttemptAt() {
    return outcome == WebhookAttempt.Outcome.RETRYING ? next.notBefore() : null;
  }

  /** The attempt as the run's log shows it. */
  WebhookAttempt logged(WebhookDelivery delivery) {
    return new WebhookAttempt(
        null,
        delivery.eventId(),
        delivery.runId(),
        delivery.eventType(),
        number,
        at,
        delivery.url(),
        delivery.endpointId(),
        result.status(),
        result.durationMs(),
        result.error(),
        outcome,
        nextAttemptAt());
  }

  private static Decision failed(
      WebhookDelivery delivery, int number, Attempt result, Instant now) {
    ScheduledDelivery failed = state(delivery, number, now, ScheduledDelivery.State.FAILED);
    return new Decision(number, now, result, WebhookAttempt.Outcome.FAILED, failed, false);
  }

  private static ScheduledDelivery state(
      WebhookDelivery delivery, int number, Instant now, ScheduledDelivery.State state) {
    return new ScheduledDelivery(delivery, number, now, state);
  }
}
