package app.rundun.contracts.kafka;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads records back from a topic where an index says they lie, by partition and offset, so the
 * index need not keep a copy of them. Consumers are not thread-safe, so each read borrows one from
 * a small pool (made on demand, kept for the next read); they are assigned partitions, never in a
 * group, and read only committed records.
 *
 * @param <V> the topic's values
 */
public final class OffsetReader<V> implements AutoCloseable {

  /** Where a record lies on the topic. */
  public record Position(int partition, long offset) {
    public Position {
      if (partition < 0 || offset < 0) {
        throw new IllegalArgumentException("Not a position: " + partition + "@" + offset);
      }
    }
  }

  /** How many idle consumers are kept; reads beyond that make and close their own. */
  private static final int POOL = 4;

  /**
   * How much one fetch brings per partition: the records of one read lie close together, mostly.
   */
  private static final int FETCH_BYTES = 256 * 1024;

  /** Past this many records, jumping to the next wanted offset beats reading through to it. */
  private static final int SEEK_GAP = 500;

  private static final Duration POLL = Duration.ofMillis(100);

  private final KafkaClients kafka;
  private final Topic<?, V> topic;
  private final Duration timeout;
  private final Clock clock;
  private final BlockingQueue<KafkaConsumer<byte[], V>> idle = new ArrayBlockingQueue<>(POOL);

  public OffsetReader(KafkaClients kafka, Topic<?, V> topic, Duration timeout, Clock clock) {
    this.kafka = kafka;
    this.topic = topic;
    this.timeout = timeout;
    this.clock = clock;
  }

  /**
   * The values at {@code positions}. A position the topic no longer holds (past its retention,
   * compacted away, the marker of an aborted write) or holding a tombstone is left out.
   *
   * @throws TimeoutException when they cannot all be read within the timeout
   * @throws org.apache.kafka.common.KafkaException when Kafka refuses the read
   */
  public Map<Position, V> read(Collection<Position> positions) {
    if (positions.isEmpty()) {
      return Map.of();
    }
    KafkaConsumer<byte[], V> consumer = borrow();
    boolean healthy = false;
    try {
      Map<Position, V> found = fetch(consumer, wanted(positions));
      healthy = true;
      return found;
    } finally {
      giveBack(consumer, healthy);
    }
  }

  private Map<Position, V> fetch(
      KafkaConsumer<byte[], V> consumer, Map<TopicPartition, NavigableSet<Long>> wanted) {
    consumer.assign(wanted.keySet());
    wanted.forEach((partition, offsets) -> consumer.seek(partition, offsets.first()));
    Map<Position, V> found = new HashMap<>();
    Instant deadline = clock.instant().plus(timeout);
    while (!wanted.isEmpty()) {
      if (clock.instant().isAfter(deadline)) {
        throw new TimeoutException(
            "Records of "
                + topic.name()
                + " could not be read within "
                + timeout.toMillis()
                + " ms");
      }
      for (ConsumerRecord<byte[], V> record : consumer.poll(POLL)) {
        NavigableSet<Long> offsets =
            wanted.get(new TopicPartition(record.topic(), record.partition()));
        if (offsets != null && offsets.remove(record.offset()) && record.value() != null) {
          found.put(new Position(record.partition(), record.offset()), record.value());
        }
      }
      next(consumer, wanted);
    }
    return found;
  }

  /**
   * Gives up on offsets the consumer has passed (no longer held), and jumps over what lies between
   * the ones still wanted instead of reading through it.
   */
  private static void next(
      KafkaConsumer<?, ?> consumer, Map<TopicPartition, NavigableSet<Long>> wanted) {
    var it = wanted.entrySet().iterator();
    while (it.hasNext()) {
      var entry = it.next();
      long position = consumer.position(entry.getKey());
      entry.getValue().headSet(position).clear();
      if (entry.getValue().isEmpty()) {
        consumer.pause(List.of(entry.getKey()));
        it.remove();
      } else if (entry.getValue().first() > position + SEEK_GAP) {
        consumer.seek(entry.getKey(), entry.getValue().first());
      }
    }
  }

  private Map<TopicPartition, NavigableSet<Long>> wanted(Collection<Position> positions) {
    Map<TopicPartition, NavigableSet<Long>> wanted = new HashMap<>();
    for (Position position : positions) {
      wanted
          .computeIfAbsent(
              new TopicPartition(topic.name(), position.partition()), partition -> new TreeSet<>())
          .add(position.offset());
    }
    return wanted;
  }

  private KafkaConsumer<byte[], V> borrow() {
    KafkaConsumer<byte[], V> consumer = idle.poll();
    if (consumer != null) {
      return consumer;
    }
    Map<String, Object> props = kafka.map();
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, FETCH_BYTES);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "rundun-reader-" + topic.name());
    return new KafkaConsumer<>(
        props, new ByteArrayDeserializer(), topic.valueSerde().deserializer());
  }

  private void giveBack(KafkaConsumer<byte[], V> consumer, boolean healthy) {
    if (healthy) {
      consumer.unsubscribe();
      if (idle.offer(consumer)) {
        return;
      }
    }
    consumer.close();
  }

  @Override
  public void close() {
    KafkaConsumer<byte[], V> consumer;
    while ((consumer = idle.poll()) != null) {
      consumer.close();
    }
  }
}
