package app.rundun.ingest.runs;

/** The optional body of {@code POST /v1/runs/:id/cancel}: why the integrator calls it off. */
record CancelRunRequest(String cancellationReason) {}
