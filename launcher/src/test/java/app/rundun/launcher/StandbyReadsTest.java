package app.rundun.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import app.rundun.processor.RunProcessorApplication;
import app.rundun.processor.StreamsRunner;
import app.rundun.processor.runs.RunStage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.LagInfo;
import org.junit.jupiter.api.Test;

/**
 * Reads while a run-processor instance dies and the group rebalances, with one standby replica of
 * every partition: each read is answered at once, either by the owner, or by the standby flagged
 * {@code Rundun-Stale: true}, or with 503 and Retry-After. Never with other data than was written.
 */
class StandbyReadsTest {

  private static final int RUNS = 20;

  @Test
  void readsDuringARebalanceComeFromTheStandbyFlaggedOrAre503NeverWrong() throws Exception {
    Path log = Scratch.file("processor", ".log");
    try (RundunSystem system = TestSystem.startSeparate(null, "rundun.standby-replicas", "1")) {
      StreamsRunner survivor = system.processors().get(0).getBean(StreamsRunner.class);
      Process doomed =
          ChildJvm.start(
              RunProcessorApplication.class,
              log,
              "--server.port=0",
              "--management.server.port=0",
              "--rundun.bootstrap-servers=" + system.bootstrapServers(),
              "--rundun.state-dir=" + Scratch.directory("processor-state"),
              "--rundun.advertised-host=127.0.0.1",
              "--rundun.media-signing-secret=test-media-signing-secret",
              "--rundun.internal-token=" + TestSystem.INTERNAL_TOKEN,
              "--rundun.session-timeout=6s",
              "--rundun.standby-replicas=1");
      try {
        // Step 1: two instances, each the owner of half the partitions and the standby of the rest.
        assertThat(
                Eventually.holds(
                    Duration.ofSeconds(90),
                    () ->
                        survivor.isRunning()
                            && survivor.streams().metadataForAllStreamsClients().size() == 2
                            && localRunPartitions(survivor).size() == 6))
            .as("two instances sharing six partitions, with a standby each")
            .isTrue();

        // Step 2: runs are written and read back from their owners.
        Api integrator = TestSystem.newOrganisationWithModes(system, "team")[0];
        String template =
            integrator
                .post("/v1/templates", AcknowledgedLoad.TEMPLATE)
                .expect(201)
                .json()
                .get("template_id")
                .asString();
        Map<String, String> written = new HashMap<>();
        for (int i = 0; i < RUNS; i++) {
          String runId =
              integrator
                  .post("/v1/runs", Map.of("template_id", template))
                  .expect(201)
                  .json()
                  .get("run_id")
                  .asString();
          written.put(runId, integrator.get("/v1/runs/" + runId).expect(200).body());
        }
        // A standby reads committed records only; the last offset of an exactly-once changelog is
        // a transaction marker, so a copy that has everything committed is one behind the end.
        assertThat(
                Eventually.holds(
                    Duration.ofSeconds(30),
                    () ->
                        localRunPartitions(survivor).values().stream()
                            .allMatch(lag -> lag.offsetLag() <= 1)))
            .as("the standby copies caught up: %s", localRunPartitions(survivor))
            .isTrue();

        // Step 3: one instance dies; until the group notices, and while it rebalances, every run
        // is read again and again.
        doomed.destroyForcibly().waitFor();
        int fresh = 0;
        int flagged = 0;
        int refused = 0;
        long until = System.nanoTime() + Duration.ofSeconds(12).toNanos();
        while (System.nanoTime() < until) {
          for (var run : written.entrySet()) {
            long started = System.nanoTime();
            Api.Response read = integrator.get("/v1/runs/" + run.getKey());
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                .as("answered at once")
                .isLessThan(Duration.ofSeconds(3));
            if (read.status() == 503) {
              assertThat(read.retryAfter()).isNotBlank();
              refused++;
              continue;
            }
            assertThat(read.status()).as(read.body()).isEqualTo(200);
            assertThat(read.body()).as("the run as written").isEqualTo(run.getValue());
            if ("true".equals(read.stale())) {
              flagged++;
            } else {
              fresh++;
            }
          }
        }
        System.out.printf(
            "Reads across the loss of an instance: %d current, %d from a standby, %d refused%n",
            fresh, flagged, refused);
        assertThat(flagged).as("reads answered by the standby, flagged").isPositive();

        // Step 4: the survivor owns everything; reads are current again.
        for (var run : written.entrySet()) {
          Api.Response settled =
              Eventually.until(
                  "a current read of " + run.getKey(),
                  Duration.ofSeconds(60),
                  () -> integrator.get("/v1/runs/" + run.getKey()),
                  read -> read.status() == 200 && read.stale() == null);
          assertThat(settled.body()).isEqualTo(run.getValue());
        }
      } finally {
        doomed.destroyForcibly().waitFor();
      }
    }
  }

  private static Map<Integer, LagInfo> localRunPartitions(StreamsRunner runner) {
    return runner
        .streams()
        .allLocalStorePartitionLags()
        .getOrDefault(RunStage.RUNS_STORE, Map.of());
  }
}
