package app.rundun.contracts.runs;

import app.rundun.contracts.templates.TemplateId;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.Map;

/** {@code GET /v1/runs/:run_id}, field for field as the spec shows it; also every event's data. */
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
  "answers"
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
    Map<String, AnswerResource> answers) {}
