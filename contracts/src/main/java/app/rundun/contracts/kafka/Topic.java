package app.rundun.contracts.kafka;

import java.time.Duration;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * A topic with the serdes of its keys and values, so no caller picks a serde by hand.
 *
 * @param retention how long the topic keeps a record when Rundun creates it; null for the broker's
 *     default
 */
public record Topic<K, V>(
    String name, Serde<K> keySerde, Serde<V> valueSerde, boolean compacted, Duration retention) {

  public Topic {
    Objects.requireNonNull(name);
    Objects.requireNonNull(keySerde);
    Objects.requireNonNull(valueSerde);
  }

  /** A topic kept as long as the broker keeps records by default. */
  public Topic(String name, Serde<K> keySerde, Serde<V> valueSerde, boolean compacted) {
    this(name, keySerde, valueSerde, compacted, null);
  }

  public byte[] serializeValue(V value) {
    return valueSerde.serializer().serialize(name, value);
  }

  public V deserializeValue(byte[] bytes) {
    return valueSerde.deserializer().deserialize(name, bytes);
  }
}
