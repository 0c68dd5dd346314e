package app.rundun.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import app.rundun.processor.RunProcessorApplication;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A run-processor instance killed with SIGKILL under load, then restarted: every run and answer
 * that was acknowledged is there exactly once, and the month's count is exact. The clients do what
 * integrators are told to: retry what was not acknowledged, a create with the same key.
 */
class ProcessorCrashTest {

  @Test
  void aRunProcessorKilledUnderLoadLosesNothingAndCountsExactly() throws Exception {
    Path log = Scratch.file("processor", ".log");
    Process processor = startProcessor(log);
    try {
      ChildJvm.awaitLine(log, "State transition from REBALANCING to RUNNING");
      Api live = TestSystem.newOrganisation("enterprise");
      try (AcknowledgedLoad load = AcknowledgedLoad.start(live, 8)) {
        // Step 1: the load is flowing across both instances.
        assertThat(Eventually.holds(Duration.ofSeconds(60), () -> load.completed() >= 20))
            .as("load flowing before the crash")
            .isTrue();

        // Step 2: mid-load, the instance dies without a word, and comes back.
        processor.destroyForcibly().waitFor();
        int completedAtCrash = load.completed();
        processor = startProcessor(log);

        // Step 3: the load flows again.
        assertThat(
                Eventually.holds(
                    Duration.ofSeconds(120), () -> load.completed() >= completedAtCrash + 40))
            .as("load flowing after the restart")
            .isTrue();

        // Step 4: every acknowledged run and answer is there exactly once; the count is exact.
        load.finishAndAssertNothingLostOrDoubled();
      }
    } finally {
      // Stopped gracefully this time, so that it leaves the group at once.
      processor.destroy();
      processor.waitFor();
      TestSystem.awaitProcessorsSettled();
    }
  }

  /** A run-processor in a JVM of its own, sharing the test system's broker and group. */
  private static Process startProcessor(Path log) throws IOException {
    Path state = Scratch.directory("processor-state");
    return ChildJvm.start(
        RunProcessorApplication.class,
        log,
        "--server.port=0",
        "--management.server.port=0",
        "--rundun.bootstrap-servers=" + TestSystem.get().bootstrapServers(),
        "--rundun.state-dir=" + state,
        "--rundun.advertised-host=127.0.0.1",
        "--rundun.media-signing-secret=test-media-signing-secret",
        "--rundun.internal-token=" + TestSystem.INTERNAL_TOKEN,
        "--rundun.session-timeout=6s");
  }
}
