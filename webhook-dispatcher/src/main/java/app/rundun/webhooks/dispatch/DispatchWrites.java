package app.rundun.webhooks.dispatch;

import app.rundun.contracts.kafka.Topics;
import app.rundun.contracts.webhooks.ScheduledDelivery;
import app.rundun.contracts.webhooks.WebhookDelivery;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.ToIntFunction;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the dispatcher writes to Kafka before it settles a request: the attempt to the run's log and
 * the delivery's next state to the schedule, on the run's partition. Each call blocks until Kafka
 * has every record, and answers the schedule entries with the offsets they were written at — or
 * nothing, when a write failed and the request must be attempted again.
 */
final class DispatchWrites {

  private static final Logger log = LoggerFactory.getLogger(DispatchWrites.class);

  private final Producer<String, byte[]> producer;
  private final ToIntFunction<String> partitionOfRun;

  DispatchWrites(Producer<String, byte[]> producer, ToIntFunction<String> partitionOfRun) {
    this.producer = producer;
    this.partitionOfRun = partitionOfRun;
  }

  /** A schedule entry as Kafka has it. */
  record Written(ScheduleEntry entry, long offset) {}

  /**
   * The attempt {@code decision} describes, and the delivery's (and maybe the run's) next state.
   */
  Optional<List<Written>> attempted(WebhookDelivery delivery, Decision decision) {
    Future<RecordMetadata> attempt =
        producer.send(
            new ProducerRecord<>(
                Topics.WEBHOOK_ATTEMPTS.name(),
                delivery.runId(),
                Topics.WEBHOOK_ATTEMPTS.serializeValue(decision.logged(delivery))));
    List<ScheduleEntry> entries = new ArrayList<>();
    entries.add(ScheduleEntry.of(delivery, decision.next()));
    if (decision.stopsRun()) {
      entries.add(ScheduleEntry.stop(decision.next()));
    }
    return write(entries, attempt);
  }

  /** A delivery not attempted yet, kept in the schedule until {@code later} is due. */
  Optional<List<Written>> deferred(ScheduledDelivery later) {
    return write(List.of(ScheduleEntry.of(later.delivery(), later)), null);
  }

  /** A failed or held-back delivery scheduled again from its first attempt, its run resumed. */
  Optional<List<Written>> redelivered(ScheduledDelivery again) {
    WebhookDelivery delivery = again.delivery();
    // Only the run's own webhook is ever stopped by a 410; an endpoint's recovery resumes nothing.
    return write(
        delivery.endpointId() == null
            ? List.of(ScheduleEntry.of(delivery, again), ScheduleEntry.resume(delivery.runId()))
            : List.of(ScheduleEntry.of(delivery, again)),
        null);
  }

  private Optional<List<Written>> write(List<ScheduleEntry> entries, Future<RecordMetadata> also) {
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    for (ScheduleEntry entry : entries) {
      byte[] value =
          entry.value() == null ? null : Topics.WEBHOOK_SCHEDULE.serializeValue(entry.value());
      sent.add(
          producer.send(
              new ProducerRecord<>(
                  Topics.WEBHOOK_SCHEDULE.name(),
                  partitionOfRun.applyAsInt(entry.runId()),
                  entry.key(),
                  value)));
    }
    try {
      if (also != null) {
        also.get();
      }
      List<Written> written = new ArrayList<>();
      for (int i = 0; i < entries.size(); i++) {
        written.add(new Written(entries.get(i), sent.get(i).get().offset()));
      }
      return Optional.of(written);
    } catch (ExecutionException e) {
      log.error("Recording a delivery attempt failed; it will be attempted again", e.getCause());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
