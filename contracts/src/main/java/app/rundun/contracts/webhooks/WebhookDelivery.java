package app.rundun.contracts.webhooks;

import java.time.Instant;

/**
 * One event to deliver to one run's webhook, published by the run stage in the transaction of the
 * event itself. {@code payload} is the exact body to post; the secret travels encrypted. {@code
 * traceparent} is the W3C trace context of the command that caused the event (null without one),
 * kept in the value so that every attempt, retries included, joins that trace.
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
    String traceparent) {}
