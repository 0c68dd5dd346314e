package app.rundun.webhooks.dispatch;

import app.rundun.contracts.events.RunEvent;
import app.rundun.contracts.events.RunEventType;
import app.rundun.contracts.kafka.KafkaClients;
import app.rundun.contracts.kafka.Topics;
import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.contracts.webhooks.WebhookDelivery;
import app.rundun.contracts.webhooks.WebhookEndpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every account webhook endpoint, read whole from the compacted {@code rundun.webhook-endpoints} by
 * each dispatcher instance, and kept up to date by a thread of its own.
 *
 * <p>An event must reach every endpoint that existed when it was raised, so the dispatcher asks
 * {@link #awaitFresh} before fanning out the events it has just polled: the answer is yes once this
 * reader has read up to end offsets it asked for after those events were polled. Those events were
 * committed before they were polled, so every endpoint committed before them is then here.
 */
final class EndpointDirectory implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EndpointDirectory.class);

  /** How long polled events wait for the directory before they are read again later. */
  static final Duration WAIT = Duration.ofSeconds(2);

  /** By organisation id, then by key. */
  private final Map<String, Map<String, WebhookEndpoint>> byOrg = new ConcurrentHashMap<>();

  private final AtomicLong wanted = new AtomicLong(Long.MIN_VALUE);
  private final AtomicLong freshAsOf = new AtomicLong(Long.MIN_VALUE);
  private final Object freshness = new Object();
  private final Consumer<String, byte[]> consumer;
  private final Thread reader;
  private volatile boolean running = true;

  EndpointDirectory(KafkaClients clients) {
    this(readCommitted(clients));
  }

  /** Reads every partition of the endpoint topic with {@code consumer}, from the start. */
  EndpointDirectory(Consumer<String, byte[]> consumer) {
    this.consumer = consumer;
    List<TopicPartition> partitions =
        consumer.partitionsFor(Topics.WEBHOOK_ENDPOINTS.name()).stream()
            .map(info -> new TopicPartition(info.topic(), info.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    this.reader = Thread.ofPlatform().name("rundun-webhook-endpoints").start(this::read);
  }

  private static KafkaConsumer<String, byte[]> readCommitted(KafkaClients clients) {
    Properties props = clients.properties();
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
    return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
  }

  /** The endpoints of the organisation and mode that want an event of the type raised then. */
  private List<WebhookEndpoint> wanting(
      String orgId, Mode mode, RunEventType type, Instant raisedAt) {
    return byOrg.getOrDefault(orgId, Map.of()).values().stream()
        .filter(endpoint -> endpoint.mode() == mode && endpoint.wants(type, raisedAt))
        .toList();
  }

  /**
   * The event, to each endpoint that wants it now. An event type this dispatcher does not know (one
   * newer than it) goes nowhere: an endpoint cannot have asked for it.
   */
  List<WebhookDelivery> deliveries(RunEvent event, String traceparent) {
    Optional<RunEventType> type = RunEventType.fromWire(event.type());
    if (type.isEmpty() || event.rundunmode() == null) {
      return List.of();
    }
    Mode mode = Mode.valueOf(event.rundunmode().toUpperCase(Locale.ROOT));
    return wanting(event.rundunorg(), mode, type.get(), event.time()).stream()
        .map(endpoint -> WebhookDelivery.toEndpoint(event, endpoint, traceparent))
        .toList();
  }

  /**
   * The polled records the dispatcher may handle now. Run events go to the endpoints that exist
   * when they are handled, so first this directory must have read every endpoint made before them;
   * if it cannot say so in time, those events are read again later, never passed over.
   */
  List<ConsumerRecord<String, byte[]>> ready(
      ConsumerRecords<String, byte[]> polled, Consumer<?, ?> consumer, IntConsumer deferred) {
    List<ConsumerRecord<String, byte[]>> ready = new ArrayList<>();
    long polledAt = System.nanoTime();
    Boolean endpointsFresh = null;
    Set<TopicPartition> readAgain = new HashSet<>();
    for (ConsumerRecord<String, byte[]> record : polled) {
      TopicPartition partition = new TopicPartition(record.topic(), record.partition());
      if (record.topic().equals(Topics.RUN_EVENTS.name())) {
        if (endpointsFresh == null) {
          endpointsFresh = awaitFresh(polledAt, WAIT);
        }
        if (readAgain.contains(partition)) {
          continue;
        }
        if (!endpointsFresh) {
          consumer.seek(partition, record.offset());
          readAgain.add(partition);
          deferred.accept(polled.records(partition).size());
          continue;
        }
      }
      ready.add(record);
    }
    return ready;
  }

  /** The endpoint as it is now; empty once deleted. */
  Optional<WebhookEndpoint> endpoint(String orgId, String endpointId) {
    return Optional.ofNullable(
        byOrg.getOrDefault(orgId, Map.of()).get(WebhookEndpoint.key(new OrgId(orgId), endpointId)));
  }

  /**
   * Waits until every endpoint committed before {@code polledAt} ({@link System#nanoTime()}) is
   * here; false if that took longer than {@code limit}.
   */
  boolean awaitFresh(long polledAt, Duration limit) {
    wanted.accumulateAndGet(polledAt, Math::max);
    if (freshAsOf.get() <= polledAt) {
      // Cuts the reader's idle poll short: it catches up at once.
      consumer.wakeup();
    }
    long deadline = System.nanoTime() + limit.toNanos();
    synchronized (freshness) {
      while (freshAsOf.get() <= polledAt) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        try {
          freshness.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
    }
    return true;
  }

  private void read() {
    try {
      while (running) {
        try {
          if (wanted.get() >= freshAsOf.get()) {
            catchUp();
          } else {
            apply(Duration.ofMillis(100));
          }
        } catch (WakeupException e) {
          // Someone is waiting, or the directory is closing: the loop looks again.
        }
      }
    } catch (RuntimeException e) {
      log.error("Reading the webhook endpoints failed; endpoint deliveries wait", e);
    }
  }

  /** Reads to the end offsets as of now, then says the directory is fresh as of now. */
  private void catchUp() {
    long asked = System.nanoTime();
    Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
    while (running
        && ends.entrySet().stream()
            .anyMatch(end -> consumer.position(end.getKey()) < end.getValue())) {
      apply(Duration.ofMillis(20));
    }
    freshAsOf.set(asked);
    synchronized (freshness) {
      freshness.notifyAll();
    }
  }

  private void apply(Duration wait) {
    for (ConsumerRecord<String, byte[]> record : consumer.poll(wait)) {
      String orgId = record.key().substring(0, record.key().indexOf('/'));
      Map<String, WebhookEndpoint> ofOrg =
          byOrg.computeIfAbsent(orgId, org -> new ConcurrentHashMap<>());
      if (record.value() == null) {
        ofOrg.remove(record.key());
      } else {
        ofOrg.put(record.key(), Topics.WEBHOOK_ENDPOINTS.deserializeValue(record.value()));
      }
    }
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      reader.join(Duration.ofSeconds(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    consumer.close();
  }
}
