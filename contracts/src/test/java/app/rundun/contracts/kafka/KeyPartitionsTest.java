package app.rundun.contracts.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

class KeyPartitionsTest {

  @Test
  void placesAKeyWhereTheProducersDefaultPartitionerDoes() {
    for (int i = 0; i < 1_000; i++) {
      String runId = "r-" + i;
      assertThat(KeyPartitions.of(runId, 6))
          .isEqualTo(BuiltInPartitioner.partitionForKey(runId.getBytes(StandardCharsets.UTF_8), 6));
    }
  }
}
