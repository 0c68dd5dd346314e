package app.rundun.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import app.rundun.contracts.kafka.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An account endpoint whose every attempt fails for the dispatcher's {@code
 * webhook-endpoint-disable-after} (8 s in the test system, 5 days by default) is disabled, and that
 * is an event on {@code rundun.account-events}; enabled again, it starts afresh.
 */
class EndpointAutoDisableTest {

  @Test
  void anEndpointThatFailsEveryAttemptForThePeriodIsDisabledAndThatIsAnEvent() throws Exception {
    try (Receiver receiver = new Receiver(n -> new Receiver.Reply(503, Map.of()))) {
      Api live = TestSystem.newOrganisation("team");
      String template =
          Fixtures.template(live, Map.of("name", "Hooks", "steps", Fixtures.ODOMETER_STEP));
      String endpoint =
          "/v1/webhook_endpoints/"
              + live.post(
                      "/v1/webhook_endpoints",
                      Map.of("url", receiver.url("/down"), "events", List.of("run.opened")))
                  .expect(201)
                  .json()
                  .get("id")
                  .asString();
      Instant began = Instant.now();

      // Step 1: events keep coming and every attempt fails; the endpoint says since when.
      JsonNode disabled =
          Eventually.until(
              "the endpoint disabled",
              Duration.ofSeconds(40),
              Duration.ofMillis(500),
              () -> {
                open(live, Fixtures.dispatch(live, template));
                return live.get(endpoint).expect(200).json();
              },
              shown -> !shown.get("enabled").asBoolean());
      Instant failingSince = Instant.parse(disabled.get("failing_since").asString());
      assertThat(failingSince).isBetween(began.minusSeconds(1), began.plusSeconds(5));
      // Not at the first failure but after the period: 8 s, less a second of whole-second times.
      assertThat(Duration.between(began, Instant.now()))
          .isGreaterThanOrEqualTo(Duration.ofSeconds(7));
      assertThat(disabled.get("disabled_reason").asString()).contains("failed");

      // Step 2: that is an event on the account topic, as its schema says.
      String endpointId = disabled.get("id").asString();
      List<ConsumerRecord<String, String>> events =
          RunEvents.committed(
              Topics.ACCOUNT_EVENTS.name(),
              record -> record.value().contains(endpointId),
              1,
              Duration.ofSeconds(20));
      assertThat(events).hasSize(1);
      assertThat(events.getFirst().key()).isEqualTo(live.orgId());
      JsonNode event = RunEvents.json(events.getFirst());
      assertThat(event.get("type").asString()).isEqualTo("webhook_endpoint.disabled");
      assertThat(event.get("subject").asString()).isEqualTo(endpointId);
      RunEvents.validate(event);

      // Step 3: a disabled endpoint gets nothing more.
      // Attempts already under way may still land: count once none has for a second.
      int received =
          Eventually.until(
              "no attempt in flight",
              Duration.ofSeconds(20),
              () -> {
                int now = receiver.received().size();
                return Eventually.stays(
                        Duration.ofSeconds(1), () -> receiver.received().size() == now)
                    ? now
                    : -1;
              },
              settled -> settled >= 0);
      open(live, Fixtures.dispatch(live, template));
      assertThat(
              Eventually.stays(
                  Duration.ofMillis(1500), () -> receiver.received().size() == received))
          .as("a disabled endpoint gets nothing")
          .isTrue();

      // Step 4: enabled again, and answering, it starts afresh.
      receiver.answerWith(n -> new Receiver.Reply(204, Map.of()));
      JsonNode enabled = live.patch(endpoint, Map.of("enabled", true)).expect(200).json();
      assertThat(enabled.get("failing_since").isNull()).isTrue();
      assertThat(enabled.get("disabled_reason").isNull()).isTrue();
      open(live, Fixtures.dispatch(live, template));
      assertThat(receiver.await(received + 1, Duration.ofSeconds(30))).hasSize(received + 1);
    }
  }

  private static void open(Api live, String runId) {
    live.anonymous().post("/v1/executor/runs/" + runId + "/open", Map.of()).expect(200);
  }
}
