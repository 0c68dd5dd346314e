package app.rundun.webhooks.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OffsetTrackerTest {

  private final TopicPartition partition = new TopicPartition("rundun.webhook-deliveries", 0);

  @Test
  void commitsOnlyUpToTheFirstRecordStillOpen() {
    OffsetTracker tracker = new OffsetTracker();
    tracker.started(partition, 10);
    tracker.started(partition, 11);
    tracker.started(partition, 12);
    tracker.settled(partition, 11);
    tracker.settled(partition, 12);
    assertThat(tracker.committable()).isEmpty();

    tracker.settled(partition, 10);
    assertThat(tracker.committable().get(partition).offset()).isEqualTo(13);
    assertThat(tracker.committable()).as("nothing new to commit").isEmpty();
  }
}
