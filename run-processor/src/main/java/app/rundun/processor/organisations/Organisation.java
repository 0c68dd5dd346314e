package app.rundun.processor.organisations;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.organisations.ApiKeyResource;
import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.contracts.organisations.OrganisationResource;
import app.rundun.contracts.organisations.Plan;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An organisation and the keys issued to it; keys are known here only by their hash. */
record Organisation(OrgId id, String name, Instant createdAt, Map<String, IssuedKey> keys) {

  Organisation {
    keys = Map.copyOf(keys);
  }

  static Organisation create(OrgId id, String name, Instant now) {
    if (name == null || name.isBlank() || name.length() > 200) {
      throw ApiException.invalid("name", "An organisation needs a name of 1 to 200 characters.");
    }
    return new Organisation(id, name.strip(), now, Map.of());
  }

  Organisation issue(String keyId, String hash, Mode mode, String keyName, Instant now) {
    if (keys.containsKey(keyId)) {
      throw ApiException.conflict("Key " + keyId + " exists already.");
    }
    Map<String, IssuedKey> next = new LinkedHashMap<>(keys);
    next.put(keyId, new IssuedKey(keyId, hash, mode, keyName, now, null));
    return new Organisation(id, name, createdAt, next);
  }

  Organisation revoke(String keyId, Instant now) {
    IssuedKey key = key(keyId);
    if (key.revokedAt() != null) {
      throw ApiException.conflict("Key " + keyId + " is revoked already.");
    }
    Map<String, IssuedKey> next = new LinkedHashMap<>(keys);
    next.put(keyId, key.revokedAt(now));
    return new Organisation(id, name, createdAt, next);
  }

  IssuedKey key(String keyId) {
    IssuedKey key = keys.get(keyId);
    if (key == null) {
      throw ApiException.notFound("API key", keyId);
    }
    return key;
  }

  OrganisationResource resource(Plan plan) {
    List<ApiKeyResource> apiKeys =
        keys.values().stream()
            .sorted(java.util.Comparator.comparing(IssuedKey::createdAt))
            .map(IssuedKey::resource)
            .toList();
    return new OrganisationResource(id, name, plan, createdAt, apiKeys);
  }

  /** A key by its hash; the plaintext was shown once, to the operator who issued it. */
  record IssuedKey(
      String keyId, String hash, Mode mode, String name, Instant createdAt, Instant revokedAt) {

    IssuedKey revokedAt(Instant when) {
      return new IssuedKey(keyId, hash, mode, name, createdAt, when);
    }

    ApiKeyResource resource() {
      return new ApiKeyResource(keyId, name, mode, createdAt, revokedAt, null);
    }
  }
}
