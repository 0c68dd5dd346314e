package app.rundun.contracts.organisations;

import java.time.Instant;
import java.util.List;

/**
 * What the API keeps of an issued key, published under the key's SHA-256: never the key itself.
 * {@code name} is the person or system using the key, shown as a run's {@code created_by_name}.
 * {@code plan} is its organisation's plan, which sets the key's rate limits; the record is
 * published again when the plan changes. {@code scopes} is null for a key with full access. {@code
 * expiresAt} is set on a key that was rolled: it works until then. Records published before plans
 * and scopes were carried have neither: a key with full access on the smallest plan.
 */
public record ApiKeyRecord(
    String keyId,
    OrgId orgId,
    Mode mode,
    String name,
    Plan plan,
    List<ApiKeyScope> scopes,
    Instant expiresAt) {

  public ApiKeyRecord {
    scopes = scopes == null ? null : List.copyOf(scopes);
  }

  public Plan planOrStarter() {
    return plan == null ? Plan.STARTER : plan;
  }

  /** Whether the key has every scope and may manage keys. */
  public boolean unrestricted() {
    return scopes == null;
  }

  public boolean expiredAt(Instant now) {
    return expiresAt != null && !now.isBefore(expiresAt);
  }
}
