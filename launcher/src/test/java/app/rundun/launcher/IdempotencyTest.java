package app.rundun.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Integrators retry on timeouts: the same Idempotency-Key never makes a second run. */
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
    String templateId =
        live.post("/v1/templates", Map.of("name", "Limit", "steps", ONE_STEP))
            .expect(201)
            .json()
            .get("template_id")
            .asString();
    for (int i = 0; i < 30; i++) {
      live.post("/v1/runs", Map.of("template_id", templateId), "limit-" + i).expect(201);
    }
    live.post("/v1/runs", Map.of("template_id", templateId), "limit-29").expect(201);
    live.post("/v1/runs", Map.of("template_id", templateId), "limit-30")
        .expectError(402, "quota_exceeded", null);
  }

  private static String run(Api api, String key) {
    String templateId =
        api.post("/v1/templates", Map.of("name", "Scoped", "steps", ONE_STEP))
            .expect(201)
            .json()
            .get("template_id")
            .asString();
    return api.post("/v1/runs", Map.of("template_id", templateId), key)
        .expect(201)
        .json()
        .get("run_id")
        .asString();
  }
}
