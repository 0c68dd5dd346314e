package app.rundun.webhooks.dispatch;

import app.rundun.contracts.events.RunEvent;
import app.rundun.contracts.kafka.TopicAdmin;
import app.rundun.contracts.kafka.Topics;
import app.rundun.contracts.kafka.TraceHeaders;
import app.rundun.contracts.webhooks.Recovery;
import app.rundun.contracts.webhooks.Redelivery;
import app.rundun.contracts.webhooks.ScheduledDelivery;
import app.rundun.contracts.webhooks.WebhookDelivery;
import app.rundun.webhooks.DispatcherProperties;
import app.rundun.webhooks.delivery.AttemptTracing;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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

  private final DispatcherProperties properties;
  private final Clock clock;
  private Attempter attempter;
  private EndpointDirectory endpoints;
  private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
  private final ConcurrentLinkedQueue<Runnable> completions = new ConcurrentLinkedQueue<>();

  // Owned by the loop thread.
  private final OffsetTracker tracker = new OffsetTracker();
  private final Set<String> inFlight = new HashSet<>();
  private int attempting;
  private final Pauses pauses = new Pauses();
  private final KeyedGate runs = new KeyedGate(1);
  private final KeyedGate hosts;
  private final DispatchMetrics metrics;
  private final AttemptTracing tracing;

  private KafkaConsumer<String, byte[]> consumer;
  private KafkaProducer<String, byte[]> producer;
  private Schedule schedule;
  private DispatchWrites writes;
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
    this.hosts = new KeyedGate(properties.webhookConcurrencyPerHost());
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
    writes = new DispatchWrites(producer, schedule::partitionOf);
    consumer = DispatchClients.consumer(properties);
    ownership = new Ownership(consumer, tracker, pauses, runs, schedule);
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
        Runnable done;
        while ((done = completions.poll()) != null) {
          done.run();
        }
        ownership.finishLoading();
        dispatchDue();
        metrics.refreshPending(
            () -> schedule.pending().stream().map(WebhookDelivery::host).toList());
        pauses.apply(
            consumer,
            attempting >= properties.webhookConcurrency()
                || hosts.waiting() + runs.waiting() >= properties.webhookMaxWaiting(),
            schedule::loading);
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
      deliverAll(List.of(delivery), tracker.start(partition, offset, 1));
    } else if (topic.equals(Topics.RUN_EVENTS.name())) {
      RunEvent event = Topics.RUN_EVENTS.deserializeValue(record.value());
      String traceparent = TraceHeaders.traceparent(record.headers()).orElse(null);
      List<WebhookDelivery> fanned = endpoints.deliveries(event, traceparent);
      deliverAll(fanned, tracker.start(partition, offset, fanned.size()));
    } else if (topic.equals(Topics.WEBHOOK_RECOVERIES.name())) {
      Recovery recovery = Topics.WEBHOOK_RECOVERIES.deserializeValue(record.value());
      List<ScheduledDelivery> failed = schedule.matching(record.partition(), recovery::covers);
      resendAll(failed, tracker.start(partition, offset, failed.size()));
    } else {
      Redelivery redelivery = Topics.WEBHOOK_REDELIVERIES.deserializeValue(record.value());
      List<ScheduledDelivery> again = schedule.redeliverable(redelivery);
      resendAll(again, tracker.start(partition, offset, again.size()));
    }
  }

  private void deliverAll(List<WebhookDelivery> deliveries, Runnable settle) {
    deliveries.forEach(delivery -> deliver(delivery, settle));
  }

  private void resendAll(List<ScheduledDelivery> entries, Runnable settle) {
    entries.forEach(entry -> resend(entry, settle));
  }

  private void deliver(WebhookDelivery delivery, Runnable settle) {
    if (schedule.entry(delivery.runId(), delivery.slot()).isPresent()
        || inFlight.contains(ScheduleEntry.key(delivery))) {
      settle.run();
      return;
    }
    // First attempts of one run to one webhook go one at a time, so a run's events arrive in
    // order unless one needs a retry; other runs and other endpoints are not held up.
    runs.enter(
        delivery.target(),
        () -> submit(delivery, 1, settle, stopped(delivery), () -> runs.leave(delivery.target())));
  }

  /** Whether the run's own webhook answered 410 (an account endpoint is never stopped so). */
  private boolean stopped(WebhookDelivery delivery) {
    return delivery.endpointId() == null && schedule.stopped(delivery.runId());
  }

  /** Schedules a failed or stopped delivery again, from its first attempt, due now. */
  private void resend(ScheduledDelivery entry, Runnable settle) {
    workers.submit(() -> {
      Optional<List<DispatchWrites.Written>> written =
          writes.redelivered(entry.again(clock.instant()));
      completions.add(() -> {
        if (written.isPresent()) {
          applyWritten(written.get());
          settle.run();
        }
      });
    });
  }

  private void dispatchDue() {
    int room = properties.webhookConcurrency() - attempting;
    if (room <= 0) {
      return;
    }
    for (ScheduledDelivery due :
        schedule.due(
            clock.instant(),
            room,
            entry -> inFlight.contains(ScheduleEntry.key(entry.delivery())))) {
      submit(due.delivery(), due.attempt(), null, stopped(due.delivery()), null);
    }
  }

  /**
   * Makes one attempt on a worker, records it, then settles on the loop thread. Attempts to one
   * endpoint host are bounded, so a dead endpoint holds at most that many workers.
   */
  private void submit(
      WebhookDelivery delivery, int attempt, Runnable settle, boolean runStopped, Runnable after) {
    String key = ScheduleEntry.key(delivery);
    String host = delivery.host();
    inFlight.add(key);
    hosts.enter(
        host,
        () -> {
          attempting++;
          workers.submit(() -> {
            Decision decision =
                runStopped
                    ? Decision.heldBack(delivery, attempt, clock.instant())
                    : attempter.attempt(delivery, attempt);
            metrics.attempted(
                host, decision.outcome(), Duration.ofMillis(decision.result().durationMs()));
            Optional<List<DispatchWrites.Written>> written = writes.attempted(delivery, decision);
            completions.add(() -> {
              inFlight.remove(key);
              if (written.isPresent()) {
                applyWritten(written.get());
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

  /** Applies what was just written, so the loop never acts on the state it replaced. */
  private void applyWritten(List<DispatchWrites.Written> written) {
    for (DispatchWrites.Written write : written) {
      schedule.wrote(write.entry(), write.offset());
    }
  }
}
