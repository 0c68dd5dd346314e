package app.rundun.webhooks.dispatch;

import app.rundun.contracts.kafka.Groups;
import app.rundun.contracts.kafka.TopicAdmin;
import app.rundun.contracts.kafka.Topics;
import app.rundun.contracts.media.MediaUrlSigner;
import app.rundun.contracts.media.PhotoLinks;
import app.rundun.contracts.webhooks.AddressPolicy;
import app.rundun.contracts.webhooks.Redelivery;
import app.rundun.contracts.webhooks.ScheduledDelivery;
import app.rundun.contracts.webhooks.SecretBox;
import app.rundun.contracts.webhooks.WebhookAttempt;
import app.rundun.contracts.webhooks.WebhookDelivery;
import app.rundun.webhooks.DispatcherProperties;
import app.rundun.webhooks.delivery.Attempt;
import app.rundun.webhooks.delivery.AttemptTracing;
import app.rundun.webhooks.delivery.HttpDeliverer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Delivers every subscribed run event at least once, without one endpoint holding up another.
 *
 * <p>A delivery request is attempted at once, in parallel with others up to the concurrency bound.
 * What happens next is written to Kafka before the request's offset is committed: the attempt to
 * {@code rundun.webhook-attempts}, and, unless delivered, the next attempt (or the failure) to the
 * compacted {@code rundun.webhook-schedule}, placed on the partition of the run, so the instance
 * owning a run's deliveries owns its schedule too. On assignment an instance reads its schedule
 * partitions from the start and holds their deliveries until it has; a crash at any point leads to
 * an attempt being made again, never to one being lost, and every attempt of an event carries the
 * same {@code webhook-id}.
 */
@Component
public class Dispatcher implements SmartLifecycle {

  static final String GROUP = Groups.WEBHOOK_DISPATCHER;
  private static final String STOPPED_MARKER = "~stopped";
  private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

  private final DispatcherProperties properties;
  private final Clock clock;
  private final SecretBox secrets;
  private final RetryPlan plan;
  private final HttpDeliverer deliverer;
  private final PhotoLinks photoLinks;
  private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
  private final ConcurrentLinkedQueue<Runnable> completions = new ConcurrentLinkedQueue<>();

  // Owned by the loop thread.
  private final OffsetTracker tracker = new OffsetTracker();
  private final Map<Integer, Map<String, ScheduledDelivery>> schedule = new HashMap<>();
  private final Map<Integer, Long> loadingUntil = new HashMap<>();
  private final Set<String> inFlight = new HashSet<>();
  private int attempting;
  private final Set<TopicPartition> paused = new HashSet<>();
  private final KeyedGate runs = new KeyedGate(1);
  private final KeyedGate hosts;
  private final DispatchMetrics metrics;
  private final AttemptTracing tracing;

  private KafkaConsumer<String, byte[]> consumer;
  private KafkaProducer<String, byte[]> producer;
  private int partitions;
  private Thread loop;
  private volatile boolean running;

  public Dispatcher(
      DispatcherProperties properties,
      Clock clock,
      MeterRegistry registry,
      Tracer tracer,
      Propagator propagator) {
    this.properties = properties;
    this.clock = clock;
    this.tracing = new AttemptTracing(tracer, propagator);
    this.metrics = new DispatchMetrics(registry, clock);
    this.secrets = new SecretBox(properties.webhookSecretKey());
    this.plan = new RetryPlan(properties.webhookRetrySchedule(), properties.webhookMaxRetryAfter());
    this.hosts = new KeyedGate(properties.webhookConcurrencyPerHost());
    AddressPolicy policy = AddressPolicy.of(properties.webhookAllowedCidrs());
    if (!policy.allowed().isEmpty()) {
      log.warn("Webhooks may reach these non-public blocks, as configured: {}", policy.allowed());
    }
    this.deliverer =
        new HttpDeliverer(
            policy, properties.webhookTimeout(), properties.webhookConcurrency(), clock);
    this.photoLinks =
        new PhotoLinks(
            new MediaUrlSigner(
                properties.publicBaseUrl(),
                properties.mediaSigningSecret(),
                properties.mediaUrlTtl(),
                clock));
  }

  @Override
  public void start() {
    TopicAdmin.ensureTopics(
        properties.kafkaClients(), properties.partitions(), properties.replicationFactor());
    producer =
        new KafkaProducer<>(producerConfig(), new StringSerializer(), new ByteArraySerializer());
    partitions = producer.partitionsFor(Topics.WEBHOOK_SCHEDULE.name()).size();
    consumer =
        new KafkaConsumer<>(
            consumerConfig(), new StringDeserializer(), new ByteArrayDeserializer());
    running = true;
    loop = Thread.ofPlatform().name("rundun-webhook-dispatcher").start(this::run);
  }

  @Override
  public void stop() {
    running = false;
    if (consumer != null) {
      consumer.wakeup();
    }
    try {
      if (loop != null) {
        loop.join(Duration.ofSeconds(30));
      }
      workers.shutdown();
      producer.close(Duration.ofSeconds(10));
      deliverer.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      log.warn("Closing the HTTP client failed", e);
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void run() {
    try {
      consumer.subscribe(
          List.of(
              Topics.WEBHOOK_DELIVERIES.name(),
              Topics.WEBHOOK_SCHEDULE.name(),
              Topics.WEBHOOK_REDELIVERIES.name()),
          new Rebalance());
      while (running) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
          handle(record);
        }
        Runnable done;
        while ((done = completions.poll()) != null) {
          done.run();
        }
        finishLoading();
        dispatchDue();
        metrics.refreshPending(this::pendingRetryHosts);
        applyPauses();
        Map<TopicPartition, OffsetAndMetadata> commits = tracker.committable();
        if (!commits.isEmpty()) {
          consumer.commitAsync(commits, null);
        }
      }
    } catch (WakeupException e) {
      // stopping
    } catch (RuntimeException e) {
      log.error("The webhook dispatch loop failed", e);
    } finally {
      try {
        consumer.commitSync(tracker.committable());
      } catch (RuntimeException e) {
        log.warn("Final commit failed; those deliveries will be attempted again", e);
      }
      consumer.close();
    }
  }

  private void handle(ConsumerRecord<String, byte[]> record) {
    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
    if (record.topic().equals(Topics.WEBHOOK_SCHEDULE.name())) {
      Map<String, ScheduledDelivery> entries = schedule.get(record.partition());
      if (entries != null) {
        if (record.value() == null) {
          entries.remove(record.key());
        } else {
          entries.put(record.key(), Topics.WEBHOOK_SCHEDULE.deserializeValue(record.value()));
        }
      }
      return;
    }
    tracker.started(partition, record.offset());
    Runnable settle = () -> tracker.settled(partition, record.offset());
    if (record.value() == null) {
      settle.run();
    } else if (record.topic().equals(Topics.WEBHOOK_DELIVERIES.name())) {
      deliver(Topics.WEBHOOK_DELIVERIES.deserializeValue(record.value()), settle);
    } else {
      redeliver(Topics.WEBHOOK_REDELIVERIES.deserializeValue(record.value()), settle);
    }
  }

  private void deliver(WebhookDelivery delivery, Runnable settle) {
    String key = key(delivery.runId(), delivery.eventId());
    Map<String, ScheduledDelivery> entries = entriesOf(delivery.runId());
    if (entries.containsKey(key) || inFlight.contains(key)) {
      settle.run();
      return;
    }
    // First attempts of one run go one at a time, so a run's events arrive in order unless one
    // needs a retry; other runs are not held up.
    runs.enter(
        delivery.runId(),
        () -> {
          boolean stopped =
              entriesOf(delivery.runId()).containsKey(key(delivery.runId(), STOPPED_MARKER));
          submit(delivery, 1, settle, stopped, () -> runs.leave(delivery.runId()));
        });
  }

  private void redeliver(Redelivery redelivery, Runnable settle) {
    Map<String, ScheduledDelivery> entries = entriesOf(redelivery.runId());
    ScheduledDelivery entry = entries.get(key(redelivery.runId(), redelivery.eventId()));
    if (entry == null || entry.state() == ScheduledDelivery.State.PENDING) {
      settle.run();
      return;
    }
    ScheduledDelivery again =
        new ScheduledDelivery(
            entry.delivery(), 1, clock.instant(), ScheduledDelivery.State.PENDING);
    workers.submit(() -> {
      boolean written =
          awaitAll(
              List.of(
                  schedule(entry.delivery(), again),
                  produceSchedule(
                      redelivery.runId(), key(redelivery.runId(), STOPPED_MARKER), null)));
      completions.add(() -> {
        if (written) {
          writeThrough(entry.delivery(), again, false);
          settle.run();
        }
      });
    });
  }

  private List<String> pendingRetryHosts() {
    List<String> hosts = new ArrayList<>();
    for (Map<String, ScheduledDelivery> entries : schedule.values()) {
      for (ScheduledDelivery entry : entries.values()) {
        if (entry.state() == ScheduledDelivery.State.PENDING) {
          hosts.add(host(entry.delivery().url()));
        }
      }
    }
    return hosts;
  }

  private void dispatchDue() {
    Instant now = clock.instant();
    int room = properties.webhookConcurrency() - attempting;
    for (var partition : schedule.entrySet()) {
      if (room <= 0 || loadingUntil.containsKey(partition.getKey())) {
        continue;
      }
      for (var entry : List.copyOf(partition.getValue().entrySet())) {
        ScheduledDelivery due = entry.getValue();
        if (room > 0
            && due.state() == ScheduledDelivery.State.PENDING
            && !due.notBefore().isAfter(now)
            && !inFlight.contains(entry.getKey())) {
          submit(due.delivery(), due.attempt(), null, false, null);
          room--;
        }
      }
    }
  }

  /**
   * Makes one attempt on a worker, records it, then settles on the loop thread. Attempts to one
   * endpoint host are bounded, so a dead endpoint holds at most that many workers.
   */
  private void submit(
      WebhookDelivery delivery, int attempt, Runnable settle, boolean runStopped, Runnable after) {
    String key = key(delivery.runId(), delivery.eventId());
    String host = host(delivery.url());
    inFlight.add(key);
    hosts.enter(
        host,
        () -> {
          attempting++;
          workers.submit(() -> {
            Outcome outcome = runStopped ? stopped(delivery, attempt) : attempt(delivery, attempt);
            metrics.attempted(
                host, outcome.outcome(), Duration.ofMillis(outcome.result().durationMs()));
            boolean written = record(delivery, outcome);
            completions.add(() -> {
              inFlight.remove(key);
              if (written) {
                writeThrough(delivery, outcome.next(), outcome.stopsRun());
                if (settle != null) {
                  settle.run();
                }
              }
              attempting--;
              hosts.leave(host);
              if (after != null) {
                after.run();
              }
            });
          });
        });
  }

  private static String host(String url) {
    String host = java.net.URI.create(url).getHost();
    return host == null ? url : host.toLowerCase(java.util.Locale.ROOT);
  }

  private Outcome attempt(WebhookDelivery delivery, int number) {
    String secret;
    try {
      secret = secrets.open(delivery.encryptedSecret());
    } catch (IllegalArgumentException e) {
      return failed(delivery, number, new Attempt(null, 0, "the secret cannot be opened", null));
    }
    // Photo links are signed for this attempt: a retry a day after the event still sends live ones.
    String body = photoLinks.mintBody(delivery.payload());
    Attempt result =
        tracing.around(
            delivery.traceparent(),
            delivery.eventType(),
            headers -> deliverer.post(delivery.url(), secret, delivery.eventId(), body, headers));
    Instant now = clock.instant();
    if (result.succeeded()) {
      return new Outcome(number, now, result, WebhookAttempt.Outcome.DELIVERED, null, null, false);
    }
    if (result.gone()) {
      ScheduledDelivery stop =
          new ScheduledDelivery(delivery, number, now, ScheduledDelivery.State.STOPPED);
      return new Outcome(number, now, result, WebhookAttempt.Outcome.STOPPED, stop, null, true);
    }
    Optional<Instant> next = plan.next(number, now, result.retryAfter());
    if (next.isEmpty()) {
      return failed(delivery, number, result);
    }
    ScheduledDelivery retry =
        new ScheduledDelivery(delivery, number + 1, next.get(), ScheduledDelivery.State.PENDING);
    return new Outcome(
        number, now, result, WebhookAttempt.Outcome.RETRYING, retry, next.get(), false);
  }

  private Outcome failed(WebhookDelivery delivery, int number, Attempt result) {
    Instant now = clock.instant();
    ScheduledDelivery failed =
        new ScheduledDelivery(delivery, number, now, ScheduledDelivery.State.FAILED);
    return new Outcome(number, now, result, WebhookAttempt.Outcome.FAILED, failed, null, false);
  }

  /** An event of a run whose endpoint answered 410: not sent, kept for redelivery. */
  private Outcome stopped(WebhookDelivery delivery, int number) {
    Instant now = clock.instant();
    Attempt none =
        new Attempt(null, 0, "not sent: the endpoint answered 410 Gone for this run", null);
    ScheduledDelivery stop =
        new ScheduledDelivery(delivery, number, now, ScheduledDelivery.State.STOPPED);
    return new Outcome(number, now, none, WebhookAttempt.Outcome.STOPPED, stop, null, false);
  }

  /** Writes the attempt and the delivery's next state; true once Kafka has both. */
  private boolean record(WebhookDelivery delivery, Outcome outcome) {
    WebhookAttempt logged =
        new WebhookAttempt(
            null,
            delivery.eventId(),
            delivery.runId(),
            delivery.eventType(),
            outcome.number(),
            outcome.at(),
            delivery.url(),
            outcome.result().status(),
            outcome.result().durationMs(),
            outcome.result().error(),
            outcome.outcome(),
            outcome.nextAttemptAt());
    List<Future<RecordMetadata>> writes = new ArrayList<>();
    writes.add(
        producer.send(
            new ProducerRecord<>(
                Topics.WEBHOOK_ATTEMPTS.name(),
                delivery.runId(),
                Topics.WEBHOOK_ATTEMPTS.serializeValue(logged))));
    writes.add(schedule(delivery, outcome.next()));
    if (outcome.stopsRun()) {
      writes.add(
          produceSchedule(delivery.runId(), key(delivery.runId(), STOPPED_MARKER), outcome.next()));
    }
    return awaitAll(writes);
  }

  private Future<RecordMetadata> schedule(WebhookDelivery delivery, ScheduledDelivery next) {
    return produceSchedule(delivery.runId(), key(delivery.runId(), delivery.eventId()), next);
  }

  private Future<RecordMetadata> produceSchedule(
      String runId, String key, ScheduledDelivery value) {
    byte[] bytes = value == null ? null : Topics.WEBHOOK_SCHEDULE.serializeValue(value);
    return producer.send(
        new ProducerRecord<>(Topics.WEBHOOK_SCHEDULE.name(), partitionOf(runId), key, bytes));
  }

  private static boolean awaitAll(Collection<Future<RecordMetadata>> writes) {
    try {
      for (Future<RecordMetadata> write : writes) {
        write.get();
      }
      return true;
    } catch (ExecutionException e) {
      log.error("Recording a delivery attempt failed; it will be attempted again", e.getCause());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Applies what was just written, so the loop never acts on the state it replaced. */
  private void writeThrough(WebhookDelivery delivery, ScheduledDelivery next, boolean stopsRun) {
    Map<String, ScheduledDelivery> entries = schedule.get(partitionOf(delivery.runId()));
    if (entries == null) {
      return;
    }
    String key = key(delivery.runId(), delivery.eventId());
    if (next == null) {
      entries.remove(key);
    } else {
      entries.put(key, next);
    }
    String marker = key(delivery.runId(), STOPPED_MARKER);
    if (stopsRun) {
      entries.put(marker, next);
    } else if (next != null && next.state() == ScheduledDelivery.State.PENDING) {
      entries.remove(marker);
    }
  }

  private void finishLoading() {
    for (Integer partition : List.copyOf(loadingUntil.keySet())) {
      TopicPartition scheduled = new TopicPartition(Topics.WEBHOOK_SCHEDULE.name(), partition);
      if (consumer.position(scheduled) >= loadingUntil.get(partition)) {
        loadingUntil.remove(partition);
      }
    }
  }

  /** Deliveries wait while their schedule loads, and all wait while the workers are full. */
  private void applyPauses() {
    boolean full =
        attempting >= properties.webhookConcurrency()
            || hosts.waiting() + runs.waiting() >= properties.webhookMaxWaiting();
    Set<TopicPartition> wanted = new HashSet<>();
    for (TopicPartition partition : consumer.assignment()) {
      if (!partition.topic().equals(Topics.WEBHOOK_SCHEDULE.name())
          && (full || loadingUntil.containsKey(partition.partition()))) {
        wanted.add(partition);
      }
    }
    Set<TopicPartition> resume = new HashSet<>(paused);
    resume.removeAll(wanted);
    Set<TopicPartition> pause = new HashSet<>(wanted);
    pause.removeAll(paused);
    consumer.resume(resume);
    consumer.pause(pause);
    paused.clear();
    paused.addAll(wanted);
  }

  private Map<String, ScheduledDelivery> entriesOf(String runId) {
    return schedule.getOrDefault(partitionOf(runId), Map.of());
  }

  /** The partition Kafka's default partitioner gives the run id: where the run's records are. */
  private int partitionOf(String runId) {
    return Utils.toPositive(Utils.murmur2(runId.getBytes(StandardCharsets.UTF_8))) % partitions;
  }

  private static String key(String runId, String eventId) {
    return runId + "/" + eventId;
  }

  private Properties consumerConfig() {
    Properties props = properties.kafkaClients().properties();
    props.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
    props.put(
        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Math.max(10, properties.webhookConcurrency()));
    // How long a dead instance's deliveries wait before another instance takes them over.
    props.put(
        ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG,
        (int) properties.webhookSessionTimeout().toMillis());
    // Range assignment gives one instance the same partition of every topic: a run's deliveries,
    // schedule and redeliveries stay together.
    props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, RangeAssignor.class.getName());
    return props;
  }

  private Properties producerConfig() {
    Properties props = properties.kafkaClients().properties();
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 1);
    return props;
  }

  /** What an attempt came to and the delivery's next state (null: delivered). */
  private record Outcome(
      int number,
      Instant at,
      Attempt result,
      WebhookAttempt.Outcome outcome,
      ScheduledDelivery next,
      Instant nextAttemptAt,
      boolean stopsRun) {}

  /** Keeps the schedule and the offsets in step with the partitions this instance owns. */
  private final class Rebalance implements ConsumerRebalanceListener {

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
      Map<TopicPartition, OffsetAndMetadata> commits = tracker.committable();
      commits.keySet().retainAll(revoked);
      if (!commits.isEmpty()) {
        consumer.commitSync(commits);
      }
      Set<Integer> lost = new HashSet<>();
      for (TopicPartition partition : revoked) {
        lost.add(partition.partition());
      }
      runs.forget(runId -> lost.contains(partitionOf(runId)));
      for (TopicPartition partition : revoked) {
        tracker.forget(partition);
        paused.remove(partition);
        if (partition.topic().equals(Topics.WEBHOOK_SCHEDULE.name())) {
          schedule.remove(partition.partition());
          loadingUntil.remove(partition.partition());
        }
      }
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
      log.info("Webhook dispatch now owns {}", consumer.assignment());
      List<TopicPartition> scheduled =
          assigned.stream().filter(p -> p.topic().equals(Topics.WEBHOOK_SCHEDULE.name())).toList();
      if (scheduled.isEmpty()) {
        return;
      }
      consumer.seekToBeginning(scheduled);
      consumer
          .endOffsets(scheduled)
          .forEach((partition, end) -> {
            schedule.put(partition.partition(), new HashMap<>());
            loadingUntil.put(partition.partition(), end);
          });
    }
  }
}
