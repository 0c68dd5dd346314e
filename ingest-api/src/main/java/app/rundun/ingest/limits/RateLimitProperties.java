package app.rundun.ingest.limits;

import app.rundun.contracts.organisations.Plan;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code rundun.rate-limits.*}: requests a second per API key by plan (live mode) and for test
 * mode, and per run and per client address on the endpoints without a key. Each budget has its own
 * figure for reads (GET, HEAD) and writes (everything else).
 */
@ConfigurationProperties("rundun.rate-limits")
public record RateLimitProperties(
    boolean enabled, Map<Plan, Budget> plans, Budget testMode, Budget perRun, Budget perClient) {

  public RateLimitProperties {
    plans = Map.copyOf(plans);
    for (Plan plan : Plan.values()) {
      if (enabled && !plans.containsKey(plan)) {
        throw new IllegalArgumentException("rundun.rate-limits.plans." + plan + " is not set");
      }
    }
  }

  /** Requests a second: a bucket of that many tokens, refilled evenly over each second. */
  public record Budget(int reads, int writes) {
    public Budget {
      if (reads < 1 || writes < 1) {
        throw new IllegalArgumentException("A rate limit is at least 1 request a second");
      }
    }

    int of(RateLimiter.Access access) {
      return access == RateLimiter.Access.READS ? reads : writes;
    }
  }
}
