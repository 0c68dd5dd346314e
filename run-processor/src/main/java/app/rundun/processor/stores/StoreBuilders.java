package app.rundun.processor.stores;

import app.rundun.contracts.json.JsonSerde;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/** Persistent, changelogged key-value stores with string keys: the only kind Rundun keeps. */
public final class StoreBuilders {

  private StoreBuilders() {}

  public static <V> StoreBuilder<KeyValueStore<String, V>> json(String name, Class<V> type) {
    return keyValue(name, new JsonSerde<>(type));
  }

  public static StoreBuilder<KeyValueStore<String, String>> strings(String name) {
    return keyValue(name, Serdes.String());
  }

  public static <V> StoreBuilder<KeyValueStore<String, V>> keyValue(String name, Serde<V> values) {
    return Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(name), Serdes.String(), values);
  }
}
