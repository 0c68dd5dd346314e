package app.rundun.contracts.webhooks;

import java.time.Instant;

/**
 * A request to send again every delivery to one account endpoint that failed for good in a window
 * ({@code until} null: up to now). Published to every partition of {@code
 * rundun.webhook-recoveries}, so each dispatcher finds the failures in the schedule partitions it
 * owns.
 */
public record Recovery(String orgId, String endpointId, Instant since, Instant until) {

  public Recovery {
    if (orgId == null || endpointId == null || since == null) {
      throw new IllegalArgumentException("A recovery needs its organisation, endpoint and since");
    }
  }
}
