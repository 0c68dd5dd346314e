package app.rundun.webhooks.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import app.rundun.contracts.events.RunEvent;
import app.rundun.contracts.events.RunEventType;
import app.rundun.contracts.kafka.Topics;
import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.contracts.webhooks.WebhookDelivery;
import app.rundun.contracts.webhooks.WebhookEndpoint;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher's copy of the account endpoints: which endpoints an event goes to, and that polled
 * events wait until every endpoint committed before them has been read, or are read again later.
 */
class EndpointDirectoryTest {

  private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
  private static final OrgId ORG = OrgId.mint();
  private static final TopicPartition ENDPOINTS =
      new TopicPartition(Topics.WEBHOOK_ENDPOINTS.name(), 0);
  private static final TopicPartition EVENTS = new TopicPartition(Topics.RUN_EVENTS.name(), 0);
  private static final TopicPartition DELIVERIES =
      new TopicPartition(Topics.WEBHOOK_DELIVERIES.name(), 0);

  private final MockConsumer<String, byte[]> endpointTopic = new MockConsumer<>("earliest");
  private EndpointDirectory directory;

  @AfterEach
  void close() {
    directory.close();
  }

  @Test
  void anEventGoesToEachEnabledEndpointOfItsOrganisationAndModeThatWantsIt() {
    List<WebhookEndpoint> endpoints =
        List.of(
            endpoint("we-live", ORG, Mode.LIVE, null, true),
            endpoint("we-listing", ORG, Mode.LIVE, List.of(RunEventType.RUN_OPENED), true),
            endpoint("we-other-type", ORG, Mode.LIVE, List.of(RunEventType.RUN_EXPIRED), true),
            endpoint("we-test", ORG, Mode.TEST, null, true),
            endpoint("we-off", ORG, Mode.LIVE, null, false),
            endpoint("we-elsewhere", OrgId.mint(), Mode.LIVE, null, true));
    topicHolds(endpoints);
    directory = new EndpointDirectory(endpointTopic);

    assertThat(directory.awaitFresh(System.nanoTime(), EndpointDirectory.WAIT)).isTrue();
    List<WebhookDelivery> fanned = directory.deliveries(opened(NOW), "00-trace-01");

    assertThat(fanned)
        .extracting(WebhookDelivery::endpointId)
        .containsExactlyInAnyOrder("we-live", "we-listing");
    assertThat(fanned)
        .allSatisfy(delivery -> {
          assertThat(delivery.encryptedSecret()).as("signed at each attempt").isNull();
          assertThat(delivery.traceparent()).isEqualTo("00-trace-01");
          assertThat(delivery.slot()).isEqualTo("e-1@" + delivery.endpointId());
        });
    assertThat(directory.deliveries(opened(NOW.minusSeconds(1)), null))
        .as("raised before the endpoints existed")
        .isEmpty();
  }

  @Test
  void polledEventsWaitForEveryEndpointCommittedBeforeThemOrAreReadAgainLater() {
    // The topic's end is past what the directory can read yet: an endpoint it has not seen.
    endpointTopic.updatePartitions(
        ENDPOINTS.topic(), List.of(new PartitionInfo(ENDPOINTS.topic(), 0, null, null, null)));
    endpointTopic.updateBeginningOffsets(Map.of(ENDPOINTS, 0L));
    endpointTopic.updateEndOffsets(Map.of(ENDPOINTS, 1L));
    directory = new EndpointDirectory(endpointTopic);
    MockConsumer<String, byte[]> dispatch = new MockConsumer<>("earliest");
    dispatch.assign(List.of(EVENTS, DELIVERIES));
    ConsumerRecords<String, byte[]> polled =
        new ConsumerRecords<>(
            Map.of(
                DELIVERIES,
                List.of(record(DELIVERIES, 5)),
                EVENTS,
                List.of(record(EVENTS, 7), record(EVENTS, 8))),
            Map.of());

    AtomicInteger deferred = new AtomicInteger();
    List<ConsumerRecord<String, byte[]>> now =
        directory.ready(polled, dispatch, deferred::addAndGet);

    assertThat(now).extracting(ConsumerRecord::topic).containsOnly(DELIVERIES.topic());
    assertThat(dispatch.position(EVENTS)).as("the events are read again").isEqualTo(7);
    assertThat(deferred).hasValue(2);

    endpointTopic.schedulePollTask(() ->
        endpointTopic.addRecord(endpointRecord(endpoint("we-1", ORG, Mode.LIVE, null, true), 0)));
    assertThat(directory.ready(polled, dispatch, deferred::addAndGet)).hasSize(3);
    assertThat(deferred).hasValue(2);
    assertThat(directory.deliveries(opened(NOW), null)).hasSize(1);
  }

  private void topicHolds(List<WebhookEndpoint> endpoints) {
    endpointTopic.updatePartitions(
        ENDPOINTS.topic(), List.of(new PartitionInfo(ENDPOINTS.topic(), 0, null, null, null)));
    endpointTopic.updateBeginningOffsets(Map.of(ENDPOINTS, 0L));
    endpointTopic.updateEndOffsets(Map.of(ENDPOINTS, (long) endpoints.size()));
    endpointTopic.assign(List.of(ENDPOINTS));
    for (int i = 0; i < endpoints.size(); i++) {
      endpointTopic.addRecord(endpointRecord(endpoints.get(i), i));
    }
  }

  private static ConsumerRecord<String, byte[]> endpointRecord(WebhookEndpoint endpoint, long at) {
    return new ConsumerRecord<>(
        ENDPOINTS.topic(),
        0,
        at,
        endpoint.key(),
        Topics.WEBHOOK_ENDPOINTS.serializeValue(endpoint));
  }

  private static ConsumerRecord<String, byte[]> record(TopicPartition partition, long offset) {
    return new ConsumerRecord<>(
        partition.topic(), partition.partition(), offset, "r-1", new byte[0]);
  }

  private static WebhookEndpoint endpoint(
      String id, OrgId org, Mode mode, List<RunEventType> events, boolean enabled) {
    return WebhookEndpoint.create(
        id,
        org,
        mode,
        new WebhookEndpoint.Changes("https://hooks.example.com/" + id, events, null, null, enabled),
        "sealed",
        NOW);
  }

  /** A run.opened event as the topic carries it. */
  private static RunEvent opened(Instant time) {
    String json =
        """
        {"specversion":"1.0","id":"e-1","source":"%s","type":"run.opened","subject":"r-1",
         "time":"%s","datacontenttype":"application/json","dataschema":"%s",
         "rundunorg":"%s","rundunmode":"live","data":{}}
        """
            .formatted(RunEvent.SOURCE, time, RunEventType.RUN_OPENED.schemaUrl(), ORG.value());
    return Topics.RUN_EVENTS.deserializeValue(json.getBytes(StandardCharsets.UTF_8));
  }
}
