package app.rundun.contracts.organisations;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** An API key as the operator API shows it; {@code key} is present only in the issuing answer. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiKeyResource(
    String keyId, String name, Mode mode, Instant createdAt, Instant revokedAt, String key) {

  public ApiKeyResource withKey(String plaintext) {
    return new ApiKeyResource(keyId, name, mode, createdAt, revokedAt, plaintext);
  }
}
