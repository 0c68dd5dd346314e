package app.rundun.contracts.webhooks;

import app.rundun.contracts.events.RunEventType;
import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An account webhook endpoint: every matching run event of its organisation and mode goes to it.
 * Kept by the organisation stage and published whole to the compacted {@code
 * rundun.webhook-endpoints}, where the dispatcher reads it. Its secrets are sealed ({@link
 * SecretBox}); during a rotation it has more than one, and each delivery is signed with every one
 * not yet expired (Standard Webhooks).
 */
public record WebhookEndpoint(
    String id,
    OrgId orgId,
    Mode mode,
    String url,
    List<RunEventType> events,
    String description,
    boolean enabled,
    List<Secret> secrets,
    Health health,
    Instant createdAt,
    Instant updatedAt) {

  /** Endpoints an organisation may have in each mode, as Stripe allows. */
  public static final int MAX_PER_MODE = 16;

  /** Secrets kept at once: the current one and those still expiring after rotations. */
  public static final int MAX_SECRETS = 5;

  public WebhookEndpoint {
    if (id == null || orgId == null || mode == null || url == null || createdAt == null) {
      throw new IllegalArgumentException("An endpoint needs its id, organisation, mode and url");
    }
    events = events == null ? null : List.copyOf(events);
    secrets = List.copyOf(secrets);
    health = health == null ? Health.UNKNOWN : health;
    if (secrets.isEmpty() || secrets.getFirst().expiresAt() != null) {
      throw new IllegalArgumentException("An endpoint's first secret is its current one");
    }
  }

  /** A sealed secret; {@code expiresAt} null for the current one. */
  public record Secret(String sealed, Instant expiresAt) {}

  /**
   * How deliveries to the endpoint have gone, as the dispatchers report it: since when every
   * attempt failed (null while they succeed), the last success reported, and why Rundun disabled it
   * (null unless it did).
   */
  public record Health(Instant failingSince, Instant lastDeliveredAt, String disabledReason) {
    public static final Health UNKNOWN = new Health(null, null, null);
  }

  /** The endpoint's changes, as a {@code PATCH} gives them: null leaves a field as it is. */
  public record Changes(
      String url,
      List<RunEventType> events,
      Boolean allEvents,
      String description,
      Boolean enabled) {}

  public static WebhookEndpoint create(
      String id, OrgId org, Mode mode, Changes fields, String sealedSecret, Instant now) {
    return new WebhookEndpoint(
        id,
        org,
        mode,
        fields.url(),
        Boolean.TRUE.equals(fields.allEvents()) ? null : fields.events(),
        fields.description(),
        fields.enabled() == null || fields.enabled(),
        List.of(new Secret(sealedSecret, null)),
        Health.UNKNOWN,
        now,
        now);
  }

  public WebhookEndpoint change(Changes changes, Instant now) {
    List<RunEventType> wanted =
        Boolean.TRUE.equals(changes.allEvents())
            ? null
            : changes.events() == null ? events : changes.events();
    return new WebhookEndpoint(
        id,
        orgId,
        mode,
        changes.url() == null ? url : changes.url(),
        wanted,
        changes.description() == null ? description : changes.description(),
        changes.enabled() == null ? enabled : changes.enabled(),
        secrets,
        // Enabling it again starts its health afresh.
        Boolean.TRUE.equals(changes.enabled()) && !enabled ? Health.UNKNOWN : health,
        createdAt,
        now);
  }

  /**
   * A new current secret; the one it replaces keeps signing until {@code oldExpiresAt} ({@code
   * now}: not at all). Secrets already expired are dropped, and the oldest beyond {@link
   * #MAX_SECRETS}.
   */
  public WebhookEndpoint rotate(String sealedSecret, Instant oldExpiresAt, Instant now) {
    List<Secret> kept = new ArrayList<>();
    kept.add(new Secret(sealedSecret, null));
    if (oldExpiresAt.isAfter(now)) {
      kept.add(new Secret(secrets.getFirst().sealed(), oldExpiresAt));
    }
    for (Secret old : secrets.subList(1, secrets.size())) {
      if (old.expiresAt().isAfter(now) && kept.size() < MAX_SECRETS) {
        kept.add(old);
      }
    }
    return new WebhookEndpoint(
        id, orgId, mode, url, events, description, enabled, kept, health, createdAt, now);
  }

  /**
   * After a dispatcher's report that an attempt at {@code at} was delivered: healthy again. A
   * report older than the last failure it would end changes nothing.
   */
  public WebhookEndpoint delivered(Instant at) {
    if (health.failingSince() != null && at.isBefore(health.failingSince())) {
      return this;
    }
    Instant last =
        health.lastDeliveredAt() == null || at.isAfter(health.lastDeliveredAt())
            ? at
            : health.lastDeliveredAt();
    return withHealth(new Health(null, last, health.disabledReason()), enabled);
  }

  /**
   * After a dispatcher's report that an attempt at {@code at} failed: failing since the first such
   * report after the last success; disabled once that is {@code disableAfter} or longer ago.
   */
  public WebhookEndpoint failed(Instant at, Duration disableAfter) {
    if (health.lastDeliveredAt() != null && !at.isAfter(health.lastDeliveredAt())) {
      return this;
    }
    Instant since =
        health.failingSince() == null || at.isBefore(health.failingSince())
            ? at
            : health.failingSince();
    boolean disable = enabled && !since.plus(disableAfter).isAfter(at);
    String reason =
        disable
            ? "Every delivery from " + since + " to " + at + " failed."
            : health.disabledReason();
    return withHealth(new Health(since, health.lastDeliveredAt(), reason), enabled && !disable);
  }

  /** Whether this change is Rundun disabling the endpoint. */
  public boolean disabledSince(WebhookEndpoint before) {
    return before.enabled && !enabled && health.disabledReason() != null;
  }

  private WebhookEndpoint withHealth(Health next, boolean on) {
    return new WebhookEndpoint(
        id, orgId, mode, url, events, description, on, secrets, next, createdAt, updatedAt);
  }

  /** The sealed secrets a delivery made at {@code now} is signed with, the current one first. */
  public List<String> signingSecrets(Instant now) {
    return secrets.stream()
        .filter(secret -> secret.expiresAt() == null || secret.expiresAt().isAfter(now))
        .map(Secret::sealed)
        .toList();
  }

  /**
   * Whether an event of {@code type} raised at {@code eventTime} goes here: the endpoint is
   * enabled, existed then, and wants the type (those listed, or without a list those delivered by
   * default).
   */
  public boolean wants(RunEventType type, Instant eventTime) {
    return enabled
        && !eventTime.isBefore(createdAt)
        && (events == null ? type.deliveredByDefault() : events.contains(type));
  }

  /** The key on the topic and in the store: the organisation's endpoints are one prefix. */
  public String key() {
    return key(orgId, id);
  }

  public static String key(OrgId org, String endpointId) {
    return org.value() + "/" + endpointId;
  }

  public WebhookEndpointResource resource() {
    return new WebhookEndpointResource(
        id,
        "webhook_endpoint",
        mode == Mode.LIVE,
        url,
        events == null ? List.of("*") : events.stream().map(RunEventType::wire).toList(),
        description,
        enabled,
        secrets.size() > 1 ? secrets.get(1).expiresAt() : null,
        health.failingSince(),
        enabled ? null : health.disabledReason(),
        createdAt,
        updatedAt,
        null);
  }
}
