package app.rundun.webhooks.dispatch;

import app.rundun.contracts.events.RunEvent;
import app.rundun.contracts.kafka.OffsetReader;
import app.rundun.contracts.kafka.TopicAdmin;
import app.rundun.contracts.kafka.Topics;
import app.rundun.contracts.kafka.TraceHeaders;
import app.rundun.contracts.webhooks.Recovery;
import app.rundun.contracts.webhooks.Redelivery;
import app.rundun.contracts.webhooks.WebhookDelivery;
import app.rundun.webhooks.DispatcherProperties;
import app.rundun.webhooks.delivery.AttemptTracing;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Delivers every subscribed run event at least once, to the run's own webhook and to the account
 * endpoints that want it, without one endpoint holding up another.
 *
 * <p>A delivery request (from {@code rundun.webhook-deliveries}, or fanned out from an event of
 * {@code rundun.run-events}) is attempted at once, in parallel with others up to the concurrency
 * bound. What happens next is written to Kafka before the request's offset is committed: the
 * attempt to {@code rundun.webhook-attempts}, and, unless delivered, the next attempt (or the
 * failure) to the compacted {@code rundun.webhook-schedule}, placed on the partition of the run, so
 * the instance owning a run's deliveries owns its schedule too. On assignment an instance reads its
 * schedule partitions from the start and holds their deliveries until it has; a crash at any point
 * leads to an attempt being made again, never to one being lost, and every attempt of an event
 * carries the same {@code webhook-id}.
 */
@Component
public class Dispatcher implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

  /** How long reading due deliveries back from the schedule may take before they wait a turn. */
  private static final Duration STORED_READ_TIMEOUT = Duration.ofSeconds(10);

  private final DispatcherProperties properties;
  private final Clock clock;
  private Attempter attempter;
  private EndpointDirectory endpoints;

  // Owned by the loop thread.
  private final OffsetTracker tracker = new OffsetTracker();
  private final Pauses pauses = new Pauses();
  private final DispatchMetrics metrics;
  private final AttemptTracing tracing;

  private KafkaConsumer<String, byte[]> consumer;
  private KafkaProducer<String, byte[]> producer;
  private Schedule schedule;
  private Attempts attempts;
  private Ownership ownership;
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
  }

  @Override
  public void start() {
    TopicAdmin.ensureTopics(
        properties.kafkaClients(), properties.partitions(), properties.replicationFactor());
    endpoints = new EndpointDirectory(properties.kafkaClients());
    producer = DispatchClients.producer(properties);
    EndpointHealthReports health =
        new EndpointHealthReports(producer, properties.webhookEndpointDisableAfter());
    attempter = new Attempter(properties, clock, endpoints, health, tracing);
    schedule = new Schedule(producer.partitionsFor(Topics.WEBHOOK_SCHEDULE.name()).size());
    attempts =
        new Attempts(
            properties,
            clock,
            attempter,
            new DispatchWrites(producer, schedule::partitionOf),
            schedule,
            new OffsetReader<>(
                properties.kafkaClients(), Topics.WEBHOOK_SCHEDULE, STORED_READ_TIMEOUT, clock),
            metrics);
    consumer = DispatchClients.consumer(properties);
    ownership = new Ownership(consumer, tracker, pauses, attempts, schedule);
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
      attempts.close();
      producer.close(Duration.ofSeconds(10));
      attempter.close();
      endpoints.close();
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
      consumer.subscribe(DispatchClients.INPUTS, ownership);
      while (running) {
        for (ConsumerRecord<String, byte[]> record :
            endpoints.ready(consumer.poll(Duration.ofMillis(50)), consumer, metrics::deferred)) {
          handle(record);
        }
        attempts.completeAll();
        ownership.finishLoading();
        attempts.dispatchDue();
        metrics.refreshPending(schedule::pendingHosts);
        pauses.apply(consumer, attempts.full(), schedule::loading);
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
        commitFinally();
      } catch (RuntimeException e) {
        log.warn("Final commit failed; those deliveries will be attempted again", e);
      }
      consumer.close();
    }
  }

  /**
   * Commits what is settled, once more if the stop's wake-up, arriving after the last poll,
   * interrupts the first try (it interrupts only one call).
   */
  private void commitFinally() {
    try {
      consumer.commitSync(tracker.committable());
    } catch (WakeupException e) {
      consumer.commitSync(tracker.committable());
    }
  }

  /**
   * A record of each input topic asks for deliveries (of a run's webhook, of endpoints from an
   * event) or resends (a redelivery, a recovery); its offset settles once all of them are recorded.
   */
  private void handle(ConsumerRecord<String, byte[]> record) {
    String topic = record.topic();
    if (topic.equals(Topics.WEBHOOK_SCHEDULE.name())) {
      schedule.read(record.key(), record.value(), record.offset());
      return;
    }
    TopicPartition partition = new TopicPartition(topic, record.partition());
    long offset = record.offset();
    if (record.value() == null) {
      tracker.start(partition, offset, 0);
    } else if (topic.equals(Topics.WEBHOOK_DELIVERIES.name())) {
      WebhookDelivery delivery = Topics.WEBHOOK_DELIVERIES.deserializeValue(record.value());
      attempts.deliverAll(List.of(delivery), tracker.start(partition, offset, 1));
    } else if (topic.equals(Topics.RUN_EVENTS.name())) {
      RunEvent event = Topics.RUN_EVENTS.deserializeValue(record.value());
      String traceparent = TraceHeaders.traceparent(record.headers()).orElse(null);
      List<WebhookDelivery> fanned = endpoints.deliveries(event, traceparent);
      attempts.deliverAll(fanned, tracker.start(partition, offset, fanned.size()));
    } else if (topic.equals(Topics.WEBHOOK_RECOVERIES.name())) {
      Recovery recovery = Topics.WEBHOOK_RECOVERIES.deserializeValue(record.value());
      List<KeptDelivery> failed =
          schedule.matching(record.partition(), entry -> entry.coveredBy(recovery));
      attempts.resendAll(failed, tracker.start(partition, offset, failed.size()));
    } else {
      Redelivery redelivery = Topics.WEBHOOK_REDELIVERIES.deserializeValue(record.value());
      List<KeptDelivery> again = schedule.redeliverable(redelivery);
      attempts.resendAll(again, tracker.start(partition, offset, again.size()));
    }
  }
}
