package app.rundun.launcher;

import static app.rundun.launcher.SeedShapes.seed;
import static org.assertj.core.api.Assertions.assertThat;

import app.rundun.processor.StreamsRunner;
import app.rundun.processor.runs.RunStage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The rules around runs, end to end: quota, expiry, ownership, refusals, events, instances. */
class RunRulesTest {

  private static final List<Map<String, Object>> ONE_STEP =
      List.of(Map.of("id", "s-od01", "type", "number", "title", "Odometer"));

  @Test
  void fortyParallelCreatesInAFreshStarterMonthGiveExactlyThirtyRunsAndTenRefusals()
      throws Exception {
    Api[] org = TestSystem.newOrganisationWithModes("starter");
    Api live = org[0];
    Api test = org[1];
    String templateId = template(live);

    ExecutorService pool = Executors.newFixedThreadPool(40);
    List<Callable<Api.Response>> creates = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      creates.add(() -> live.post("/v1/runs", Map.of("template_id", templateId)));
    }
    List<Api.Response> responses = new ArrayList<>();
    for (Future<Api.Response> future : pool.invokeAll(creates)) {
      responses.add(future.get());
    }
    pool.shutdown();

    assertThat(responses.stream().filter(r -> r.status() == 201)).hasSize(30);
    List<Api.Response> refused = responses.stream().filter(r -> r.status() == 402).toList();
    assertThat(refused).hasSize(10);
    JsonNode body = refused.getFirst().json();
    assertThat(body.get("error")).isEqualTo(seed("quota-exceeded.json").get("error"));
    assertThat(body.get("message")).isEqualTo(seed("quota-exceeded.json").get("message"));

    JsonNode usage = live.get("/v1/usage").expect(200).json();
    assertThat(usage.get("plan").asString()).isEqualTo("starter");
    assertThat(usage.get("runs_included").asInt()).isEqualTo(30);
    assertThat(usage.get("runs_used_this_month").asInt()).isEqualTo(30);

    // Test mode never counts: a test key still dispatches, and live usage is unchanged.
    test.post("/v1/runs", Map.of("template_id", templateId)).expect(201);
    assertThat(test.get("/v1/usage").expect(200).json().get("runs_used_this_month").asInt())
        .isEqualTo(1);
    assertThat(live.get("/v1/usage").expect(200).json().get("runs_used_this_month").asInt())
        .isEqualTo(30);

    // A run pack bought for this month lets the next run through.
    TestSystem.operator()
        .post("/admin/v1/organisations/" + live.orgId() + "/run_packs", Map.of("runs", 5))
        .expect(201);
    live.post("/v1/runs", Map.of("template_id", templateId)).expect(201);
  }

  @Test
  void aRunExpiresAtItsTimeAndTheEventIsOnTheTopic() throws Exception {
    Api live = TestSystem.newOrganisation("team");
    String runId = run(live, template(live), Map.of("expires_in_hours", 0.0005));
    Api executor = live.anonymous();
    executor.get("/v1/runs/" + runId + "/preview").expect(200);

    List<ConsumerRecord<String, String>> events = RunEvents.of(runId, 2, Duration.ofSeconds(20));
    assertThat(events).hasSize(2);
    assertThat(RunEvents.json(events.getFirst()).get("type").asString()).isEqualTo("run.created");
    JsonNode expired = RunEvents.json(events.getLast());
    assertThat(expired.get("type").asString()).isEqualTo("run.expired");
    assertThat(expired.get("data").get("status").asString()).isEqualTo("expired");
    RunEvents.validate(expired);

    executor.get("/v1/runs/" + runId + "/preview").expectError(410, "gone", null);
    assertThat(live.get("/v1/runs/" + runId).expect(200).json().get("status").asString())
        .isEqualTo("expired");
    executor.post("/v1/executor/runs/" + runId + "/open", Map.of()).expectError(410, "gone", null);
  }

  @Test
  void everyEventOfARunIsOnTheTopicInOrderAndMatchesItsSchemaWithoutSecrets() throws Exception {
    Api live = TestSystem.newOrganisation("team");
    String runId =
        run(
            live,
            template(live),
            Map.of(
                "webhook",
                Map.of("url", "https://example.com/hooks", "secret", "whsec_c2VjcmV0LXZhbHVl")));
    String run = "/v1/executor/runs/" + runId;
    Api executor = live.anonymous();
    executor.post(run + "/open", Map.of()).expect(200);
    executor.put(run + "/steps/s-od01/answer", Map.of("value", 7)).expect(200);
    executor.post(run + "/submit", Map.of()).expect(200);

    List<ConsumerRecord<String, String>> events = RunEvents.of(runId, 4, Duration.ofSeconds(20));
    assertThat(events.stream().map(e -> RunEvents.json(e).get("type").asString()))
        .containsExactly("run.created", "run.opened", "step.completed", "run.completed");
    for (ConsumerRecord<String, String> event : events) {
      assertThat(event.value()).doesNotContain("whsec_").doesNotContain("c2VjcmV0LXZhbHVl");
      RunEvents.validate(RunEvents.json(event));
    }
    assertThat(RunEvents.json(events.get(2)).get("data").get("step_id").asString())
        .isEqualTo("s-od01");
  }

  @Test
  void anotherOrganisationsRunOrTemplateIsNotFound() {
    Api mine = TestSystem.newOrganisation("team");
    Api theirs = TestSystem.newOrganisation("team");
    String templateId = template(mine);
    String runId = run(mine, templateId, Map.of());

    theirs.get("/v1/runs/" + runId).expectError(404, "not_found", null);
    theirs.post("/v1/runs/" + runId + "/cancel", Map.of()).expectError(404, "not_found", null);
    theirs
        .patch("/v1/runs/" + runId, Map.of("metadata", Map.of("taken", "yes")))
        .expectError(404, "not_found", null);
    String unknown = "/v1/runs/r-00000000-0000-4000-8000-000000000000";
    mine.patch(unknown, Map.of("executor_ref", "x")).expectError(404, "not_found", null);
    mine.post(unknown + "/cancel", Map.of()).expectError(404, "not_found", null);
    JsonNode untouched = mine.get("/v1/runs/" + runId).json();
    assertThat(untouched.get("status").asString()).isEqualTo("pending");
    assertThat(untouched.get("metadata").isEmpty()).as("their change not applied").isTrue();
    theirs.get("/v1/templates/" + templateId).expectError(404, "not_found", null);
    theirs
        .post("/v1/runs", Map.of("template_id", templateId))
        .expectError(404, "not_found", "template_id");
  }

  @Test
  void badInputGetsTheSpecsErrorBodyWithTheRightStatus() {
    Api live = TestSystem.newOrganisation("team");
    String templateId = template(live);
    live.post("/v1/runs", "{\"template_id\": ").expectError(400, "invalid_request", null);
    live.post("/v1/runs", Map.of("template_id", 42))
        .expectError(400, "invalid_request", "template_id");
    live.post("/v1/runs", Map.of("template_id", templateId, "expires_in_hours", "24"))
        .expectError(400, "invalid_request", "expires_in_hours");
    live.post("/v1/runs", Map.of("template_id", templateId, "expires_in_hours", -1))
        .expectError(400, "invalid_request", "expires_in_hours");
    live.post("/v1/runs", Map.of("template_id", templateId, "colour", "red"))
        .expectError(400, "invalid_request", "colour");
    live.post("/v1/runs", Map.of("template_id", "t-nope"))
        .expectError(400, "invalid_request", "template_id");
    live.post("/v1/runs", Map.of()).expectError(400, "invalid_request", "template_id");
    live.post(
            "/v1/runs",
            Map.of(
                "template_id",
                templateId,
                "webhook",
                Map.of("url", "https://x.io", "secret", "abc")))
        .expectError(400, "invalid_request", "webhook.secret");
    live.post(
            "/v1/templates",
            Map.of(
                "name", "x", "steps", List.of(Map.of("id", "s-1", "type", "dance", "title", "x"))))
        .expectError(400, "invalid_request", "steps[0].type");
    live.post(
            "/v1/templates",
            Map.of(
                "name",
                "x",
                "steps",
                List.of(Map.of("id", "s-1", "type", "rating", "title", "x", "scale", 50))))
        .expectError(400, "invalid_request", "steps[0].scale");
    live.get("/v1/runs/r-00000000-0000-4000-8000-000000000000").expectError(404, "not_found", null);
    live.get("/v1/runs/garbage").expectError(404, "not_found", null);
    live.get("/v1/nothing-here").expectError(404, "not_found", null);
    live.delete("/v1/runs/" + run(live, templateId, Map.of()))
        .expectError(405, "invalid_request", null);

    String oversized = "{\"template_id\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
    live.post("/v1/runs", oversized).expectError(413, "invalid_request", null);

    new Api(live.baseUrl(), null).get("/v1/usage").expectError(401, "unauthorized", null);
    new Api(live.baseUrl(), "rdk_live_notakey")
        .get("/v1/usage")
        .expectError(401, "unauthorized", null);
    new Api(live.baseUrl(), "nope")
        .post("/admin/v1/organisations", Map.of("name", "x"))
        .expectError(401, "unauthorized", null);
  }

  @Test
  void illegalTransitionsAreRefusedAndLeaveTheRunAsItWas() throws Exception {
    Api live = TestSystem.newOrganisation("team");
    String runId = run(live, template(live), Map.of());
    String run = "/v1/executor/runs/" + runId;
    Api executor = live.anonymous();

    executor
        .put(run + "/steps/s-od01/answer", Map.of("value", 1))
        .expectError(409, "conflict", null);
    executor.post(run + "/submit", Map.of()).expectError(409, "conflict", null);
    executor.post(run + "/open", Map.of()).expect(200);
    executor.post(run + "/open", Map.of()).expect(200);
    executor
        .put(run + "/steps/s-od01/answer", Map.of("value", "many"))
        .expectError(400, "invalid_request", "steps.s-od01.value");
    executor
        .post(run + "/steps/s-od01/skip", Map.of())
        .expectError(400, "invalid_request", "step_id");
    executor
        .put(run + "/steps/s-zz/answer", Map.of("value", 1))
        .expectError(404, "not_found", "step_id");
    executor.post(run + "/submit", Map.of()).expectError(409, "conflict", null);
    executor
        .postRaw(run + "/steps/s-od01/photos", "image/png", RunJourneyTest.png())
        .expectError(400, "invalid_request", "step_id");
    executor.put(run + "/steps/s-od01/answer", Map.of("value", 5)).expect(200);
    executor.post(run + "/exit", Map.of()).expect(200);
    executor.post(run + "/submit", Map.of()).expectError(409, "conflict", null);
    live.post("/v1/runs/" + runId + "/cancel", Map.of()).expectError(409, "conflict", null);

    JsonNode after = live.get("/v1/runs/" + runId).expect(200).json();
    assertThat(after.get("status").asString()).isEqualTo("cancelled");
    assertThat(after.get("answers").get("s-od01").get("value").asInt()).isEqualTo(5);
  }

  @Test
  void aReadThatReachesTheInstanceNotOwningTheRunIsAnsweredByTheOwner() throws Exception {
    StreamsRunner second = TestSystem.secondProcessor();
    Api live = TestSystem.newOrganisation("team");
    String templateId = template(live);

    // The API asks only the first instance; find a run that the second instance owns.
    String owned = null;
    for (int i = 0; i < 40 && owned == null; i++) {
      String runId = run(live, templateId, Map.of());
      if (TestSystem.owns(second, RunStage.RUNS_STORE, runId)) {
        owned = runId;
      }
    }
    assertThat(owned).as("a run owned by the second instance").isNotNull();
    HostInfo first = TestSystem.get().processors().get(0).getBean(StreamsRunner.class).self();
    assertThat(first).isNotEqualTo(second.self());
    JsonNode read = live.get("/v1/runs/" + owned).expect(200).json();
    assertThat(read.get("run_id").asString()).isEqualTo(owned);
    assertThat(read.get("status").asString()).isEqualTo("pending");
  }

  private static String template(Api api) {
    return api.post("/v1/templates", Map.of("name", "One step", "steps", ONE_STEP))
        .expect(201)
        .json()
        .get("template_id")
        .asString();
  }

  private static String run(Api api, String templateId, Map<String, Object> extra) {
    Map<String, Object> body = new java.util.HashMap<>(extra);
    body.put("template_id", templateId);
    return api.post("/v1/runs", body).expect(201).json().get("run_id").asString();
  }
}
