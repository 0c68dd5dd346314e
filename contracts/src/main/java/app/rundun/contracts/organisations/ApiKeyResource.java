package app.rundun.contracts.organisations;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * An API key as the API shows it. {@code key} (the secret) is present only in the answer that
 * issued it; {@code scopes} is absent for a key with full access; {@code expiresAt} is set on a
 * rolled key; {@code lastUsedAt} is accurate to about a minute.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiKeyResource(
    String keyId,
    String name,
    Mode mode,
    Instant createdAt,
    Instant revokedAt,
    String key,
    List<ApiKeyScope> scopes,
    Instant expiresAt,
    Instant lastUsedAt) {

  public ApiKeyResource withKey(String plaintext) {
    return new ApiKeyResource(
        keyId, name, mode, createdAt, revokedAt, plaintext, scopes, expiresAt, lastUsedAt);
  }
}
