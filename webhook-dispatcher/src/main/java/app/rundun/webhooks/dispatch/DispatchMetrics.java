package app.rundun.webhooks.dispatch;

import app.rundun.contracts.webhooks.WebhookAttempt;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The dispatcher's metrics: {@code rundun.webhook.attempts} (a timer by outcome and host), {@code
 * rundun.webhook.retries.pending} (a gauge by host), {@code rundun.webhook.deliveries.crowded} (a
 * counter by host of deliveries kept in the schedule because their host had too many queued) and
 * {@code rundun.webhook.events.deferred} (run events put off because the endpoint directory could
 * not catch up in time). Receivers' hosts are chosen by integrators, so only the first {@link
 * #MAX_HOSTS} seen get a label of their own and the rest share {@value #OTHER}: a flood of hosts
 * cannot blow up the number of series.
 */
final class DispatchMetrics {

  static final int MAX_HOSTS = 50;
  static final String OTHER = "other";
  private static final Duration REFRESH = Duration.ofSeconds(5);

  private final MeterRegistry registry;
  private final Clock clock;
  private final Map<String, String> labels = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> pending = new ConcurrentHashMap<>();
  private final Counter deferred;
  private Instant nextRefresh = Instant.MIN;

  DispatchMetrics(MeterRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
    // Present from the start, so a dashboard shows 0 pending rather than no data.
    gaugeOf(OTHER);
    this.deferred =
        Counter.builder("rundun.webhook.events.deferred")
            .description(
                "Run events read again later because the account endpoints could not be read"
                    + " up to them in time")
            .register(registry);
  }

  /** A delivery was kept in the schedule, not memory: its host had too many queued. */
  void crowded(String host) {
    Counter.builder("rundun.webhook.deliveries.crowded")
        .description("Deliveries kept in the schedule because their host had too many queued")
        .tag("host", label(host))
        .register(registry)
        .increment();
  }

  /** Polled run events were put off: the endpoint directory is not keeping up. */
  void deferred(int events) {
    deferred.increment(events);
  }

  /** One attempt's outcome and how long the receiver took; on a worker thread. */
  void attempted(String host, WebhookAttempt.Outcome outcome, Duration took) {
    Timer.builder("rundun.webhook.attempts")
        .description("Webhook attempts by outcome and receiver host")
        .tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
        .tag("host", label(host))
        .publishPercentileHistogram()
        .register(registry)
        .record(took);
  }

  /**
   * Counts the retries waiting, per host, every few seconds; on the loop thread, which owns the
   * schedule, so the counting needs no lock.
   */
  void refreshPending(Supplier<List<String>> hostsOfPendingRetries) {
    Instant now = clock.instant();
    if (now.isBefore(nextRefresh)) {
      return;
    }
    nextRefresh = now.plus(REFRESH);
    Map<String, Integer> counts = new HashMap<>();
    for (String host : hostsOfPendingRetries.get()) {
      counts.merge(label(host), 1, Integer::sum);
    }
    pending.forEach((label, gauge) -> gauge.set(counts.getOrDefault(label, 0)));
    counts.forEach((label, count) -> gaugeOf(label).set(count));
  }

  private AtomicInteger gaugeOf(String label) {
    return pending.computeIfAbsent(
        label,
        key -> {
          AtomicInteger value = new AtomicInteger();
          Gauge.builder("rundun.webhook.retries.pending", value, AtomicInteger::get)
              .description("Webhook deliveries waiting for their next attempt, by receiver host")
              .tag("host", key)
              .register(registry);
          return value;
        });
  }

  private String label(String host) {
    String known = labels.get(host);
    if (known != null) {
      return known;
    }
    synchronized (labels) {
      return labels.computeIfAbsent(host, h -> labels.size() < MAX_HOSTS ? h : OTHER);
    }
  }
}
