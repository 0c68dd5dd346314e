package app.rundun.contracts.webhooks;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * The durable state of a delivery that is not done: the next attempt and when ({@code notBefore}),
 * or that it failed for good or was stopped ({@code notBefore} is then when). Kept on a compacted
 * topic; a tombstone means delivered.
 */
public record ScheduledDelivery(
    WebhookDelivery delivery, int attempt, Instant notBefore, State state) {

  /** The delivery once more from its first attempt, due at {@code now}: a redelivery. */
  public ScheduledDelivery again(Instant now) {
    return new ScheduledDelivery(delivery, 1, now, State.PENDING);
  }

  /** Where a delivery stands. */
  public enum State {
    @JsonProperty("pending")
    PENDING,
    @JsonProperty("failed")
    FAILED,
    @JsonProperty("stopped")
    STOPPED
  }
}
