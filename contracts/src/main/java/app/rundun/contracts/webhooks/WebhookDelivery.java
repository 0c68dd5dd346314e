package app.rundun.contracts.webhooks;

import app.rundun.contracts.events.RunEvent;
import app.rundun.contracts.json.Json;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One event to deliver to one webhook: the run's own (published by the run stage in the transaction
 * of the event itself, its secret sealed in {@code encryptedSecret}) or an account endpoint ({@code
 * endpointId}; made by the dispatcher from the event topic, its secrets and address looked up at
 * each attempt, so a rotation or a new address applies to retries too). {@code payload} is the
 * exact body to post. {@code traceparent} is the W3C trace context of the command that caused the
 * event (null without one), kept so that every attempt, retries included, joins that trace.
 */
public record WebhookDelivery(
    String eventId,
    String runId,
    String orgId,
    String eventType,
    String url,
    String encryptedSecret,
    String payload,
    Instant createdAt,
    String traceparent,
    String endpointId) {

  private static final char ENDPOINT_SEPARATOR = '@';

  /** The event, for the run's own webhook. */
  public static WebhookDelivery toRunWebhook(
      RunEvent event, WebhookConfig webhook, String traceparent) {
    return new WebhookDelivery(
        event.id(),
        event.subject(),
        event.rundunorg(),
        event.type(),
        webhook.url(),
        webhook.sealedSecret(),
        body(event),
        event.time(),
        traceparent,
        null);
  }

  /** The event, for an account endpoint. */
  public static WebhookDelivery toEndpoint(
      RunEvent event, WebhookEndpoint endpoint, String traceparent) {
    return new WebhookDelivery(
        event.id(),
        event.subject(),
        event.rundunorg(),
        event.type(),
        endpoint.url(),
        null,
        body(event),
        event.time(),
        traceparent,
        endpoint.id());
  }

  /**
   * The Standard Webhooks body, {@code {"type", "timestamp", "data"}}: the same event as the
   * CloudEvent on the topic, made in one place for both kinds of webhook.
   */
  public static String body(RunEvent event) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", event.type());
    body.put("timestamp", event.time());
    body.put("data", event.data());
    return Json.mapper().writeValueAsString(body);
  }

  /** Which delivery of the event this is, among those to the run webhook and to endpoints. */
  public String slot() {
    return endpointId == null ? eventId : eventId + ENDPOINT_SEPARATOR + endpointId;
  }

  /**
   * Where it goes, for one run: the run's webhook or one endpoint. First attempts to one target go
   * one at a time, in the order of the run's events.
   */
  public String target() {
    return endpointId == null ? runId : runId + ENDPOINT_SEPARATOR + endpointId;
  }

  /** The host it is posted to, lower case: attempts to one host are bounded together. */
  public String host() {
    String host = URI.create(url).getHost();
    return host == null ? url : host.toLowerCase(Locale.ROOT);
  }

  /** The run a {@link #target()} belongs to. */
  public static String runOfTarget(String target) {
    int separator = target.indexOf(ENDPOINT_SEPARATOR);
    return separator < 0 ? target : target.substring(0, separator);
  }
}
