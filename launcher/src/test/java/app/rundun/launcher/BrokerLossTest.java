package app.rundun.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A three-node Kafka cluster loses a node under load, killed with SIGKILL: the active controller,
 * which also leads a third of the partitions. With replication factor 3 and min.insync.replicas 2
 * the other two carry on, and nothing acknowledged is lost or doubled.
 */
class BrokerLossTest {

  @Test
  void losingOneOfThreeBrokersUnderLoadLosesNothingAndCountsExactly() throws Exception {
    try (BrokerCluster cluster = BrokerCluster.start(3);
        RundunSystem system =
            TestSystem.startSeparate(
                cluster.bootstrapServers(), "rundun.replication-factor", "3")) {
      Api integrator = TestSystem.newOrganisationWithModes(system, "enterprise")[0];
      try (AcknowledgedLoad load = AcknowledgedLoad.start(integrator, 8)) {
        // Step 1: the load is flowing on all three nodes.
        assertThat(Eventually.holds(Duration.ofSeconds(60), () -> load.completed() >= 20))
            .as("load flowing before the loss")
            .isTrue();

        // Step 2: the active controller's machine dies.
        cluster.kill(cluster.activeController());
        int completedAtLoss = load.completed();

        // Step 3: the two that are left carry the load, with nobody restarting anything.
        assertThat(
                Eventually.holds(
                    Duration.ofSeconds(120), () -> load.completed() >= completedAtLoss + 40))
            .as("load flowing on two nodes")
            .isTrue();

        // Step 4: every acknowledged run and answer is there exactly once; the count is exact.
        load.finishAndAssertNothingLostOrDoubled();
      }
    }
  }
}
