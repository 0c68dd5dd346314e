package app.rundun.contracts.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * An account webhook endpoint as the integrator sees it. {@code secret} is shown once, in the
 * answer that made it (creation or rotation), and is left out everywhere else; {@code
 * previous_secret_expires_at} says until when the secret replaced by the last rotation still signs;
 * {@code failing_since} since when every attempt has failed (null while deliveries succeed); {@code
 * disabled_reason} why Rundun disabled it, if it did and it is still disabled.
 */
public record WebhookEndpointResource(
    String id,
    String object,
    boolean livemode,
    String url,
    List<String> events,
    String description,
    boolean enabled,
    Instant previousSecretExpiresAt,
    Instant failingSince,
    String disabledReason,
    Instant createdAt,
    Instant updatedAt,
    @JsonInclude(JsonInclude.Include.NON_NULL) String secret) {

  /** The same endpoint, showing its new secret this once. */
  public WebhookEndpointResource showing(String plainSecret) {
    return new WebhookEndpointResource(
        id,
        object,
        livemode,
        url,
        events,
        description,
        enabled,
        previousSecretExpiresAt,
        failingSince,
        disabledReason,
        createdAt,
        updatedAt,
        plainSecret);
  }
}
