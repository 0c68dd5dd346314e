package app.rundun.contracts.webhooks;

import app.rundun.contracts.events.RunEventType;
import java.util.List;

/**
 * Where and what to deliver for one run. The secret is sealed ({@code SecretBox}) before it is
 * published, so it is never in clear in Kafka, and never leaves commands, state and deliveries.
 */
public record WebhookConfig(String url, String sealedSecret, List<RunEventType> events) {

  public WebhookConfig {
    events = events == null ? null : List.copyOf(events);
  }

  /**
   * Whether this webhook wants events of the type: those it lists, or without a filter every type
   * delivered by default (not the opt-in {@code run.created}).
   */
  public boolean wants(RunEventType type) {
    return events == null ? type.deliveredByDefault() : events.contains(type);
  }
}
