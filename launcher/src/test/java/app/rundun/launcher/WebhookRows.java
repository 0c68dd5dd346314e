package app.rundun.launcher;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Webhooks through the whole system: runs dispatched with a webhook on {@code run.opened} (or to
 * one account endpoint), opened, each timed from the open request being sent to its delivery
 * arriving at a local receiver.
 */
final class WebhookRows {

  /** Where a row's deliveries go. */
  enum Target {
    /** Each run's own webhook. */
    RUN_WEBHOOK,
    /** One account endpoint of the organisation; the runs have no webhook of their own. */
    ACCOUNT_ENDPOINT
  }

  private static final Pattern RUN_ID = Pattern.compile("\"run_id\":\"(r-[0-9a-f-]{36})\"");

  private final Api api;
  private final String template;
  private final int callers;

  WebhookRows(Api api, String template, int callers) {
    this.api = api;
    this.template = template;
    this.callers = callers;
  }

  /**
   * {@code runs} runs to {@code target}; with {@code deadEvery} > 0, every such run points at an
   * endpoint that accepts connections and never answers, and only the others are timed. Without a
   * label it is a warm-up.
   */
  BenchRow measure(String label, Target target, int deadEvery, int runs) throws Exception {
    Map<String, Long> arrived = new ConcurrentHashMap<>();
    try (Receiver receiver = receiver(arrived);
        SilentEndpoint dead = new SilentEndpoint(InetAddress.getLoopbackAddress())) {
      String live = receiver.url("/hook");
      String never = dead.url("localhost");
      List<String> healthy = new ArrayList<>();
      List<String> all = new ArrayList<>();
      String endpoint = target == Target.ACCOUNT_ENDPOINT ? endpoint(live) : null;
      for (int i = 0; i < runs; i++) {
        boolean isDead = deadEvery > 0 && i % deadEvery == 0;
        String run =
            endpoint != null
                ? Fixtures.dispatch(api, template)
                : runWithWebhook(isDead ? never : live);
        all.add(run);
        if (!isDead) {
          healthy.add(run);
        }
      }
      Map<String, Long> sent = new ConcurrentHashMap<>();
      AtomicInteger next = new AtomicInteger();
      BenchRow.load(
          "open",
          all.size(),
          callers,
          () -> {
            String run = all.get(next.getAndIncrement());
            sent.put(run, System.nanoTime());
            return BenchRow.timed(
                api.anonymous().post("/v1/executor/runs/" + run + "/open", Map.of()));
          });
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (!arrived.keySet().containsAll(healthy) && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      long[] latencies =
          healthy.stream()
              .filter(arrived::containsKey)
              .mapToLong(run -> arrived.get(run) - sent.get(run))
              .toArray();
      long first = healthy.stream().mapToLong(sent::get).min().orElseThrow();
      long last =
          healthy.stream().filter(arrived::containsKey).mapToLong(arrived::get).max().orElseThrow();
      if (endpoint != null) {
        api.delete("/v1/webhook_endpoints/" + endpoint).expect(200);
      }
      return new BenchRow(
          label == null ? "warm-up" : label + " (" + latencies.length + "/" + healthy.size() + ")",
          BenchRow.Kind.MEASURED,
          latencies.length,
          (last - first) / 1e9,
          latencies);
    }
  }

  /** A run of the template with its own webhook for {@code run.opened}; returns its id. */
  private String runWithWebhook(String url) {
    Map<String, Object> webhook =
        Map.of("url", url, "secret", "whsec_abc123", "events", List.of("run.opened"));
    return api.post("/v1/runs", Map.of("template_id", template, "webhook", webhook))
        .expect(201)
        .json()
        .get("run_id")
        .asString();
  }

  /** An account endpoint of the organisation for {@code run.opened}; returns its id. */
  private String endpoint(String url) {
    return api.post(
            "/v1/webhook_endpoints",
            Map.of("url", url, "secret", "whsec_abc123", "events", List.of("run.opened")))
        .expect(201)
        .json()
        .get("id")
        .asString();
  }

  /** A receiver noting when each run's first delivery arrived. */
  private static Receiver receiver(Map<String, Long> arrived) {
    return Receiver.noting(
        InetAddress.getLoopbackAddress(),
        request -> {
          Matcher match = RUN_ID.matcher(request.body());
          if (match.find()) {
            arrived.putIfAbsent(match.group(1), request.nanos());
          }
        });
  }
}
