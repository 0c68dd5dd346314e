package app.rundun.contracts.kafka;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/** A topic with the serdes of its keys and values, so no caller picks a serde by hand. */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, boolean compacted) {

  public Topic {
    Objects.requireNonNull(name);
    Objects.requireNonNull(keySerde);
    Objects.requireNonNull(valueSerde);
  }

  public byte[] serializeValue(V value) {
    return valueSerde.serializer().serialize(name, value);
  }

  public V deserializeValue(byte[] bytes) {
    return valueSerde.deserializer().deserialize(name, bytes);
  }
}
