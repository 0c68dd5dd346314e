package app.rundun.contracts.organisations;

/**
 * What the API keeps of an issued key, published under the key's SHA-256: never the key itself.
 * {@code name} is the person or system using the key, shown as a run's {@code created_by_name}.
 */
public record ApiKeyRecord(String keyId, OrgId orgId, Mode mode, String name) {}
