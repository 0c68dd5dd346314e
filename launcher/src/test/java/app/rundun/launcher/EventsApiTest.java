package app.rundun.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An integrator reconciles from the API alone: {@code GET /v1/events} lists the organisation's run
 * events newest first, each the same CloudEvent as on the topic, and {@code GET /v1/events/:id}
 * reads one, for 30 days.
 */
class EventsApiTest {

  @Test
  void anIntegratorReadsItsRunsEventsFromTheApiAsTheTopicHasThem() throws Exception {
    Api[] modes = TestSystem.newOrganisationWithModes("team");
    Api live = modes[0];
    Api executor = live.anonymous();
    String template = Fixtures.oneStepTemplate(live, "Events");

    // Step 1: a run is dispatched, opened and answered; another run is only dispatched.
    String runId = Fixtures.dispatch(live, template);
    String run = "/v1/executor/runs/" + runId;
    executor.post(run + "/open", Map.of()).expect(200);
    executor.put(run + "/steps/s-1/answer", Map.of("value", true)).expect(200);
    String other = Fixtures.dispatch(live, template);

    // Step 2: the list has all four, newest first, each exactly the event on rundun.run-events.
    List<JsonNode> onTheTopic =
        RunEvents.of(runId, 3, Duration.ofSeconds(20)).stream().map(RunEvents::json).toList();
    JsonNode ofTheRun =
        Eventually.until(
            "the run's events in the log",
            Duration.ofSeconds(20),
            () -> live.get("/v1/events?run_id=" + runId).expect(200).json(),
            page -> page.get("data").size() == 3);
    assertThat(ofTheRun.get("object").asString()).isEqualTo("list");
    assertThat(ofTheRun.get("has_more").asBoolean()).isFalse();
    assertThat(types(ofTheRun)).containsExactly("step.completed", "run.opened", "run.created");
    assertThat(ofTheRun.get("data").get(2)).isEqualTo(onTheTopic.get(0));
    assertThat(ofTheRun.get("data").get(0)).isEqualTo(onTheTopic.get(2));
    for (JsonNode event : ofTheRun.get("data")) {
      RunEvents.validate(event);
    }
    JsonNode everything =
        Eventually.until(
            "the other run's event in the log",
            Duration.ofSeconds(20),
            () -> live.get("/v1/events").expect(200).json(),
            page -> page.get("data").size() == 4);
    assertThat(everything.get("data").get(0).get("subject").asString()).isEqualTo(other);

    // Step 3: one event by its id; filters and cursors as on every list.
    String answered = ofTheRun.get("data").get(0).get("id").asString();
    assertThat(live.get("/v1/events/" + answered).expect(200).json())
        .isEqualTo(ofTheRun.get("data").get(0));
    assertThat(types(live.get("/v1/events?type=run.created").expect(200).json()))
        .containsExactly("run.created", "run.created");
    assertThat(types(live.get("/v1/events?type=run.opened,step.completed").expect(200).json()))
        .containsExactly("step.completed", "run.opened");
    JsonNode afterFirst =
        live.get("/v1/events?limit=1&starting_after=" + answered).expect(200).json();
    assertThat(types(afterFirst)).containsExactly("run.opened");
    assertThat(afterFirst.get("has_more").asBoolean()).isTrue();
    assertThat(
            live.get("/v1/events?created[gt]=2999-01-01T00:00:00Z").expect(200).json().get("data"))
        .isEmpty();

    // Step 4: the run's whole history, paged one event at a time both ways, in order.
    List<JsonNode> newestFirst = new ArrayList<>();
    String cursor = null;
    JsonNode page;
    do {
      page =
          live.get(
                  "/v1/events?run_id="
                      + runId
                      + "&limit=1"
                      + (cursor == null ? "" : "&starting_after=" + cursor))
              .expect(200)
              .json();
      page.get("data").forEach(newestFirst::add);
      cursor = page.get("data").get(0).get("id").asString();
    } while (page.get("has_more").asBoolean());
    assertThat(newestFirst.reversed()).isEqualTo(onTheTopic);
    List<JsonNode> oldestFirst = new ArrayList<>(List.of(newestFirst.getLast()));
    do {
      page =
          live.get("/v1/events?run_id=" + runId + "&limit=1&ending_before=" + cursor)
              .expect(200)
              .json();
      page.get("data").forEach(oldestFirst::add);
      cursor = page.get("data").isEmpty() ? cursor : page.get("data").get(0).get("id").asString();
    } while (page.get("has_more").asBoolean());
    assertThat(oldestFirst).isEqualTo(onTheTopic);

    // Step 5: another organisation, or the test mode, sees none of it; bad input is 400.
    TestSystem.newOrganisation("team")
        .get("/v1/events/" + answered)
        .expectError(404, "not_found", null);
    modes[1].get("/v1/events/" + answered).expectError(404, "not_found", null);
    assertThat(modes[1].get("/v1/events").expect(200).json().get("data")).isEmpty();
    live.get("/v1/events/not-an-event").expectError(404, "not_found", null);
    live.get("/v1/events?type=run.paused").expectError(400, "invalid_request", "type");
    live.get("/v1/events?run_id=nope").expectError(400, "invalid_request", "run_id");
    live.get("/v1/events?starting_after=r-1").expectError(400, "invalid_request", "starting_after");
    live.get("/v1/events?created[gte]=yesterday")
        .expectError(400, "invalid_request", "created[gte]");
    live.get("/v1/events?status=completed").expectError(400, "invalid_request", "status");
    live.anonymous().get("/v1/events").expectError(401, "unauthorized", null);
  }

  private static List<String> types(JsonNode page) {
    List<String> types = new ArrayList<>();
    page.get("data").forEach(event -> types.add(event.get("type").asString()));
    return types;
  }
}
