package app.rundun.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import app.rundun.launcher.RundunSystem.ManagementTarget;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * What an orchestrator sees of a run-processor while another instance joins: it is taken out of
 * service during the rebalance (readiness 503) but never reported dead (liveness stays 200), and it
 * is ready again once Streams runs.
 */
class ProbesDuringRebalanceTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void aRebalanceTakesAProcessorOutOfServiceWithoutFailingItsLiveness() throws Exception {
    RundunSystem system = TestSystem.get();
    TestSystem.awaitProcessorsSettled();
    String first =
        system.managementTargets().stream()
            .filter(target -> target.service().equals("run-processor"))
            .map(ManagementTarget::url)
            .findFirst()
            .orElseThrow();
    assertThat(status(first + "/actuator/health/readiness")).as("ready before").isEqualTo(200);

    // Step 1: watch both probes of the first instance while a new instance joins the group.
    List<Integer> readiness = new CopyOnWriteArrayList<>();
    List<Integer> liveness = new CopyOnWriteArrayList<>();
    AtomicBoolean watching = new AtomicBoolean(true);
    Thread watcher =
        Thread.ofPlatform()
            .start(() -> {
              while (watching.get()) {
                readiness.add(status(first + "/actuator/health/readiness"));
                liveness.add(status(first + "/actuator/health/liveness"));
              }
            });
    int joined = system.processors().size();
    try {
      system.startProcessor("processor-probes", 0);
      Eventually.holds(
          java.time.Duration.ofSeconds(30),
          () -> status(first + "/actuator/health/readiness") == 200);
    } finally {
      watching.set(false);
      watcher.join();
      system.stopProcessor(joined);
      TestSystem.awaitProcessorsSettled();
    }

    // Step 2: out of service during the rebalance, alive throughout, ready after.
    assertThat(readiness).as("readiness while a processor joined").contains(503);
    assertThat(liveness).as("liveness while a processor joined").isNotEmpty().containsOnly(200);
    // Stopping the newcomer is a rebalance of its own (two rounds, cooperatively): ready again
    // after.
    Eventually.until(
        "the first processor ready again after the newcomer left",
        java.time.Duration.ofSeconds(30),
        () -> status(first + "/actuator/health/readiness"),
        code -> code == 200);
  }

  private static int status(String url) {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(URI.create(url)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (Exception e) {
      return -1;
    }
  }
}
