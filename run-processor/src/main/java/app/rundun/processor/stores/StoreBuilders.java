package app.rundun.processor.stores;

import app.rundun.contracts.json.JsonSerde;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/** Persistent, changelogged key-value stores with string keys: the only kind Rundun keeps. */
public final class StoreBuilders {

  /**
   * What every changelog is created with, beside the compaction Streams sets. A broker compacts
   * only segments that have rolled, and by its defaults a segment rolls at 1 GiB or after 7 days:
   * until then every change of every run, and every count of a busy organisation's quota, stays in
   * the changelog, and a fresh instance restores them all, one by one. Rolled at 16 MiB or after an
   * hour, each changelog holds little more than its latest values, and a restore reads about that.
   */
  static final Map<String, String> CHANGELOG_CONFIG =
      Map.of(
          TopicConfig.SEGMENT_BYTES_CONFIG, Integer.toString(16 * 1024 * 1024),
          TopicConfig.SEGMENT_MS_CONFIG, Long.toString(Duration.ofHours(1).toMillis()));

  private StoreBuilders() {}

  public static <V> StoreBuilder<KeyValueStore<String, V>> json(String name, Class<V> type) {
    return keyValue(name, new JsonSerde<>(type));
  }

  public static StoreBuilder<KeyValueStore<String, String>> strings(String name) {
    return keyValue(name, Serdes.String());
  }

  public static <V> StoreBuilder<KeyValueStore<String, V>> keyValue(String name, Serde<V> values) {
    return Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(name), Serdes.String(), values)
        .withLoggingEnabled(CHANGELOG_CONFIG);
  }
}
