package app.rundun.contracts.runs;

import java.time.Instant;

/** The answer to {@code POST /v1/runs}. */
public record RunCreated(RunId runId, String link, Instant expiresAt, String assignedTo) {}
