package app.rundun.contracts.webhooks;

/** The integrator asks for a failed event to be delivered again, from the first attempt. */
public record Redelivery(String runId, String eventId) {}
