package app.rundun.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import app.rundun.processor.RunProcessorApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A run-processor instance killed with SIGKILL under load, then restarted: every run whose create
 * was acknowledged is there exactly once, and the month's count is exact. The client does what
 * integrators are told to: retry a create that was not acknowledged, with the same key.
 */
class ProcessorCrashTest {

  private static final int CREATES = 120;

  @Test
  void aRunProcessorKilledUnderLoadLosesNothingAndCountsExactly() throws Exception {
    Path log = Files.createTempFile("rundun-processor", ".log");
    Process processor = startProcessor(log);
    try {
      ChildJvm.awaitLine(log, "State transition from REBALANCING to RUNNING");
      Api live = TestSystem.newOrganisation("business");
      String template =
          live.post(
                  "/v1/templates",
                  Map.of(
                      "name",
                      "Load",
                      "steps",
                      List.of(Map.of("id", "s-1", "type", "boolean", "title", "Ok?"))))
              .expect(201)
              .json()
              .get("template_id")
              .asString();

      Map<String, String> runByKey = new ConcurrentHashMap<>();
      AtomicInteger refusals = new AtomicInteger();
      ExecutorService clients = Executors.newFixedThreadPool(8);
      List<Future<?>> load = new ArrayList<>();
      for (int i = 0; i < CREATES; i++) {
        String key = "load-" + i;
        load.add(
            clients.submit(() -> {
              long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
              while (System.nanoTime() < deadline) {
                Api.Response response = live.post("/v1/runs", Map.of("template_id", template), key);
                if (response.status() == 201) {
                  runByKey.put(key, response.json().get("run_id").asString());
                  return null;
                }
                assertThat(response.status()).as(response.body()).isEqualTo(503);
                refusals.incrementAndGet();
              }
              throw new AssertionError("Never acknowledged: " + key);
            }));
      }

      // Mid-load, the instance dies without a word, and comes back.
      Eventually.holds(Duration.ofSeconds(60), () -> runByKey.size() >= CREATES / 4);
      processor.destroyForcibly().waitFor();
      assertThat(runByKey.size()).as("killed under load").isLessThan(CREATES);
      processor = startProcessor(log);

      for (Future<?> client : load) {
        client.get();
      }
      clients.shutdown();

      assertThat(runByKey).hasSize(CREATES);
      assertThat(new HashSet<>(runByKey.values())).as("one run per key").hasSize(CREATES);
      for (String runId : runByKey.values()) {
        assertThat(readWithRetries(live, "/v1/runs/" + runId).get("run_id").asString())
            .isEqualTo(runId);
      }
      assertThat(readWithRetries(live, "/v1/usage").get("runs_used_this_month").asInt())
          .as("counted exactly once each, whatever the retries (%s)", refusals.get())
          .isEqualTo(CREATES);
    } finally {
      // Stopped gracefully this time, so that it leaves the group at once.
      processor.destroy();
      processor.waitFor();
      TestSystem.awaitProcessorsSettled();
    }
  }

  /** A read that may meet 503 while ownership settles, and nothing else. */
  private static tools.jackson.databind.JsonNode readWithRetries(Api live, String path)
      throws Exception {
    Api.Response response =
        Eventually.until(
            path + " answering 200",
            Duration.ofSeconds(60),
            () -> {
              Api.Response attempt = live.get(path);
              if (attempt.status() != 200) {
                assertThat(attempt.status()).as(attempt.body()).isEqualTo(503);
              }
              return attempt;
            },
            attempt -> attempt.status() == 200);
    return response.json();
  }

  /** A run-processor in a JVM of its own, sharing the test system's broker and group. */
  private static Process startProcessor(Path log) throws IOException {
    Path state = Files.createTempDirectory("rundun-processor-state");
    return ChildJvm.start(
        RunProcessorApplication.class,
        log,
        "--server.port=0",
        "--rundun.bootstrap-servers=" + TestSystem.get().bootstrapServers(),
        "--rundun.state-dir=" + state,
        "--rundun.advertised-host=127.0.0.1",
        "--rundun.media-signing-secret=test-media-signing-secret",
        "--rundun.session-timeout=6s");
  }
}
