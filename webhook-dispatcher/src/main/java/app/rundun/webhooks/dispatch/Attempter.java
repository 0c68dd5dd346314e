package app.rundun.webhooks.dispatch;

import app.rundun.contracts.media.MediaUrlSigner;
import app.rundun.contracts.media.PhotoLinks;
import app.rundun.contracts.webhooks.AddressPolicy;
import app.rundun.contracts.webhooks.SecretBox;
import app.rundun.contracts.webhooks.WebhookAttempt;
import app.rundun.contracts.webhooks.WebhookDelivery;
import app.rundun.contracts.webhooks.WebhookEndpoint;
import app.rundun.webhooks.DispatcherProperties;
import app.rundun.webhooks.delivery.Attempt;
import app.rundun.webhooks.delivery.AttemptTracing;
import app.rundun.webhooks.delivery.HttpDeliverer;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Makes one attempt of a delivery over HTTP, signed and traced, and decides what it came to. */
final class Attempter implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Attempter.class);

  private final Clock clock;
  private final SecretBox secrets;
  private final RetryPlan plan;
  private final HttpDeliverer deliverer;
  private final PhotoLinks photoLinks;
  private final AttemptTracing tracing;
  private final EndpointDirectory endpoints;
  private final EndpointHealthReports health;

  Attempter(
      DispatcherProperties properties,
      Clock clock,
      EndpointDirectory endpoints,
      EndpointHealthReports health,
      AttemptTracing tracing) {
    this.clock = clock;
    this.endpoints = endpoints;
    this.health = health;
    this.tracing = tracing;
    this.secrets = new SecretBox(properties.webhookSecretKey());
    this.plan = new RetryPlan(properties.webhookRetrySchedule(), properties.webhookMaxRetryAfter());
    AddressPolicy policy = AddressPolicy.of(properties.webhookAllowedCidrs());
    if (!policy.allowed().isEmpty()) {
      log.warn("Webhooks may reach these non-public blocks, as configured: {}", policy.allowed());
    }
    this.deliverer =
        new HttpDeliverer(
            policy, properties.webhookTimeout(), properties.webhookConcurrency(), clock);
    this.photoLinks =
        new PhotoLinks(
            new MediaUrlSigner(
                properties.publicBaseUrl(),
                properties.mediaSigningSecret(),
                properties.mediaUrlTtl(),
                clock));
  }

  /** Attempt {@code number} of {@code delivery}; blocks for the receiver's answer. */
  Decision attempt(WebhookDelivery delivery, int number) {
    String url = delivery.url();
    List<String> sealed = List.of(String.valueOf(delivery.encryptedSecret()));
    Optional<WebhookEndpoint> endpoint = Optional.empty();
    if (delivery.endpointId() != null) {
      // An endpoint's address and secrets are those it has now: a rotation or a new address
      // applies to retries too.
      endpoint = endpoints.endpoint(delivery.orgId(), delivery.endpointId());
      if (endpoint.isEmpty() || !endpoint.get().enabled()) {
        return Decision.endpointClosed(
            delivery, number, clock.instant(), endpoint.isEmpty() ? "deleted" : "disabled");
      }
      url = endpoint.get().url();
      sealed = endpoint.get().signingSecrets(clock.instant());
    }
    List<String> opened;
    try {
      opened = sealed.stream().map(secrets::open).toList();
    } catch (IllegalArgumentException e) {
      return Decision.unopenableSecret(delivery, number, clock.instant());
    }
    Decision decision = post(delivery, number, url, opened);
    endpoint.ifPresent(to ->
        health.attempted(
            to, decision.outcome() == WebhookAttempt.Outcome.DELIVERED, decision.at()));
    return decision;
  }

  private Decision post(WebhookDelivery delivery, int number, String url, List<String> opened) {
    // Photo links are signed for this attempt: a retry a day after the event still sends live ones.
    String body = photoLinks.mintBody(delivery.payload());
    Attempt result =
        tracing.around(
            delivery.traceparent(),
            delivery.eventType(),
            headers -> deliverer.post(url, opened, delivery.eventId(), body, headers));
    return Decision.after(delivery, number, result, clock.instant(), plan);
  }

  @Override
  public void close() throws IOException {
    deliverer.close();
  }
}
