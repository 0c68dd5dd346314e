package app.rundun.contracts.commands;

import app.rundun.contracts.organisations.ApiKeyScope;
import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.contracts.organisations.Plan;
import app.rundun.contracts.runs.Metadata;
import app.rundun.contracts.runs.Prefill;
import app.rundun.contracts.runs.RunId;
import app.rundun.contracts.templates.TemplateDraft;
import app.rundun.contracts.templates.TemplateId;
import app.rundun.contracts.webhooks.WebhookConfig;
import app.rundun.contracts.webhooks.WebhookEndpoint;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A command on an organisation's state, keyed by its org id on {@code rundun.org-commands}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = OrgCommand.CreateOrganisation.class, name = "create_organisation"),
  @JsonSubTypes.Type(value = OrgCommand.ChangePlan.class, name = "change_plan"),
  @JsonSubTypes.Type(value = OrgCommand.AddRunPack.class, name = "add_run_pack"),
  @JsonSubTypes.Type(value = OrgCommand.IssueApiKey.class, name = "issue_api_key"),
  @JsonSubTypes.Type(value = OrgCommand.RevokeApiKey.class, name = "revoke_api_key"),
  @JsonSubTypes.Type(value = OrgCommand.RollApiKey.class, name = "roll_api_key"),
  @JsonSubTypes.Type(value = OrgCommand.TouchApiKey.class, name = "touch_api_key"),
  @JsonSubTypes.Type(value = OrgCommand.CreateTemplate.class, name = "create_template"),
  @JsonSubTypes.Type(value = OrgCommand.UpdateTemplate.class, name = "update_template"),
  @JsonSubTypes.Type(value = OrgCommand.CreateRun.class, name = "create_run"),
  @JsonSubTypes.Type(value = OrgCommand.CreateMember.class, name = "create_member"),
  @JsonSubTypes.Type(value = OrgCommand.SetMemberPassword.class, name = "set_member_password"),
  @JsonSubTypes.Type(value = OrgCommand.DeactivateMember.class, name = "deactivate_member"),
  @JsonSubTypes.Type(
      value = OrgCommand.CreateWebhookEndpoint.class,
      name = "create_webhook_endpoint"),
  @JsonSubTypes.Type(
      value = OrgCommand.UpdateWebhookEndpoint.class,
      name = "update_webhook_endpoint"),
  @JsonSubTypes.Type(
      value = OrgCommand.DeleteWebhookEndpoint.class,
      name = "delete_webhook_endpoint"),
  @JsonSubTypes.Type(value = OrgCommand.RotateWebhookSecret.class, name = "rotate_webhook_secret"),
  @JsonSubTypes.Type(value = OrgCommand.EndpointDelivered.class, name = "endpoint_delivered"),
  @JsonSubTypes.Type(value = OrgCommand.EndpointFailed.class, name = "endpoint_failed")
})
public sealed interface OrgCommand {

  OrgId orgId();

  record CreateOrganisation(OrgId orgId, String name, Plan plan) implements OrgCommand {}

  record ChangePlan(OrgId orgId, Plan plan) implements OrgCommand {}

  record AddRunPack(OrgId orgId, int runs) implements OrgCommand {}

  /** {@code scopes} null: a key with full access. */
  record IssueApiKey(
      OrgId orgId, String keyId, String keyHash, Mode mode, String name, List<ApiKeyScope> scopes)
      implements OrgCommand {}

  /** A new key in the place of {@code keyId}, which keeps working until {@code oldKeyExpiresAt}. */
  record RollApiKey(OrgId orgId, String keyId, NewKey replacement, Instant oldKeyExpiresAt)
      implements OrgCommand {}

  record NewKey(String keyId, String keyHash) {}

  /** A key was used: {@code last_used_at}, sent at most about once a minute per key. */
  record TouchApiKey(OrgId orgId, String keyId, Instant usedAt) implements OrgCommand {}

  record RevokeApiKey(OrgId orgId, String keyId) implements OrgCommand {}

  record CreateTemplate(
      OrgId orgId, TemplateId templateId, TemplateDraft draft, Idempotency idempotency)
      implements OrgCommand {}

  record UpdateTemplate(OrgId orgId, TemplateId templateId, TemplateDraft draft)
      implements OrgCommand {}

  record CreateMember(OrgId orgId, String userId, String name, String email)
      implements OrgCommand {}

  /** Sets the password of an invited member (the hash only), which makes them active. */
  record SetMemberPassword(OrgId orgId, String userId, String passwordHash) implements OrgCommand {}

  record DeactivateMember(OrgId orgId, String userId) implements OrgCommand {}

  /** A command on one of the organisation's account webhook endpoints, in one mode. */
  sealed interface EndpointCommand extends OrgCommand {
    Mode mode();

    String endpointId();
  }

  /** A new account webhook endpoint; its secret comes sealed. */
  record CreateWebhookEndpoint(
      OrgId orgId,
      Mode mode,
      String endpointId,
      WebhookEndpoint.Changes fields,
      String sealedSecret)
      implements EndpointCommand {}

  record UpdateWebhookEndpoint(
      OrgId orgId, Mode mode, String endpointId, WebhookEndpoint.Changes changes)
      implements EndpointCommand {}

  record DeleteWebhookEndpoint(OrgId orgId, Mode mode, String endpointId)
      implements EndpointCommand {}

  /** A new secret for the endpoint; the old one still signs for {@code oldSecretSeconds}. */
  record RotateWebhookSecret(
      OrgId orgId, Mode mode, String endpointId, String sealedSecret, long oldSecretSeconds)
      implements EndpointCommand {}

  /**
   * A dispatcher's report: an attempt to the endpoint at {@code at} was delivered (sent when that
   * follows a failure, and about hourly while deliveries succeed). Nobody waits for a reply.
   */
  record EndpointDelivered(OrgId orgId, Mode mode, String endpointId, Instant at)
      implements EndpointCommand {}

  /**
   * A dispatcher's report: an attempt at {@code at} failed (sent when that follows a success, and
   * about hourly while attempts fail). The endpoint is disabled once every attempt has failed for
   * {@code disableAfter}, the dispatcher's setting. Nobody waits for a reply.
   */
  record EndpointFailed(
      OrgId orgId, Mode mode, String endpointId, Instant at, Duration disableAfter)
      implements EndpointCommand {}

  /** Checked against the quota and the template here, then started on the run's partition. */
  record CreateRun(
      OrgId orgId,
      RunId runId,
      Mode mode,
      TemplateId templateId,
      String executorRef,
      Metadata metadata,
      Map<String, Prefill> prefill,
      Long expiresInSeconds,
      WebhookConfig webhook,
      String createdByName,
      Idempotency idempotency)
      implements OrgCommand {

    public CreateRun {
      prefill = prefill == null ? Map.of() : Map.copyOf(prefill);
    }
  }

  /**
   * The caller's {@code Idempotency-Key} (scoped to the organisation and mode) and a digest of the
   * request: a retry with the same key and parameters gets the first outcome, never a second
   * resource; the same key with other parameters is refused.
   */
  record Idempotency(String key, Mode mode, String requestHash) {}
}
