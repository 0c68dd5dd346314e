package app.rundun.webhooks.dispatch;

import app.rundun.contracts.kafka.Topics;
import app.rundun.contracts.webhooks.WebhookDelivery;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the schedule, the offsets and the per-run gates in step with the partitions this instance
 * owns: what it loses is committed as far as it is settled and forgotten; a schedule partition it
 * gains is read from the start before its deliveries go.
 */
final class Ownership implements ConsumerRebalanceListener {

  private static final Logger log = LoggerFactory.getLogger(Ownership.class);

  private final KafkaConsumer<String, byte[]> consumer;
  private final OffsetTracker tracker;
  private final Pauses pauses;
  private final Attempts attempts;
  private final Schedule schedule;

  Ownership(
      KafkaConsumer<String, byte[]> consumer,
      OffsetTracker tracker,
      Pauses pauses,
      Attempts attempts,
      Schedule schedule) {
    this.consumer = consumer;
    this.tracker = tracker;
    this.pauses = pauses;
    this.attempts = attempts;
    this.schedule = schedule;
  }

  @Override
  public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
    Map<TopicPartition, OffsetAndMetadata> commits = tracker.committable();
    commits.keySet().retainAll(revoked);
    if (!commits.isEmpty()) {
      consumer.commitSync(commits);
    }
    Set<Integer> lost = new HashSet<>();
    for (TopicPartition partition : revoked) {
      lost.add(partition.partition());
    }
    attempts.forgetRuns(
        target -> lost.contains(schedule.partitionOf(WebhookDelivery.runOfTarget(target))));
    for (TopicPartition partition : revoked) {
      tracker.forget(partition);
      pauses.forget(partition);
      if (partition.topic().equals(Topics.WEBHOOK_SCHEDULE.name())) {
        schedule.disown(partition.partition());
      }
    }
  }

  @Override
  public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
    log.info("Webhook dispatch now owns {}", consumer.assignment());
    List<TopicPartition> scheduled =
        assigned.stream().filter(p -> p.topic().equals(Topics.WEBHOOK_SCHEDULE.name())).toList();
    if (scheduled.isEmpty()) {
      return;
    }
    consumer.seekToBeginning(scheduled);
    consumer
        .endOffsets(scheduled)
        .forEach((partition, end) -> schedule.own(partition.partition(), end));
  }

  /** A schedule partition has loaded once the consumer's position reaches its end at assignment. */
  void finishLoading() {
    for (Integer partition : schedule.loadingPartitions()) {
      schedule.readTo(
          partition,
          consumer.position(new TopicPartition(Topics.WEBHOOK_SCHEDULE.name(), partition)));
    }
  }
}
