package app.rundun.contracts.commands;

import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.contracts.runs.GeoPoint;
import app.rundun.contracts.runs.Metadata;
import app.rundun.contracts.runs.PhotoRef;
import app.rundun.contracts.runs.Prefill;
import app.rundun.contracts.runs.RunId;
import app.rundun.contracts.templates.TemplateResource;
import app.rundun.contracts.webhooks.WebhookConfig;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A command on one run, keyed by its run id on {@code rundun.run-commands}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = RunCommand.StartRun.class, name = "start_run"),
  @JsonSubTypes.Type(value = RunCommand.OpenRun.class, name = "open_run"),
  @JsonSubTypes.Type(value = RunCommand.AnswerStep.class, name = "answer_step"),
  @JsonSubTypes.Type(value = RunCommand.SkipStep.class, name = "skip_step"),
  @JsonSubTypes.Type(value = RunCommand.SubmitRun.class, name = "submit_run"),
  @JsonSubTypes.Type(value = RunCommand.ExitRun.class, name = "exit_run"),
  @JsonSubTypes.Type(value = RunCommand.CancelRun.class, name = "cancel_run"),
  @JsonSubTypes.Type(value = RunCommand.UpdateRun.class, name = "update_run")
})
public sealed interface RunCommand {

  RunId runId();

  /**
   * A run the organisation stage accepted: quota counted, template snapshotted, and numbered among
   * the organisation's runs ({@code sequence}, the order of its run list).
   */
  record StartRun(
      RunId runId,
      OrgId orgId,
      Mode mode,
      TemplateResource template,
      String executorRef,
      Metadata metadata,
      Map<String, Prefill> prefill,
      Instant createdAt,
      Instant expiresAt,
      WebhookConfig webhook,
      String createdByName,
      Long sequence)
      implements RunCommand {

    public StartRun {
      prefill = prefill == null ? Map.of() : Map.copyOf(prefill);
    }
  }

  /**
   * The executor opens the link; external mode names them, member mode signs them in. {@code
   * holder} is who holds the run from then on: the app's device token, or the signed-in member.
   */
  record OpenRun(RunId runId, String name, String email, String memberId, String holder)
      implements RunCommand {}

  /** {@code holder} on the executor's commands: only whoever holds the run may act on it. */
  record AnswerStep(
      RunId runId,
      String stepId,
      JsonNode value,
      List<PhotoRef> photos,
      GeoPoint geo,
      String holder)
      implements RunCommand {}

  record SkipStep(RunId runId, String stepId, String holder) implements RunCommand {}

  record SubmitRun(RunId runId, String holder) implements RunCommand {}

  record ExitRun(RunId runId, String holder) implements RunCommand {}

  /** The integrator cancels, optionally saying why; only the owning organisation may. */
  record CancelRun(RunId runId, OrgId orgId, Mode mode, String reason) implements RunCommand {}

  /** The integrator changes a dispatched run; only the owning organisation may. */
  record UpdateRun(RunId runId, OrgId orgId, Mode mode, RunChanges changes) implements RunCommand {}

  /**
   * What {@code PATCH /v1/runs/:id} changes; a null field is left as it is.
   *
   * @param expiry the new expiry, when it changes
   * @param executorRef the new reference; an empty string removes it
   * @param metadata keys to set; a key with an empty string is removed
   */
  record RunChanges(Expiry expiry, String executorRef, Map<String, String> metadata) {}

  /** A run's new expiry: a time, or {@code null} for none. */
  record Expiry(Instant at) {}
}
