package app.rundun.contracts.commands;

import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.contracts.runs.GeoPoint;
import app.rundun.contracts.runs.PhotoRef;
import app.rundun.contracts.runs.RunId;
import app.rundun.contracts.runs.WebhookConfig;
import app.rundun.contracts.templates.TemplateResource;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.List;
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
  @JsonSubTypes.Type(value = RunCommand.CancelRun.class, name = "cancel_run")
})
public sealed interface RunCommand {

  RunId runId();

  /** A run the organisation stage accepted: quota counted, template snapshotted. */
  record StartRun(
      RunId runId,
      OrgId orgId,
      Mode mode,
      TemplateResource template,
      String executorRef,
      Instant createdAt,
      Instant expiresAt,
      WebhookConfig webhook,
      String createdByName)
      implements RunCommand {}

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

  /** The integrator cancels; only the owning organisation may. */
  record CancelRun(RunId runId, OrgId orgId, Mode mode) implements RunCommand {}
}
