package app.rundun.contracts.webhooks;

import java.time.Instant;

/**
 * One event to deliver to one run's webhook, published by the run stage in the transaction of the
 * event itself. {@code payload} is the exact body to post; the secret travels encrypted.
 */
public record WebhookDelivery(
    String eventId,
    String runId,
    String orgId,
    String eventType,
    String url,
    String encryptedSecret,
    String payload,
    Instant createdAt) {}
