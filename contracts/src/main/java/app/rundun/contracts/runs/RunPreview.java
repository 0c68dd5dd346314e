package app.rundun.contracts.runs;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/** {@code GET /v1/runs/:run_id/preview}: what the link's fallback page shows before install. */
@JsonPropertyOrder({
  "run_id",
  "status",
  "template_name",
  "step_count",
  "created_by_name",
  "expires_at"
})
public record RunPreview(
    RunId runId,
    RunStatus status,
    String templateName,
    int stepCount,
    String createdByName,
    Instant expiresAt) {}
