package app.rundun.ingest.webhooks;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.events.RunEventType;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.contracts.webhooks.AddressPolicy;
import app.rundun.contracts.webhooks.Recovery;
import app.rundun.contracts.webhooks.WebhookEndpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The bodies of the {@code /v1/webhook_endpoints} calls, each checked whole before it is sent. */
final class EndpointRequests {

  static final int MAX_DESCRIPTION = 500;
  static final long DEFAULT_PREVIOUS_SECRET_SECONDS = Duration.ofHours(24).toSeconds();
  static final long MAX_PREVIOUS_SECRET_SECONDS = Duration.ofDays(7).toSeconds();

  private EndpointRequests() {}

  /** {@code POST /v1/webhook_endpoints}. */
  record Create(
      String url, List<String> events, String description, Boolean enabled, String secret) {

    WebhookEndpoint.Changes fields(AddressPolicy policy) {
      return checked(WebhookFields.url(url, "url", policy), events, description, enabled);
    }
  }

  /** {@code PATCH /v1/webhook_endpoints/:id}: what is left out stays as it is. */
  record Update(String url, List<String> events, String description, Boolean enabled) {

    WebhookEndpoint.Changes changes(AddressPolicy policy) {
      return checked(
          url == null ? null : WebhookFields.url(url, "url", policy), events, description, enabled);
    }
  }

  /** The fields besides the address, which is checked (it resolves the host) once, before. */
  private static WebhookEndpoint.Changes checked(
      String checkedUrl, List<String> events, String description, Boolean enabled) {
    if (description != null && description.length() > MAX_DESCRIPTION) {
      throw ApiException.invalid(
          "description", "description is up to " + MAX_DESCRIPTION + " characters.");
    }
    boolean all = events != null && events.equals(List.of(WebhookFields.ALL_EVENTS));
    List<RunEventType> wanted = all ? null : WebhookFields.events(events, "events");
    return new WebhookEndpoint.Changes(checkedUrl, wanted, all, description, enabled);
  }

  /** {@code POST /v1/webhook_endpoints/:id/rotate_secret}; the body may be left out. */
  record Rotate(Long previousSecretExpiresIn, String secret) {

    long previousSecretSeconds() {
      if (previousSecretExpiresIn == null) {
        return DEFAULT_PREVIOUS_SECRET_SECONDS;
      }
      if (previousSecretExpiresIn < 0 || previousSecretExpiresIn > MAX_PREVIOUS_SECRET_SECONDS) {
        throw ApiException.invalid(
            "previous_secret_expires_in",
            "previous_secret_expires_in is seconds from 0 (at once) to "
                + MAX_PREVIOUS_SECRET_SECONDS
                + " (7 days).");
      }
      return previousSecretExpiresIn;
    }
  }

  /** {@code POST /v1/webhook_endpoints/:id/recover}: the window the failures fell in. */
  record Recover(Instant since, Instant until) {

    Recovery recovery(OrgId org, String endpointId, Instant now) {
      if (since == null) {
        throw ApiException.invalid("since", "since is required: when the window starts.");
      }
      if (since.isAfter(now)) {
        throw ApiException.invalid("since", "since is in the future.");
      }
      if (until != null && !until.isAfter(since)) {
        throw ApiException.invalid("until", "until is after since, or left out for now.");
      }
      return new Recovery(org.value(), endpointId, since, until);
    }
  }

  /** The answer to a recovery: on its way to the dispatchers. */
  record RecoveryAccepted(
      String object, String endpointId, Instant since, Instant until, String status) {

    static RecoveryAccepted of(Recovery recovery) {
      return new RecoveryAccepted(
          "webhook_endpoint_recovery",
          recovery.endpointId(),
          recovery.since(),
          recovery.until(),
          "scheduled");
    }
  }
}
