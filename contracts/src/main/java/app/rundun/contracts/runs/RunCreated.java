package app.rundun.contracts.runs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The answer to {@code POST /v1/runs}. {@code webhook_secret} appears only when Rundun made the
 * secret, and only in this answer.
 */
public record RunCreated(
    RunId runId,
    String link,
    Instant expiresAt,
    String assignedTo,
    @JsonInclude(JsonInclude.Include.NON_NULL) String webhookSecret) {}
