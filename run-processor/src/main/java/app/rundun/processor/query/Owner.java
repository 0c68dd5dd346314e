package app.rundun.processor.query;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.errors.ErrorCode;
import app.rundun.processor.StreamsRunner;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.stereotype.Component;

/**
 * Finds the instance that owns a key and, when it is this one, the local store for it.
 *
 * <p>The routing key is the key the <em>input topic</em> is partitioned by, not necessarily the
 * store key (KAFKA-14070): template versions are stored under {@code org/template#version} but
 * partitioned by org id, so they are located by the org id.
 */
@Component
class Owner {

  private static final StringSerializer KEYS = new StringSerializer();

  private final StreamsRunner runner;

  Owner(StreamsRunner runner) {
    this.runner = runner;
  }

  /** The owner of {@code routingKey} in {@code store}, or 503 while ownership is being settled. */
  Located locate(String store, String routingKey) {
    KafkaStreams streams = running();
    KeyQueryMetadata metadata = streams.queryMetadataForKey(store, routingKey, KEYS);
    if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
      throw unavailable();
    }
    return new Located(metadata.activeHost(), metadata.partition(), runner.self());
  }

  <V> ReadOnlyKeyValueStore<String, V> localStore(String store, int partition) {
    try {
      return running()
          .store(
              StoreQueryParameters.fromNameAndType(
                      store, QueryableStoreTypes.<String, V>keyValueStore())
                  .withPartition(partition));
    } catch (InvalidStateStoreException e) {
      throw unavailable();
    }
  }

  private KafkaStreams running() {
    KafkaStreams streams = runner.streams();
    if (streams == null || streams.state() != KafkaStreams.State.RUNNING) {
      throw unavailable();
    }
    return streams;
  }

  static ApiException unavailable() {
    return new ApiException(
        ErrorCode.UNAVAILABLE, "Run state is moving between instances; retry shortly.", null);
  }

  /** Where a key lives, and whether that is here. */
  record Located(HostInfo host, int partition, HostInfo self) {
    boolean isLocal() {
      return host.equals(self);
    }
  }
}
