package app.rundun.contracts.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** One delivery attempt, as the integrator reads it. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record WebhookAttempt(
    String eventId,
    String runId,
    String eventType,
    int attempt,
    Instant at,
    String url,
    Integer statusCode,
    long durationMs,
    String error,
    Outcome outcome,
    Instant nextAttemptAt) {

  /** What the attempt led to. */
  public enum Outcome {
    @JsonProperty("delivered")
    DELIVERED,
    @JsonProperty("retrying")
    RETRYING,
    @JsonProperty("failed")
    FAILED,
    @JsonProperty("stopped")
    STOPPED
  }
}
