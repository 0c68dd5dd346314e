package app.rundun.ingest.runs;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.errors.PrefixedIds;
import app.rundun.contracts.events.RunEventType;
import app.rundun.contracts.runs.Metadata;
import app.rundun.contracts.runs.Prefill;
import app.rundun.contracts.templates.TemplateId;
import app.rundun.contracts.webhooks.AddressPolicy;
import app.rundun.contracts.webhooks.SecretBox;
import app.rundun.contracts.webhooks.WebhookConfig;
import app.rundun.ingest.webhooks.WebhookFields;
import java.util.List;
import java.util.Map;

/** The body of {@code POST /v1/runs}. */
record CreateRunRequest(
    String templateId,
    WebhookRequest webhook,
    Double expiresInHours,
    String executorRef,
    Map<String, String> metadata,
    Map<String, Prefill> prefill) {

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

  /** The integrator's key-value pairs; a key given an empty string is left out, as in Stripe. */
  Metadata validMetadata() {
    return Metadata.NONE.with(metadata);
  }

  /** The validated webhook, its secret sealed; one is made when none is given. */
  Webhook webhook(AddressPolicy policy, SecretBox box) {
    return webhook == null ? null : webhook.validate(policy, box);
  }

  /** A webhook ready to store, and the secret to show once if Rundun made it. */
  record Webhook(WebhookConfig config, String generatedSecret) {}

  /** Where and what to deliver for this run. */
  record WebhookRequest(String url, String secret, List<String> events) {

    Webhook validate(AddressPolicy policy, SecretBox box) {
      String to = WebhookFields.url(url, "webhook.url", policy);
      String plain = WebhookFields.secretOrNew(secret, "webhook.secret");
      List<RunEventType> wanted = WebhookFields.events(events, "webhook.events");
      return new Webhook(
          new WebhookConfig(to, box.seal(plain), wanted), secret == null ? plain : null);
    }
  }
}
