package app.rundun.processor.runs;

import app.rundun.contracts.runs.RunId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Runs ordered by expiry time, so the sweep reads only the runs that are due instead of scanning
 * every run. Keys are the zero-padded epoch millisecond then the run id: byte order is time order.
 */
final class ExpiryIndex {

  private final KeyValueStore<String, String> store;

  ExpiryIndex(KeyValueStore<String, String> store) {
    this.store = store;
  }

  void add(RunId runId, Instant expiresAt) {
    store.put(key(expiresAt, runId.value()), runId.value());
  }

  void remove(RunId runId, Instant expiresAt) {
    store.delete(key(expiresAt, runId.value()));
  }

  void remove(Due due) {
    store.delete(due.key());
  }

  /** The runs due at {@code now}, oldest first, at most {@code limit} of them. */
  List<Due> due(Instant now, int limit) {
    List<Due> due = new ArrayList<>();
    try (KeyValueIterator<String, String> it = store.range(null, key(now, "~"))) {
      while (it.hasNext() && due.size() < limit) {
        KeyValue<String, String> entry = it.next();
        due.add(new Due(entry.key, new RunId(entry.value)));
      }
    }
    return due;
  }

  /** An entry of the index: its key, and the run it points at. */
  record Due(String key, RunId runId) {}

  private static String key(Instant at, String runId) {
    return String.format("%015d/%s", at.toEpochMilli(), runId);
  }
}
