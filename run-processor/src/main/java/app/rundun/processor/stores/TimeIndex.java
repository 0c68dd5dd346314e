package app.rundun.processor.stores;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Ids ordered by a time of their own (a run's expiry, a key's end of life), so that a sweep reads
 * only what is due instead of scanning a whole store. Keys are the zero-padded epoch millisecond
 * then the id: byte order is time order.
 */
public final class TimeIndex {

  private final KeyValueStore<String, String> store;

  public TimeIndex(KeyValueStore<String, String> store) {
    this.store = store;
  }

  public void add(String id, Instant at) {
    store.put(key(at, id), id);
  }

  public void remove(String id, Instant at) {
    store.delete(key(at, id));
  }

  public void remove(Due due) {
    store.delete(due.key());
  }

  /** The ids due at {@code now}, oldest first, at most {@code limit} of them. */
  public List<Due> due(Instant now, int limit) {
    List<Due> due = new ArrayList<>();
    try (KeyValueIterator<String, String> it = store.range(null, key(now, "~"))) {
      while (it.hasNext() && due.size() < limit) {
        KeyValue<String, String> entry = it.next();
        due.add(new Due(entry.key, entry.value));
      }
    }
    return due;
  }

  /** An entry of the index: its key, and the id it points at. */
  public record Due(String key, String id) {}

  private static String key(Instant at, String id) {
    return String.format("%015d/%s", at.toEpochMilli(), id);
  }
}
