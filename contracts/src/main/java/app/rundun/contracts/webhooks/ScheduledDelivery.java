package app.rundun.contracts.webhooks;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * The durable state of a delivery that is not done: the next attempt and when, or that it failed
 * for good. Kept on a compacted topic; a tombstone means delivered.
 */
public record ScheduledDelivery(
    WebhookDelivery delivery, int attempt, Instant notBefore, State state) {

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
