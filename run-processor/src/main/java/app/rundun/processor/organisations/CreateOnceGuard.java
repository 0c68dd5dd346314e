package app.rundun.processor.organisations;

import app.rundun.contracts.commands.OrgCommand;
import app.rundun.contracts.idempotency.IdempotencyKeys;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.processor.stores.StoreBuilders;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * The create-time guard: which resource each Idempotency-Key first created, kept 24 hours, so that
 * a create run again with its key (its claim's answer was lost) finds what it created instead of
 * counting and creating it twice. It lives on the organisation's partition, so a retry is
 * serialised behind its original and simply finds its outcome. The claim stage in front of it, and
 * why both exist, are in docs/architecture.md ("Idempotency").
 */
final class CreateOnceGuard {

  static final String STORE = "idempotency-keys-store";
  static final Duration KEPT = Duration.ofHours(24);

  private final KeyValueStore<String, Remembered> store;

  CreateOnceGuard(KeyValueStore<String, Remembered> store) {
    this.store = store;
  }

  static StoreBuilder<?> storeBuilder() {
    return StoreBuilders.json(STORE, Remembered.class);
  }

  /** The resource first created with this key, or empty for a new key; 400 on other params. */
  Optional<String> replay(OrgId org, OrgCommand.Idempotency idempotency, Instant now) {
    if (idempotency == null) {
      return Optional.empty();
    }
    Remembered remembered = store.get(key(org, idempotency));
    if (remembered == null || remembered.at().plus(KEPT).isBefore(now)) {
      return Optional.empty();
    }
    if (!remembered.requestHash().equals(idempotency.requestHash())) {
      throw IdempotencyKeys.otherRequest(idempotency.key());
    }
    return Optional.of(remembered.resourceId());
  }

  void remember(OrgId org, OrgCommand.Idempotency idempotency, String resourceId, Instant now) {
    if (idempotency != null) {
      store.put(key(org, idempotency), new Remembered(idempotency.requestHash(), resourceId, now));
    }
  }

  private static String key(OrgId org, OrgCommand.Idempotency idempotency) {
    return org.value() + "/" + idempotency.mode().wire() + "/" + idempotency.key();
  }

  /** What a key created, from which request, when. */
  record Remembered(String requestHash, String resourceId, Instant at) {}
}
