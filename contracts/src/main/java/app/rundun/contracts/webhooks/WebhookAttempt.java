package app.rundun.contracts.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One delivery attempt, as the integrator reads it. {@code id} names it in its run's log (the
 * cursor of the log's pages); the dispatcher sends it without one and the log gives it. {@code
 * endpointId} names the account endpoint it went to, null for the run's own webhook.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record WebhookAttempt(
    String id,
    String eventId,
    String runId,
    String eventType,
    int attempt,
    Instant at,
    String url,
    String endpointId,
    Integer statusCode,
    long durationMs,
    String error,
    Outcome outcome,
    Instant nextAttemptAt) {

  /** This attempt, named in its run's log. */
  public WebhookAttempt withId(String logId) {
    return new WebhookAttempt(
        logId,
        eventId,
        runId,
        eventType,
        attempt,
        at,
        url,
        endpointId,
        statusCode,
        durationMs,
        error,
        outcome,
        nextAttemptAt);
  }

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
