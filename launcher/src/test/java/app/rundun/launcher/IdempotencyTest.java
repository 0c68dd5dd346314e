package app.rundun.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Integrators retry on timeouts: with the same Idempotency-Key a POST is answered as it first was,
 * never applied twice, and refused with 409 while the first is still running.
 */
class IdempotencyTest {

  private static final List<Map<String, Object>> ONE_STEP =
      List.of(Map.of("id", "s-od01", "type", "number", "title", "Odometer"));

  @Test
  void aRetriedCreateGetsTheFirstRunAndCountsOnce() {
    Api live = TestSystem.newOrganisation("starter");
    Map<String, Object> template = Map.of("name", "Retry", "steps", ONE_STEP);
    String templateId =
        live.post("/v1/templates", template, "tpl-1")
            .expect(201)
            .json()
            .get("template_id")
            .asString();
    assertThat(
            live.post("/v1/templates", Map.of("steps", ONE_STEP, "name", "Retry"), "tpl-1")
                .expect(201)
                .json()
                .get("template_id")
                .asString())
        .as("the same parameters in another order are the same request")
        .isEqualTo(templateId);

    Map<String, Object> body = Map.of("template_id", templateId, "executor_ref", "booking-1");
    String first = live.post("/v1/runs", body, "run-1").expect(201).json().get("run_id").asString();
    String again = live.post("/v1/runs", body, "run-1").expect(201).json().get("run_id").asString();
    assertThat(again).isEqualTo(first);
    assertThat(live.get("/v1/usage").expect(200).json().get("runs_used_this_month").asInt())
        .isEqualTo(1);

    live.post("/v1/runs", Map.of("template_id", templateId, "executor_ref", "booking-2"), "run-1")
        .expectError(400, "invalid_request", "Idempotency-Key");
    String other = live.post("/v1/runs", body, "run-2").expect(201).json().get("run_id").asString();
    assertThat(other).isNotEqualTo(first);
    live.post("/v1/runs", body, "bad key with spaces")
        .expectError(400, "invalid_request", "Idempotency-Key");
  }

  @Test
  void keysAreScopedToTheOrganisationAndMode() {
    Api[] org = TestSystem.newOrganisationWithModes("team");
    Api otherOrg = TestSystem.newOrganisation("team");
    String liveRun = run(org[0], "shared-key");
    String testRun = run(org[1], "shared-key");
    String otherRun = run(otherOrg, "shared-key");
    assertThat(List.of(liveRun, testRun, otherRun)).doesNotHaveDuplicates();
  }

  @Test
  void retriesAtTheQuotaLimitAreNotRefused() {
    Api live = TestSystem.newOrganisation("starter");
    String templateId = oneStepTemplate(live, "Limit");
    for (int i = 0; i < 30; i++) {
      live.post("/v1/runs", Map.of("template_id", templateId), "limit-" + i).expect(201);
    }
    live.post("/v1/runs", Map.of("template_id", templateId), "limit-29").expect(201);
    live.post("/v1/runs", Map.of("template_id", templateId), "limit-30")
        .expectError(402, "quota_exceeded", null);
  }

  @Test
  void everyPostTakesAKeyAndARetryGetsTheFirstAnswerAgain() {
    Api live = TestSystem.newOrganisation("team");
    String runId = run(live, null);

    // A cancel retried with its key is answered as the first was; without one it is a conflict.
    Api.Response cancelled = live.post("/v1/runs/" + runId + "/cancel", Map.of(), "cancel-1");
    cancelled.expect(200);
    Api.Response retried = live.post("/v1/runs/" + runId + "/cancel", Map.of(), "cancel-1");
    retried.expect(200);
    assertThat(retried.body()).isEqualTo(cancelled.body());
    assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(cancelled.header("Idempotent-Replayed")).isNull();
    live.post("/v1/runs/" + runId + "/cancel", Map.of()).expectError(409, "conflict", null);

    // A member invited twice with one key is one member.
    Map<String, String> sam = Map.of("name", "Sam Field", "email", "sam@example.com");
    String first =
        live.post("/v1/members", sam, "invite-sam").expect(201).json().get("user_id").asString();
    String again =
        live.post("/v1/members", sam, "invite-sam").expect(201).json().get("user_id").asString();
    assertThat(again).isEqualTo(first);
    assertThat(live.get("/v1/members").expect(200).json().get("data")).hasSize(1);

    // An executor's call is keyed by its run: the app's retried open is answered as the first.
    String other = run(live, null);
    Api executor = live.anonymous();
    String opened =
        executor
            .post("/v1/executor/runs/" + other + "/open", Map.of(), "open-1")
            .expect(200)
            .body();
    Api.Response reopened =
        executor.post("/v1/executor/runs/" + other + "/open", Map.of(), "open-1").expect(200);
    assertThat(reopened.body()).isEqualTo(opened);
    assertThat(reopened.header("Idempotent-Replayed")).isEqualTo("true");
  }

  @Test
  void aRequestWhileTheFirstWithItsKeyIsStillRunningGets409AndNothingIsDoubled() throws Exception {
    Api live = TestSystem.newOrganisation("team");
    String templateId = oneStepTemplate(live, "Race");
    int rounds = 5;
    int inFlight = 0;
    ExecutorService callers = Executors.newFixedThreadPool(8);
    try {
      for (int round = 0; round < rounds; round++) {
        String key = "race-" + round;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          answers.add(
              callers.submit(() -> {
                start.await();
                return live.post("/v1/runs", Map.of("template_id", templateId), key);
              }));
        }
        start.countDown();
        Set<String> runs = new HashSet<>();
        for (Future<Api.Response> answer : answers) {
          Api.Response response = answer.get();
          if (response.status() == 409) {
            response.expectError(409, "conflict", "Idempotency-Key");
            inFlight++;
          } else {
            runs.add(response.expect(201).json().get("run_id").asString());
          }
        }
        assertThat(runs).as("one run for key %s", key).hasSize(1);
      }
    } finally {
      callers.shutdownNow();
    }
    assertThat(inFlight).as("requests that met their key in flight").isPositive();
    assertThat(live.get("/v1/usage").expect(200).json().get("runs_used_this_month").asInt())
        .isEqualTo(rounds);
  }

  private static String run(Api api, String key) {
    String templateId = oneStepTemplate(api, "Scoped");
    Map<String, String> body = Map.of("template_id", templateId);
    return (key == null ? api.post("/v1/runs", body) : api.post("/v1/runs", body, key))
        .expect(201)
        .json()
        .get("run_id")
        .asString();
  }

  private static String oneStepTemplate(Api api, String name) {
    return api.post("/v1/templates", Map.of("name", name, "steps", ONE_STEP))
        .expect(201)
        .json()
        .get("template_id")
        .asString();
  }
}
