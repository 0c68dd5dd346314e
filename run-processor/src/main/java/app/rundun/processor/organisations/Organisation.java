package app.rundun.processor.organisations;

import app.rundun.contracts.commands.OrgCommand;
import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.organisations.ApiKeyRecord;
import app.rundun.contracts.organisations.ApiKeyResource;
import app.rundun.contracts.organisations.ApiKeyScope;
import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.contracts.organisations.OrganisationResource;
import app.rundun.contracts.organisations.Plan;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An organisation and the keys issued to it; keys are known here only by their hash. */
public record Organisation(OrgId id, String name, Instant createdAt, Map<String, IssuedKey> keys) {

  public Organisation {
    keys = Map.copyOf(keys);
  }

  static Organisation create(OrgId id, String name, Instant now) {
    if (name == null || name.isBlank() || name.length() > 200) {
      throw ApiException.invalid("name", "An organisation needs a name of 1 to 200 characters.");
    }
    return new Organisation(id, name.strip(), now, Map.of());
  }

  Organisation issue(OrgCommand.IssueApiKey issue, Instant now) {
    if (keys.containsKey(issue.keyId())) {
      throw ApiException.conflict("Key " + issue.keyId() + " exists already.");
    }
    IssuedKey key =
        new IssuedKey(
            issue.keyId(),
            issue.keyHash(),
            issue.mode(),
            issue.name(),
            now,
            null,
            issue.scopes(),
            null,
            null);
    return with(key);
  }

  /**
   * A new key like {@code keyId} (name, mode, scopes), and {@code keyId} working only until the
   * overlap ends (or sooner, if it was to expire sooner already).
   */
  Organisation roll(OrgCommand.RollApiKey roll, Instant now) {
    IssuedKey old = key(roll.keyId());
    if (!old.liveAt(now)) {
      throw ApiException.conflict(
          "Key " + roll.keyId() + " is revoked or expired: nothing to roll.");
    }
    if (keys.containsKey(roll.replacement().keyId())) {
      throw ApiException.conflict("Key " + roll.replacement().keyId() + " exists already.");
    }
    Instant until =
        old.expiresAt() != null && old.expiresAt().isBefore(roll.oldKeyExpiresAt())
            ? old.expiresAt()
            : roll.oldKeyExpiresAt();
    IssuedKey replacement =
        new IssuedKey(
            roll.replacement().keyId(),
            roll.replacement().keyHash(),
            old.mode(),
            old.name(),
            now,
            null,
            old.scopes(),
            null,
            null);
    return with(old.expiring(until)).with(replacement);
  }

  /** Records a use; an older use than the one known changes nothing. */
  Organisation touch(String keyId, Instant usedAt) {
    IssuedKey key = key(keyId);
    if (key.lastUsedAt() != null && !usedAt.isAfter(key.lastUsedAt())) {
      return this;
    }
    return with(key.usedAt(usedAt));
  }

  private Organisation with(IssuedKey key) {
    Map<String, IssuedKey> next = new LinkedHashMap<>(keys);
    next.put(key.keyId(), key);
    return new Organisation(id, name, createdAt, next);
  }

  Organisation revoke(String keyId, Instant now) {
    IssuedKey key = key(keyId);
    if (key.revokedAt() != null) {
      throw ApiException.conflict("Key " + keyId + " is revoked already.");
    }
    return with(key.revokedAt(now));
  }

  IssuedKey key(String keyId) {
    IssuedKey key = keys.get(keyId);
    if (key == null) {
      throw ApiException.notFound("API key", keyId);
    }
    return key;
  }

  /** The keys not revoked, in the order they were issued. */
  List<IssuedKey> liveKeys() {
    return keys.values().stream().filter(key -> key.revokedAt() == null).toList();
  }

  /** Every key, newest first, as the API lists them. */
  public List<ApiKeyResource> keyResources() {
    return keys.values().stream()
        .sorted(java.util.Comparator.comparing(IssuedKey::createdAt).reversed())
        .map(IssuedKey::resource)
        .toList();
  }

  OrganisationResource resource(Plan plan) {
    List<ApiKeyResource> apiKeys =
        keys.values().stream()
            .sorted(java.util.Comparator.comparing(IssuedKey::createdAt))
            .map(IssuedKey::resource)
            .toList();
    return new OrganisationResource(id, name, plan, createdAt, apiKeys);
  }

  /** A key, known by its hash; the plaintext was shown once, to whoever issued it. */
  public record IssuedKey(
      String keyId,
      String hash,
      Mode mode,
      String name,
      Instant createdAt,
      Instant revokedAt,
      List<ApiKeyScope> scopes,
      Instant expiresAt,
      Instant lastUsedAt) {

    IssuedKey revokedAt(Instant when) {
      return new IssuedKey(keyId, hash, mode, name, createdAt, when, scopes, expiresAt, lastUsedAt);
    }

    IssuedKey expiring(Instant when) {
      return new IssuedKey(keyId, hash, mode, name, createdAt, revokedAt, scopes, when, lastUsedAt);
    }

    IssuedKey usedAt(Instant when) {
      return new IssuedKey(keyId, hash, mode, name, createdAt, revokedAt, scopes, expiresAt, when);
    }

    boolean liveAt(Instant now) {
      return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    /** What the API instances learn of the key, under its hash. */
    ApiKeyRecord published(OrgId org, Plan plan) {
      return new ApiKeyRecord(keyId, org, mode, name, plan, scopes, expiresAt);
    }

    ApiKeyResource resource() {
      return new ApiKeyResource(
          keyId, name, mode, createdAt, revokedAt, null, scopes, expiresAt, lastUsedAt);
    }
  }
}
