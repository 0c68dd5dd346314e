package app.rundun.processor.query;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.errors.ErrorCode;
import app.rundun.processor.StreamsRunner;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.apache.kafka.streams.processor.internals.DefaultStreamPartitioner;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.internals.StateStoreProvider;
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
  private static final int ALL_LOCAL_PARTITIONS = -1;
  private static final HostInfo UNKNOWN_HOST = HostInfo.unavailable();

  private final StreamsRunner runner;
  private final Map<StoreAt, Resolved> resolved = new ConcurrentHashMap<>();
  private final Map<String, Routing> routes = new ConcurrentHashMap<>();

  Owner(StreamsRunner runner) {
    this.runner = runner;
  }

  /** The owner of {@code routingKey} in {@code store}, or 503 while ownership is being settled. */
  Located locate(String store, String routingKey) {
    Routing routing = routing(running(), store);
    int partition = routing.partitionOf(routingKey);
    return new Located(routing.activeHost(partition), partition, runner.self(), false);
  }

  /**
   * Where each partition of the store's input is active, learnt once and kept while this instance's
   * state stays as it was (every rebalance passes through a state change): asking Kafka Streams for
   * each key builds the store's source-topic sets again every time, which was an eighth of the
   * run-processor's side of a read of a run.
   */
  private Routing routing(KafkaStreams streams, String store) {
    long taskChanges = runner.taskChanges();
    Routing known = routes.get(store);
    if (known != null && known.taskChanges() == taskChanges) {
      return known;
    }
    Routing learnt = Routing.learn(streams, store, taskChanges);
    if (learnt.settled()) {
      routes.put(store, learnt);
    }
    return learnt;
  }

  /**
   * This instance's own copies of every partition it holds, whatever their role (a standby, or an
   * active task still restoring). A key lives in one partition only, so reading them all finds it
   * without the group's metadata, which is what is missing while the group settles.
   */
  Located localCopies() {
    return new Located(runner.self(), ALL_LOCAL_PARTITIONS, runner.self(), true);
  }

  /**
   * The store of the located partition on this instance; 503 if it is not here. A store that moves
   * away while it is read throws {@link InvalidStateStoreException}, which the caller answers 503.
   */
  <V> ReadOnlyKeyValueStore<String, V> localStore(String store, Located at) {
    if (at.stale()) {
      return query(
          hosting(),
          StoreQueryParameters.fromNameAndType(
                  store, QueryableStoreTypes.<String, V>keyValueStore())
              .enableStaleStores());
    }
    return partitionStore(store, at.partition());
  }

  /**
   * The store of one active partition, found once and kept while this instance's tasks stay as they
   * were: Kafka Streams' own handle looks the partition's task up again on every read, copying the
   * thread's task sets each time, which was an eighth of a read of a run.
   */
  @SuppressWarnings("unchecked")
  private <V> ReadOnlyKeyValueStore<String, V> partitionStore(String store, int partition) {
    KafkaStreams streams = running();
    long taskChanges = runner.taskChanges();
    StoreAt key = new StoreAt(store, partition);
    Resolved known = resolved.get(key);
    if (known != null && known.taskChanges() == taskChanges) {
      return (ReadOnlyKeyValueStore<String, V>) known.store();
    }
    ReadOnlyKeyValueStore<String, V> found =
        query(
            streams,
            StoreQueryParameters.fromNameAndType(store, new ResolvedOnce<V>())
                .withPartition(partition));
    resolved.put(key, new Resolved(taskChanges, found));
    return found;
  }

  private static <T> T query(KafkaStreams streams, StoreQueryParameters<T> parameters) {
    try {
      return streams.store(parameters);
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

  /** Streams that hold local stores, settled or not. */
  private KafkaStreams hosting() {
    KafkaStreams streams = runner.streams();
    if (streams == null
        || (streams.state() != KafkaStreams.State.RUNNING
            && streams.state() != KafkaStreams.State.REBALANCING)) {
      throw unavailable();
    }
    return streams;
  }

  static ApiException unavailable() {
    return new ApiException(
        ErrorCode.UNAVAILABLE, "Run state is moving between instances; retry shortly.", null);
  }

  private record StoreAt(String store, int partition) {}

  /**
   * The active host of each partition of a store's input, as Kafka Streams' metadata gave it, and
   * the partitioner it locates keys with.
   */
  private record Routing(long taskChanges, HostInfo[] activeHosts) {

    private static final DefaultStreamPartitioner<String, Object> PARTITIONER =
        new DefaultStreamPartitioner<>(KEYS);

    static Routing learn(KafkaStreams streams, String store, long taskChanges) {
      int[] partitions = {0};
      ask(
          streams,
          store,
          (topic, key, value, count) -> {
            partitions[0] = count;
            return Optional.of(Set.of(0));
          });
      if (partitions[0] < 1) {
        throw unavailable();
      }
      HostInfo[] hosts = new HostInfo[partitions[0]];
      for (int p = 0; p < hosts.length; p++) {
        Set<Integer> only = Set.of(p);
        hosts[p] =
            ask(streams, store, (topic, key, value, count) -> Optional.of(only)).activeHost();
      }
      return new Routing(taskChanges, hosts);
    }

    private static KeyQueryMetadata ask(
        KafkaStreams streams, String store, StreamPartitioner<String, Object> partitioner) {
      KeyQueryMetadata metadata = streams.queryMetadataForKey(store, "", partitioner);
      if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
        throw unavailable();
      }
      return metadata;
    }

    /** Whether every partition has a known owner: what is still unknown is asked again. */
    boolean settled() {
      return Arrays.stream(activeHosts).noneMatch(UNKNOWN_HOST::equals);
    }

    int partitionOf(String routingKey) {
      return PARTITIONER
          .partitions(null, routingKey, null, activeHosts.length)
          .orElseThrow()
          .iterator()
          .next();
    }

    HostInfo activeHost(int partition) {
      return activeHosts[partition];
    }
  }

  private record Resolved(long taskChanges, ReadOnlyKeyValueStore<?, ?> store) {}

  /**
   * A key-value store type whose handle is the partition's store itself, resolved when the handle
   * is made, instead of a handle that resolves it again on every read.
   */
  private static final class ResolvedOnce<V>
      implements QueryableStoreType<ReadOnlyKeyValueStore<String, V>> {

    private final QueryableStoreType<ReadOnlyKeyValueStore<String, V>> keyValue =
        QueryableStoreTypes.keyValueStore();

    @Override
    public boolean accepts(StateStore store) {
      return keyValue.accepts(store);
    }

    @Override
    public ReadOnlyKeyValueStore<String, V> create(StateStoreProvider provider, String storeName) {
      List<ReadOnlyKeyValueStore<String, V>> stores = provider.stores(storeName, keyValue);
      if (stores.size() != 1) {
        throw new InvalidStateStoreException(storeName + " is not held here as one partition");
      }
      return stores.get(0);
    }
  }

  /** Where a key lives, whether that is here, and whether it is a copy that may lag. */
  record Located(HostInfo host, int partition, HostInfo self, boolean stale) {
    boolean isLocal() {
      return host.equals(self);
    }
  }
}
