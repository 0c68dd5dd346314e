package app.rundun.webhooks.dispatch;

import static app.rundun.contracts.webhooks.ScheduledDelivery.State.PENDING;

import app.rundun.contracts.kafka.OffsetReader;
import app.rundun.contracts.kafka.OffsetReader.Position;
import app.rundun.contracts.webhooks.ScheduledDelivery;
import app.rundun.contracts.webhooks.WebhookDelivery;
import app.rundun.webhooks.DispatcherProperties;
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
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The attempts in flight and the bounds on them: one first attempt at a time per run and target (so
 * a run's events arrive in order unless one needs a retry), at most {@code
 * webhook-concurrency-per-host} per host (so a dead endpoint holds only those workers), {@code
 * webhook-concurrency} in all. A host with {@code webhook-max-waiting-per-host} deliveries queued
 * gets further ones kept in the schedule instead, taken up once it has room. Attempts and writes
 * run on virtual threads; what they wrote is applied on the loop thread ({@link #completeAll}),
 * which owns everything else here. A retry's or a resend's whole state is read back from the
 * schedule topic on a worker first: the schedule keeps only where it lies.
 */
final class Attempts {

  private static final Logger log = LoggerFactory.getLogger(Attempts.class);

  /** How long a delivery for a crowded host waits in the schedule before it is looked at again. */
  private static final Duration DEFER = Duration.ofSeconds(5);

  private final DispatcherProperties properties;
  private final Clock clock;
  private final Attempter attempter;
  private final DispatchWrites writes;
  private final Schedule schedule;
  private final OffsetReader<ScheduledDelivery> stored;
  private final DispatchMetrics metrics;
  private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
  private final ConcurrentLinkedQueue<Runnable> completions = new ConcurrentLinkedQueue<>();

  // Owned by the loop thread.
  private final Set<String> inFlight = new HashSet<>();
  private int attempting;
  private int readingBack;
  private final KeyedGate runs = new KeyedGate(1);
  private final KeyedGate hosts;

  Attempts(
      DispatcherProperties properties,
      Clock clock,
      Attempter attempter,
      DispatchWrites writes,
      Schedule schedule,
      OffsetReader<ScheduledDelivery> stored,
      DispatchMetrics metrics) {
    this.properties = properties;
    this.clock = clock;
    this.attempter = attempter;
    this.writes = writes;
    this.schedule = schedule;
    this.stored = stored;
    this.metrics = metrics;
    this.hosts = new KeyedGate(properties.webhookConcurrencyPerHost());
  }

  /** Applies, on the loop thread, what the workers have finished. */
  void completeAll() {
    Runnable done;
    while ((done = completions.poll()) != null) {
      done.run();
    }
  }

  /** Whether no more should be taken in: every worker busy, or too many waiting their turn. */
  boolean full() {
    return attempting >= properties.webhookConcurrency()
        || hosts.waiting() + runs.waiting() >= properties.webhookMaxWaiting();
  }

  /** Forgets the waiting first attempts of the targets that match (their partitions left). */
  void forgetRuns(Predicate<String> targets) {
    runs.forget(targets);
  }

  void close() {
    workers.shutdown();
    stored.close();
  }

  /** Delivers each; {@code settle} runs once per delivery recorded. */
  void deliverAll(List<WebhookDelivery> deliveries, Runnable settle) {
    deliveries.forEach(delivery -> deliver(delivery, settle));
  }

  /**
   * Schedules each again from its first attempt; {@code settle} runs once per one recorded, or per
   * one that changed meanwhile (delivered, say) and has nothing to send again.
   */
  void resendAll(List<KeptDelivery> entries, Runnable settle) {
    readBack(
        entries,
        stored ->
            stored.ifPresent(bodies -> {
              for (KeptDelivery entry : entries) {
                ScheduledDelivery body = bodies.get(entry.position());
                if (entry.describes(body) && schedule.current(entry)) {
                  resend(body, settle);
                } else {
                  settle.run();
                }
              }
            }));
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
    onWorker(() -> writes.redelivered(entry.again(clock.instant())), () -> {}, settle, () -> {});
  }

  /**
   * Runs {@code work} (an attempt, a write) on a worker, then back on the loop: {@code first},
   * then, if Kafka has what was written, applies it and settles, then {@code last}. A write that
   * failed leaves the request unsettled, to be attempted again.
   */
  private void onWorker(
      Supplier<Optional<List<DispatchWrites.Written>>> work,
      Runnable first,
      Runnable settle,
      Runnable last) {
    workers.submit(() -> {
      Optional<List<DispatchWrites.Written>> written = work.get();
      completions.add(() -> {
        first.run();
        written.ifPresent(done -> {
          applyWritten(done);
          settle.run();
        });
        last.run();
      });
    });
  }

  /** Starts the retries that are due, as far as the bounds allow. */
  void dispatchDue() {
    int room = properties.webhookConcurrency() - attempting - readingBack;
    if (room <= 0) {
      return;
    }
    List<KeptDelivery> due =
        schedule.due(
            clock.instant(),
            room,
            entry -> inFlight.contains(entry.key()) || crowded(entry.host()));
    if (due.isEmpty()) {
      return;
    }
    due.forEach(entry -> inFlight.add(entry.key()));
    readingBack += due.size();
    readBack(
        due,
        stored -> {
          readingBack -= due.size();
          Map<Position, ScheduledDelivery> bodies = stored.orElse(Map.of());
          for (KeptDelivery entry : due) {
            inFlight.remove(entry.key());
            ScheduledDelivery body = bodies.get(entry.position());
            // Written over while it was read back (delivered by a redelivery, say): what was
            // written is what counts, and goes when it is due.
            if (entry.describes(body) && schedule.current(entry)) {
              submit(body.delivery(), body.attempt(), () -> {}, stopped(body.delivery()), () -> {});
            }
          }
        });
  }

  /**
   * Reads the entries' whole state back from the schedule topic on a worker, then hands it to
   * {@code then} on the loop thread: nothing when Kafka could not give it in time.
   */
  private void readBack(
      List<KeptDelivery> entries, Consumer<Optional<Map<Position, ScheduledDelivery>>> then) {
    if (entries.isEmpty()) {
      return;
    }
    workers.submit(() -> {
      Optional<Map<Position, ScheduledDelivery>> bodies;
      try {
        bodies = Optional.of(stored.read(entries.stream().map(KeptDelivery::position).toList()));
      } catch (KafkaException e) {
        log.warn("Reading {} deliveries back from the schedule failed", entries.size(), e);
        bodies = Optional.empty();
      }
      Optional<Map<Position, ScheduledDelivery>> read = bodies;
      completions.add(() -> then.accept(read));
    });
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
    if (crowded(host)) {
      defer(
          new ScheduledDelivery(delivery, attempt, clock.instant().plus(DEFER), PENDING),
          settle,
          after);
      return;
    }
    hosts.enter(
        host,
        () -> {
          attempting++;
          onWorker(
              () -> {
                Decision decision =
                    runStopped
                        ? Decision.heldBack(delivery, attempt, clock.instant())
                        : attempter.attempt(delivery, attempt);
                metrics.attempted(
                    host, decision.outcome(), Duration.ofMillis(decision.result().durationMs()));
                return writes.attempted(delivery, decision);
              },
              () -> inFlight.remove(key),
              settle,
              () -> {
                attempting--;
                hosts.leave(host);
                after.run();
              });
        });
  }

  /**
   * Whether the host already has as many deliveries queued in memory as it may: a dead endpoint
   * answers nothing for the whole timeout, and its queue must not grow until it pauses everything.
   */
  private boolean crowded(String host) {
    return hosts.crowded(host, properties.webhookMaxWaitingPerHost());
  }

  /**
   * Keeps a delivery for a crowded host in the schedule instead of memory, not attempted (its
   * attempt number unchanged); {@link #dispatchDue} takes it up once the host has room.
   */
  private void defer(ScheduledDelivery later, Runnable settle, Runnable after) {
    String key = ScheduleEntry.key(later.delivery());
    metrics.crowded(later.delivery().host());
    onWorker(() -> writes.deferred(later), () -> inFlight.remove(key), settle, after);
  }

  /** Applies what was just written, so the loop never acts on the state it replaced. */
  private void applyWritten(List<DispatchWrites.Written> written) {
    for (DispatchWrites.Written write : written) {
      schedule.wrote(write.entry(), write.offset());
    }
  }
}
