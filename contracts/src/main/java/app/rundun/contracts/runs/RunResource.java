package app.rundun.contracts.runs;

import app.rundun.contracts.templates.TemplateId;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /v1/runs/:run_id}, field for field as the spec shows it, then what Rundun adds after
 * the spec's fields: the skipped steps, the steps hidden by conditions, the integrator's metadata,
 * when the run last changed, and who cancelled it. Also every event's data, and each item of {@code
 * GET /v1/runs}.
 */
@JsonPropertyOrder({
  "run_id",
  "status",
  "template_id",
  "template_v",
  "executor_ref",
  "created_at",
  "completed_at",
  "expires_at",
  "assigned_to",
  "executor_identity",
  "progress",
  "answers",
  "skipped_steps",
  "hidden_steps",
  "metadata",
  "updated_at",
  "cancelled_by",
  "cancellation_reason"
})
public record RunResource(
    RunId runId,
    RunStatus status,
    TemplateId templateId,
    int templateV,
    String executorRef,
    Instant createdAt,
    Instant completedAt,
    Instant expiresAt,
    String assignedTo,
    ExecutorIdentity executorIdentity,
    Progress progress,
    Map<String, AnswerResource> answers,
    List<String> skippedSteps,
    List<String> hiddenSteps,
    Metadata metadata,
    Instant updatedAt,
    CancelledBy cancelledBy,
    String cancellationReason) {

  /** The same run with other answers: how photo references become links as a run leaves. */
  public RunResource withAnswers(Map<String, AnswerResource> others) {
    return new RunResource(
        runId,
        status,
        templateId,
        templateV,
        executorRef,
        createdAt,
        completedAt,
        expiresAt,
        assignedTo,
        executorIdentity,
        progress,
        others,
        skippedSteps,
        hiddenSteps,
        metadata,
        updatedAt,
        cancelledBy,
        cancellationReason);
  }
}
