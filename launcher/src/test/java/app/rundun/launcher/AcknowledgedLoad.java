package app.rundun.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Integrators and executors under a steady load while a fault happens: each client creates a run
 * with an {@code Idempotency-Key}, opens it and answers its one step with a value of its own,
 * retrying whatever was not acknowledged, as integrators are told to. It remembers every
 * acknowledgement and every refusal, so that a test can prove afterwards that nothing acknowledged
 * was lost or doubled.
 */
final class AcknowledgedLoad implements AutoCloseable {

  /** The template every run of the load is made from: one number step. */
  static final Map<String, Object> TEMPLATE =
      Map.of(
          "name",
          "Meter round",
          "steps",
          List.of(Map.of("id", "s-meter", "type", "number", "title", "Meter reading")));

  /** A request that was refused: when it started, how long the answer took, what it was. */
  record Refusal(long startedAtNanos, long tookNanos, int status, String retryAfter, String body) {}

  private static final Duration PAUSE_AFTER_REFUSAL = Duration.ofMillis(100);
  private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(3);

  private final Api integrator;
  private final Api executor;
  private final String templateId;
  private final ExecutorService clients;
  private final List<Future<?>> running = new ArrayList<>();
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final AtomicInteger next = new AtomicInteger();
  private final Map<Integer, String> runByKey = new ConcurrentHashMap<>();
  private final Map<Integer, String> answeredRuns = new ConcurrentHashMap<>();
  private final Queue<Refusal> refusals = new ConcurrentLinkedQueue<>();
  private final AtomicInteger completedAt = new AtomicInteger();

  private AcknowledgedLoad(Api integrator, String templateId, int clientCount) {
    this.integrator = integrator;
    this.executor = integrator.anonymous();
    this.templateId = templateId;
    this.clients = Executors.newFixedThreadPool(clientCount);
    for (int i = 0; i < clientCount; i++) {
      running.add(clients.submit(this::work));
    }
  }

  /** Starts {@code clientCount} clients on the organisation's API, with a template of its own. */
  static AcknowledgedLoad start(Api integrator, int clientCount) {
    String template =
        integrator.post("/v1/templates", TEMPLATE).expect(201).json().get("template_id").asString();
    return new AcknowledgedLoad(integrator, template, clientCount);
  }

  private Void work() throws InterruptedException {
    while (!stopping.get()) {
      int index = next.getAndIncrement();
      String key = "load-" + index;
      String runId =
          acknowledged(() -> integrator.post("/v1/runs", Map.of("template_id", templateId), key))
              .json()
              .get("run_id")
              .asString();
      runByKey.put(index, runId);
      String run = "/v1/executor/runs/" + runId;
      acknowledged(() -> executor.post(run + "/open", Map.of()));
      acknowledged(() -> executor.put(run + "/steps/s-meter/answer", Map.of("value", index)));
      answeredRuns.put(index, runId);
      completedAt.incrementAndGet();
    }
    return null;
  }

  /**
   * Repeats the request until it is acknowledged. On the way only a 503 is acceptable, or a 409 for
   * a key still held by an earlier attempt that an outage cut off (the key frees itself).
   */
  private Api.Response acknowledged(Supplier<Api.Response> request) throws InterruptedException {
    long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
    while (System.nanoTime() < deadline) {
      long started = System.nanoTime();
      Api.Response response = request.get();
      if (response.status() / 100 == 2) {
        return response;
      }
      refusals.add(
          new Refusal(
              started,
              System.nanoTime() - started,
              response.status(),
              response.retryAfter(),
              response.body()));
      if (response.status() == 409) {
        response.expectError(409, "conflict", "Idempotency-Key");
      } else {
        assertThat(response.status()).as(response.body()).isEqualTo(503);
      }
      Thread.sleep(PAUSE_AFTER_REFUSAL.toMillis());
    }
    throw new AssertionError("Not acknowledged within " + GIVE_UP_AFTER);
  }

  /** Runs fully acknowledged so far: created, opened and answered. */
  int completed() {
    return completedAt.get();
  }

  /** Every refusal so far. */
  List<Refusal> refusals() {
    return List.copyOf(refusals);
  }

  /**
   * Stops taking new keys, lets every client finish the run it is on, and proves the outcome: one
   * run per key, each holding its own answer, and the month's count exactly the number of keys.
   */
  void finishAndAssertNothingLostOrDoubled() throws Exception {
    stopping.set(true);
    for (Future<?> client : running) {
      client.get(GIVE_UP_AFTER.toMillis(), TimeUnit.MILLISECONDS);
    }
    int keys = next.get();
    System.out.printf(
        "Load: %d runs created, opened and answered; %d requests refused with 503 on the way%n",
        keys, refusals.size());
    assertThat(runByKey).as("every key acknowledged").hasSize(keys);
    assertThat(answeredRuns).as("every answer acknowledged").hasSize(keys);
    assertThat(new HashSet<>(runByKey.values())).as("one run per key").hasSize(keys);
    for (var entry : runByKey.entrySet()) {
      JsonNode run = read("/v1/runs/" + entry.getValue());
      assertThat(run.get("status").asString()).isEqualTo("in_progress");
      assertThat(run.get("answers").get("s-meter").get("value").asInt())
          .as("the answer acknowledged for %s", entry.getValue())
          .isEqualTo(entry.getKey());
    }
    assertThat(read("/v1/usage").get("runs_used_this_month").asInt())
        .as("counted exactly once each, whatever the retries (%s)", refusals.size())
        .isEqualTo(keys);
  }

  /** A read that may meet 503 while ownership settles, and nothing else. */
  private JsonNode read(String path) throws Exception {
    return Eventually.until(
            path + " answering 200",
            Duration.ofSeconds(60),
            () -> {
              Api.Response attempt = integrator.get(path);
              if (attempt.status() != 200) {
                assertThat(attempt.status()).as(attempt.body()).isEqualTo(503);
              }
              return attempt;
            },
            attempt -> attempt.status() == 200)
        .json();
  }

  @Override
  public void close() {
    stopping.set(true);
    clients.shutdownNow();
  }
}
