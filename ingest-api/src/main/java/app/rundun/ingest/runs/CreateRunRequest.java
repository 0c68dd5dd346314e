package app.rundun.ingest.runs;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.errors.PrefixedIds;
import app.rundun.contracts.runs.WebhookConfig;
import app.rundun.contracts.templates.TemplateId;
import java.net.URI;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;

/** The body of {@code POST /v1/runs}. */
record CreateRunRequest(
    String templateId, WebhookRequest webhook, Double expiresInHours, String executorRef) {

  static final double MAX_HOURS = 24 * 365;
  static final int MAX_REF = 200;

  TemplateId template() {
    if (templateId == null) {
      throw ApiException.invalid("template_id", "template_id is required.");
    }
    if (!PrefixedIds.isValid("t", templateId)) {
      throw ApiException.invalid("template_id", "template_id is a template id, t-{uuid}.");
    }
    return new TemplateId(templateId);
  }

  /** Seconds until the link expires, or null for no expiry; fractional hours allowed. */
  Long expiresInSeconds() {
    if (expiresInHours == null) {
      return null;
    }
    if (expiresInHours.isNaN() || expiresInHours <= 0 || expiresInHours > MAX_HOURS) {
      throw ApiException.invalid(
          "expires_in_hours", "expires_in_hours is a number of hours above 0 and up to 8760.");
    }
    return Math.max(1L, Math.round(expiresInHours * 3600));
  }

  String reference() {
    if (executorRef != null && (executorRef.isEmpty() || executorRef.length() > MAX_REF)) {
      throw ApiException.invalid(
          "executor_ref", "executor_ref is 1 to " + MAX_REF + " characters when given.");
    }
    return executorRef;
  }

  WebhookConfig webhookConfig() {
    return webhook == null ? null : webhook.validate();
  }

  /** Where and what to deliver for this run. */
  record WebhookRequest(String url, String secret, List<String> events) {

    WebhookConfig validate() {
      if (url == null || url.length() > 2048) {
        throw ApiException.invalid("webhook.url", "webhook.url is required, up to 2048 chars.");
      }
      try {
        URI uri = new URI(url);
        String scheme = uri.getScheme();
        if (scheme == null
            || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))
            || uri.getHost() == null) {
          throw ApiException.invalid("webhook.url", "webhook.url is an http or https URL.");
        }
      } catch (java.net.URISyntaxException e) {
        throw ApiException.invalid("webhook.url", "webhook.url is not a valid URL.");
      }
      if (secret != null) {
        boolean valid = secret.startsWith("whsec_") && secret.length() > 6;
        try {
          valid = valid && Base64.getDecoder().decode(secret.substring(6)).length > 0;
        } catch (IllegalArgumentException e) {
          valid = false;
        }
        if (!valid) {
          throw ApiException.invalid(
              "webhook.secret", "webhook.secret is whsec_ followed by base64.");
        }
      }
      if (events != null) {
        if (events.isEmpty() || new HashSet<>(events).size() != events.size()) {
          throw ApiException.invalid(
              "webhook.events", "webhook.events lists distinct event types; omit it for all.");
        }
        for (String event : events) {
          if (!WebhookConfig.EVENT_TYPES.contains(event)) {
            throw ApiException.invalid(
                "webhook.events",
                "Unknown event type " + event + "; known: " + WebhookConfig.EVENT_TYPES + ".");
          }
        }
      }
      return new WebhookConfig(url, secret, events == null ? null : List.copyOf(events));
    }
  }
}
