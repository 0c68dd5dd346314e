package app.rundun.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import app.rundun.webhooks.WebhookDispatcherApplication;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A dispatcher killed with SIGKILL in the middle of a burst loses nothing: once it is back, every
 * event has arrived, and any event delivered twice carries the same {@code webhook-id}.
 */
class DispatcherCrashTest {

  private static final int RUNS = 30;

  @Test
  void aDispatcherKilledMidBurstLosesNoEvent() throws Exception {
    // A slow receiver, so that deliveries are still unanswered when the dispatcher dies.
    try (Receiver receiver =
        new Receiver(n -> {
          sleep(1_000);
          return new Receiver.Reply(200, Map.of());
        })) {
      Path log = Scratch.file("dispatcher", ".log");
      Process dispatcher = startDispatcher(log);
      try {
        // Once the separate dispatcher owns partitions, it has a share of the burst.
        ChildJvm.awaitLine(log, "Webhook dispatch now owns [rundun");
        Api live = TestSystem.newOrganisation("business");
        String template =
            live.post(
                    "/v1/templates",
                    Map.of(
                        "name",
                        "Burst",
                        "steps",
                        List.of(Map.of("id", "s-1", "type", "boolean", "title", "Ok?"))))
                .expect(201)
                .json()
                .get("template_id")
                .asString();
        List<String> runs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
          runs.add(
              live.post(
                      "/v1/runs",
                      Map.of(
                          "template_id",
                          template,
                          "webhook",
                          Map.of("url", receiver.url("/burst"), "events", List.of("run.opened"))))
                  .expect(201)
                  .json()
                  .get("run_id")
                  .asString());
        }
        for (String run : runs) {
          live.anonymous().post("/v1/executor/runs/" + run + "/open", Map.of()).expect(200);
        }

        receiver.await(10, Duration.ofSeconds(30));
        dispatcher.destroyForcibly().waitFor();
        assertThat(receiver.answered()).as("killed with deliveries unanswered").isLessThan(RUNS);
        dispatcher = startDispatcher(log);

        Eventually.holds(Duration.ofSeconds(90), () -> distinctRuns(receiver).size() == RUNS);
        assertThat(distinctRuns(receiver)).containsExactlyInAnyOrderElementsOf(runs);
        Map<String, Set<String>> idsByRun =
            receiver.received().stream()
                .collect(
                    Collectors.groupingBy(
                        r -> TestSystem.json(r.body()).get("data").get("run_id").asString(),
                        Collectors.mapping(r -> r.header("webhook-id"), Collectors.toSet())));
        assertThat(idsByRun.values())
            .as("duplicates share their webhook-id")
            .allMatch(ids -> ids.size() == 1);
      } finally {
        dispatcher.destroyForcibly().waitFor();
      }
    }
  }

  private static Set<String> distinctRuns(Receiver receiver) {
    return receiver.received().stream()
        .map(r -> TestSystem.json(r.body()).get("data").get("run_id").asString())
        .collect(Collectors.toSet());
  }

  /** The dispatcher in a JVM of its own, so that it can be killed like a process in production. */
  private static Process startDispatcher(Path log) throws IOException {
    return ChildJvm.start(
        WebhookDispatcherApplication.class,
        log,
        "--server.port=0",
        "--rundun.bootstrap-servers=" + TestSystem.get().bootstrapServers(),
        "--rundun.webhook-secret-key=" + TestSystem.WEBHOOK_SECRET_KEY,
        "--rundun.webhook-allowed-cidrs=127.0.0.0/8",
        "--rundun.webhook-retry-schedule=200ms,200ms,200ms",
        "--rundun.webhook-session-timeout=6s");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
