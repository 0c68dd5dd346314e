package app.rundun.contracts.runs;

import java.util.List;

/**
 * Where and what to deliver for one run. The secret is sealed ({@code SecretBox}) before it is
 * published, so it is never in clear in Kafka, and never leaves commands, state and deliveries.
 */
public record WebhookConfig(String url, String sealedSecret, List<String> events) {

  public static final List<String> EVENT_TYPES =
      List.of(
          "run.opened",
          "step.completed",
          "run.updated",
          "run.completed",
          "run.cancelled",
          "run.expired");

  /** Whether this webhook wants events of the type; no filter means every type. */
  public boolean wants(String eventType) {
    return events == null || events.contains(eventType);
  }
}
