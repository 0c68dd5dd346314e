package app.rundun.processor.eventlog;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.errors.ErrorCode;
import app.rundun.contracts.events.EventPointer;
import app.rundun.contracts.events.RunEvent;
import app.rundun.contracts.kafka.KafkaClients;
import app.rundun.contracts.kafka.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads run events back from {@code rundun.run-events} where the event log says they lie, exactly
 * as they were written. Consumers are not thread-safe, so each read borrows one from a small pool
 * (made on demand, kept for the next read); they are assigned partitions, never in a group, and
 * read only committed events.
 */
public final class EventReader implements AutoCloseable {

  /** How many idle consumers are kept; reads beyond that make and close their own. */
  private static final int POOL = 4;

  /** How much one fetch brings per partition: a page's events lie close together, mostly. */
  private static final int FETCH_BYTES = 256 * 1024;

  private static final Duration POLL = Duration.ofMillis(100);

  private final KafkaClients kafka;
  private final Duration timeout;
  private final Clock clock;
  private final BlockingQueue<KafkaConsumer<String, RunEvent>> idle =
      new ArrayBlockingQueue<>(POOL);

  public EventReader(KafkaClients kafka, Duration timeout, Clock clock) {
    this.kafka = kafka;
    this.timeout = timeout;
    this.clock = clock;
  }

  /**
   * The events at {@code pointers}, in their order. An event the topic no longer holds (past its
   * retention) is left out; when they cannot all be read within the timeout the read fails (503).
   */
  public List<RunEvent> read(List<EventPointer> pointers) {
    if (pointers.isEmpty()) {
      return List.of();
    }
    KafkaConsumer<String, RunEvent> consumer = borrow();
    boolean healthy = false;
    try {
      Map<Long, RunEvent> found = fetch(consumer, wanted(pointers));
      healthy = true;
      List<RunEvent> events = new ArrayList<>();
      for (EventPointer pointer : pointers) {
        RunEvent event = found.get(slot(pointer.partition(), pointer.offset()));
        if (event != null && event.id().equals(pointer.eventId())) {
          events.add(event);
        }
      }
      return events;
    } catch (KafkaException e) {
      throw unavailable();
    } finally {
      giveBack(consumer, healthy);
    }
  }

  private ApiException unavailable() {
    return new ApiException(
        ErrorCode.UNAVAILABLE,
        "Events could not be read from Kafka within " + timeout.toMillis() + " ms; retry shortly.",
        null);
  }

  private Map<Long, RunEvent> fetch(
      KafkaConsumer<String, RunEvent> consumer, Map<TopicPartition, NavigableSet<Long>> wanted) {
    consumer.assign(wanted.keySet());
    wanted.forEach((partition, offsets) -> consumer.seek(partition, offsets.first()));
    Map<Long, RunEvent> found = new HashMap<>();
    Instant deadline = clock.instant().plus(timeout);
    while (!wanted.isEmpty()) {
      if (clock.instant().isAfter(deadline)) {
        throw unavailable();
      }
      for (ConsumerRecord<String, RunEvent> record : consumer.poll(POLL)) {
        NavigableSet<Long> offsets =
            wanted.get(new TopicPartition(record.topic(), record.partition()));
        if (offsets != null && offsets.remove(record.offset())) {
          found.put(slot(record.partition(), record.offset()), record.value());
        }
      }
      next(consumer, wanted);
    }
    return found;
  }

  /**
   * Gives up on offsets the consumer has passed (deleted by retention, or the marker of an aborted
   * write), and jumps over what lies between the ones still wanted instead of reading through it.
   */
  private static void next(
      KafkaConsumer<String, RunEvent> consumer, Map<TopicPartition, NavigableSet<Long>> wanted) {
    var it = wanted.entrySet().iterator();
    while (it.hasNext()) {
      var entry = it.next();
      long position = consumer.position(entry.getKey());
      entry.getValue().headSet(position).clear();
      if (entry.getValue().isEmpty()) {
        consumer.pause(List.of(entry.getKey()));
        it.remove();
      } else if (entry.getValue().first() > position + 500) {
        consumer.seek(entry.getKey(), entry.getValue().first());
      }
    }
  }

  private static Map<TopicPartition, NavigableSet<Long>> wanted(List<EventPointer> pointers) {
    Map<TopicPartition, NavigableSet<Long>> wanted = new HashMap<>();
    for (EventPointer pointer : pointers) {
      wanted
          .computeIfAbsent(
              new TopicPartition(Topics.RUN_EVENTS.name(), pointer.partition()),
              partition -> new TreeSet<>())
          .add(pointer.offset());
    }
    return wanted;
  }

  /** One number for a partition and an offset: offsets stay far below 2^48. */
  private static long slot(int partition, long offset) {
    return ((long) partition << 48) | offset;
  }

  private KafkaConsumer<String, RunEvent> borrow() {
    KafkaConsumer<String, RunEvent> consumer = idle.poll();
    if (consumer != null) {
      return consumer;
    }
    Map<String, Object> props = kafka.map();
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, FETCH_BYTES);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "rundun-event-reader");
    return new KafkaConsumer<>(
        props, new StringDeserializer(), Topics.RUN_EVENTS.valueSerde().deserializer());
  }

  private void giveBack(KafkaConsumer<String, RunEvent> consumer, boolean healthy) {
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
    KafkaConsumer<String, RunEvent> consumer;
    while ((consumer = idle.poll()) != null) {
      consumer.close();
    }
  }
}
