package app.rundun.webhooks.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import app.rundun.contracts.kafka.OffsetReader.Position;
import app.rundun.contracts.webhooks.ScheduledDelivery;
import app.rundun.contracts.webhooks.WebhookDelivery;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScheduleTest {

  private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
  private final Schedule schedule = new Schedule(6);
  private final String run = DecisionTest.DELIVERY.runId();
  private final String event = DecisionTest.DELIVERY.eventId();

  @BeforeEach
  void ownTheRunsPartition() {
    schedule.own(schedule.partitionOf(run), 0);
  }

  @Test
  void theEchoOfAnOlderWriteCannotOverwriteANewerOne() {
    ScheduleEntry retry = ScheduleEntry.of(DecisionTest.DELIVERY, pending(2));
    ScheduleEntry delivered = ScheduleEntry.of(DecisionTest.DELIVERY, null);
    schedule.wrote(retry, 10);
    schedule.wrote(delivered, 11);

    schedule.read(retry, 10);

    assertThat(schedule.entry(run, event)).as("still delivered after the late echo").isEmpty();
    assertThat(schedule.due(NOW, 10, entry -> false)).isEmpty();
  }

  @Test
  void onceItsOwnEchoIsReadTheTopicIsFollowedAgain() {
    schedule.wrote(ScheduleEntry.of(DecisionTest.DELIVERY, pending(2)), 10);
    schedule.read(ScheduleEntry.of(DecisionTest.DELIVERY, pending(2)), 10);

    schedule.read(ScheduleEntry.of(DecisionTest.DELIVERY, pending(3)), 14);

    assertThat(schedule.entry(run, event)).get().extracting(KeptDelivery::attempt).isEqualTo(3);
  }

  @Test
  void keepsWhereEachDeliverysWholeStateLiesOnTheTopicNotTheStateItself() {
    schedule.read(ScheduleEntry.of(DecisionTest.DELIVERY, pending(2)), 41);

    KeptDelivery kept = schedule.entry(run, event).orElseThrow();
    assertThat(kept.position()).isEqualTo(new Position(schedule.partitionOf(run), 41));
    assertThat(kept.describes(pending(2))).isTrue();
    assertThat(kept.describes(pending(3))).as("another attempt's state").isFalse();
  }

  @Test
  void aDeliveryWrittenOverWhileItWasReadBackIsNoLongerCurrent() {
    schedule.read(ScheduleEntry.of(DecisionTest.DELIVERY, pending(2)), 7);
    KeptDelivery due = schedule.due(NOW, 10, entry -> false).getFirst();
    assertThat(schedule.current(due)).isTrue();

    schedule.wrote(ScheduleEntry.of(DecisionTest.DELIVERY, pending(1)), 9);
    assertThat(schedule.current(due)).as("redelivered meanwhile").isFalse();

    schedule.wrote(ScheduleEntry.of(DecisionTest.DELIVERY, null), 12);
    assertThat(schedule.current(due)).as("delivered meanwhile").isFalse();
  }

  @Test
  void aRunStoppedByAGoneIsASetOfRunsNotADelivery() {
    ScheduledDelivery gone =
        new ScheduledDelivery(DecisionTest.DELIVERY, 1, NOW, ScheduledDelivery.State.STOPPED);
    schedule.read(ScheduleEntry.stop(gone), 3);

    assertThat(schedule.stopped(run)).isTrue();
    assertThat(schedule.entry(run, event)).isEmpty();
    assertThat(schedule.pendingHosts()).isEmpty();

    schedule.wrote(ScheduleEntry.resume(run), 4);
    assertThat(schedule.stopped(run)).isFalse();
  }

  @Test
  void nothingIsDueFromAPartitionStillLoading() {
    Schedule loading = new Schedule(6);
    int partition = loading.partitionOf(run);
    loading.own(partition, 5);
    loading.read(ScheduleEntry.of(DecisionTest.DELIVERY, pending(2)), 1);

    assertThat(loading.due(NOW, 10, entry -> false)).isEmpty();
    loading.readTo(partition, 5);
    assertThat(loading.due(NOW, 10, entry -> false)).hasSize(1);
    assertThat(loading.due(NOW.minusSeconds(1), 10, entry -> false)).as("not yet due").isEmpty();
    assertThat(loading.due(NOW, 10, entry -> true)).as("skipped: in flight").isEmpty();
  }

  @Test
  void theEarliestDueGoFirstAndWhatIsDueLaterOrDoneIsNotOffered() {
    WebhookDelivery later = event("evt_later");
    WebhookDelivery earlier = event("evt_earlier");
    WebhookDelivery done = event("evt_done");
    WebhookDelivery future = event("evt_future");
    schedule.read(ScheduleEntry.of(later, pendingAt(later, NOW.minusSeconds(10))), 1);
    schedule.read(ScheduleEntry.of(earlier, pendingAt(earlier, NOW.minusSeconds(60))), 2);
    schedule.read(ScheduleEntry.of(done, pendingAt(done, NOW.minusSeconds(90))), 3);
    schedule.read(ScheduleEntry.of(future, pendingAt(future, NOW.plusSeconds(60))), 4);
    schedule.read(ScheduleEntry.of(done, null), 5);
    schedule.read(ScheduleEntry.of(later, pendingAt(later, NOW.minusSeconds(5))), 6);

    assertThat(schedule.due(NOW, 10, entry -> false))
        .extracting(KeptDelivery::key)
        .containsExactly(ScheduleEntry.key(earlier), ScheduleEntry.key(later));
    assertThat(schedule.due(NOW, 1, entry -> false))
        .extracting(KeptDelivery::key)
        .as("room for one: the one due longest")
        .containsExactly(ScheduleEntry.key(earlier));
    assertThat(schedule.pendingHosts()).containsOnly(DecisionTest.DELIVERY.host());
    assertThat(schedule.due(NOW.plusSeconds(60), 10, entry -> false)).hasSize(3);
  }

  @Test
  void aPartitionGivenUpForgetsItsDeliveries() {
    schedule.read(ScheduleEntry.of(DecisionTest.DELIVERY, pending(2)), 1);
    schedule.disown(schedule.partitionOf(run));

    assertThat(schedule.entry(run, event)).isEmpty();
    assertThat(schedule.pendingHosts()).isEmpty();
  }

  @Test
  void keysSurviveTheRoundTripThroughTheTopic() {
    ScheduleEntry stop =
        ScheduleEntry.stop(
            new ScheduledDelivery(DecisionTest.DELIVERY, 1, NOW, ScheduledDelivery.State.STOPPED));

    assertThat(ScheduleEntry.parse(stop.key(), stop.value())).isEqualTo(stop);
    assertThat(ScheduleEntry.parse("run_1/evt_1", null).slot()).isEqualTo("evt_1");
  }

  /** Another event of the same run, to the same webhook. */
  private static WebhookDelivery event(String eventId) {
    WebhookDelivery d = DecisionTest.DELIVERY;
    return new WebhookDelivery(
        eventId,
        d.runId(),
        d.orgId(),
        d.eventType(),
        d.url(),
        d.encryptedSecret(),
        d.payload(),
        d.createdAt(),
        d.traceparent(),
        d.endpointId());
  }

  private static ScheduledDelivery pendingAt(WebhookDelivery delivery, Instant due) {
    return new ScheduledDelivery(delivery, 2, due, ScheduledDelivery.State.PENDING);
  }

  private static ScheduledDelivery pending(int attempt) {
    return new ScheduledDelivery(
        DecisionTest.DELIVERY, attempt, NOW, ScheduledDelivery.State.PENDING);
  }
}
