package app.rundun.webhooks.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import app.rundun.contracts.kafka.Topics;
import app.rundun.contracts.webhooks.ScheduledDelivery;
import app.rundun.webhooks.delivery.Attempt;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class DispatchWritesTest {

  private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
  private static final RetryPlan PLAN =
      new RetryPlan(List.of(Duration.ofSeconds(5)), Duration.ZERO);

  @Test
  void aRetryIsLoggedAndScheduledOnTheRunsPartition() {
    MockProducer<String, byte[]> producer = producer(true);
    DispatchWrites writes = new DispatchWrites(producer, run -> 4);
    Decision retry = Decision.after(DecisionTest.DELIVERY, 1, failed(500), NOW, PLAN);

    List<DispatchWrites.Written> written =
        writes.attempted(DecisionTest.DELIVERY, retry).orElseThrow();

    assertThat(producer.history())
        .extracting(ProducerRecord::topic)
        .containsExactly(Topics.WEBHOOK_ATTEMPTS.name(), Topics.WEBHOOK_SCHEDULE.name());
    ProducerRecord<String, byte[]> scheduled = producer.history().get(1);
    assertThat(scheduled.partition()).isEqualTo(4);
    assertThat(scheduled.key()).isEqualTo("run_1/evt_1");
    assertThat(Topics.WEBHOOK_SCHEDULE.deserializeValue(scheduled.value()).attempt()).isEqualTo(2);
    assertThat(written).singleElement().extracting(w -> w.entry().value()).isEqualTo(retry.next());
  }

  @Test
  void aGoneAlsoStopsTheRunAndADeliveryWritesATombstone() {
    MockProducer<String, byte[]> producer = producer(true);
    DispatchWrites writes = new DispatchWrites(producer, run -> 0);

    writes.attempted(
        DecisionTest.DELIVERY, Decision.after(DecisionTest.DELIVERY, 1, failed(410), NOW, PLAN));
    writes.attempted(
        DecisionTest.DELIVERY,
        Decision.after(DecisionTest.DELIVERY, 1, new Attempt(200, 3, null, null), NOW, PLAN));

    assertThat(producer.history())
        .filteredOn(record -> record.topic().equals(Topics.WEBHOOK_SCHEDULE.name()))
        .extracting(ProducerRecord::key, record -> record.value() == null)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("run_1/evt_1", false),
            org.assertj.core.groups.Tuple.tuple("run_1/~stopped", false),
            org.assertj.core.groups.Tuple.tuple("run_1/evt_1", true));
  }

  @Test
  void aRedeliveryResumesTheRun() {
    MockProducer<String, byte[]> producer = producer(true);
    ScheduledDelivery again =
        new ScheduledDelivery(DecisionTest.DELIVERY, 1, NOW, ScheduledDelivery.State.PENDING);

    List<DispatchWrites.Written> written =
        new DispatchWrites(producer, run -> 0).redelivered(again).orElseThrow();

    assertThat(written)
        .extracting(w -> w.entry().key())
        .containsExactly("run_1/evt_1", "run_1/~stopped");
    assertThat(written.get(1).entry().value()).isNull();
  }

  @Test
  void aFailedWriteAnswersNothingSoTheRequestIsAttemptedAgain() {
    MockProducer<String, byte[]> producer = producer(false);
    DispatchWrites writes = new DispatchWrites(producer, run -> 0);
    Thread.ofVirtual()
        .start(() -> {
          while (producer.history().size() < 2) {
            Thread.onSpinWait();
          }
          producer.errorNext(new org.apache.kafka.common.errors.TimeoutException("broker away"));
          producer.completeNext();
        });

    assertThat(
            writes.attempted(
                DecisionTest.DELIVERY,
                Decision.after(DecisionTest.DELIVERY, 1, failed(500), NOW, PLAN)))
        .isEmpty();
  }

  private static MockProducer<String, byte[]> producer(boolean autoComplete) {
    return new MockProducer<>(
        autoComplete, null, new StringSerializer(), new ByteArraySerializer());
  }

  private static Attempt failed(int status) {
    return new Attempt(status, 5, "HTTP " + status, null);
  }
}
