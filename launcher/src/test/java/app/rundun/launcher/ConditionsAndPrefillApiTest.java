package app.rundun.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Conditions and prefilled answers over real HTTP: what is refused when a template or run is
 * written, and what the executor may no longer change once it is running.
 */
class ConditionsAndPrefillApiTest {

  private static final List<Map<String, Object>> STEPS =
      List.of(
          Map.of("id", "s-od01", "type", "number", "title", "Odometer reading", "min", 0),
          Map.of("id", "s-dm01", "type", "boolean", "title", "Any damage?"),
          Map.of(
              "id",
              "s-dm02",
              "type",
              "text",
              "title",
              "Where?",
              "show_if",
              Map.of("step", "s-dm01", "equals", true)));

  @Test
  void aConditionOnALaterStepOrOfTheWrongTypeIsRefusedWhenTheTemplateIsWritten() {
    Api live = TestSystem.newOrganisation("team");
    Map<String, Object> yesOrNo = Map.of("id", "s-b", "type", "boolean", "title", "B");

    twoSteps(live, conditional(Map.of("step", "s-b", "answered", true)), yesOrNo)
        .expectError(400, "invalid_request", "steps[0].show_if.step");
    twoSteps(live, yesOrNo, conditional(Map.of("step", "s-b", "equals", "yes")))
        .expectError(400, "invalid_request", "steps[1].show_if.equals");
    twoSteps(live, yesOrNo, conditional(Map.of("step", "s-b", "equals", true, "shown", 1)))
        .expectError(400, "invalid_request", null);
  }

  /** A text step shown when {@code condition} holds. */
  private static Map<String, Object> conditional(Map<String, Object> condition) {
    return Map.of("id", "s-a", "type", "text", "title", "A", "show_if", condition);
  }

  private static Api.Response twoSteps(
      Api live, Map<String, Object> first, Map<String, Object> second) {
    return live.post("/v1/templates", Map.of("name", "Check", "steps", List.of(first, second)));
  }

  @Test
  void prefilledAnswersAreCheckedAgainstTheTemplateBeforeTheRunIsCounted() {
    Api live = TestSystem.newOrganisation("team");
    String template = template(live);

    create(live, template, Map.of("s-none", Map.of("value", 1)))
        .expectError(400, "invalid_request", "prefill.s-none");
    create(live, template, Map.of("s-od01", Map.of("value", "42150")))
        .expectError(400, "invalid_request", "prefill.s-od01.value");
    create(live, template, Map.of("s-od01", Map.of("locked", true)))
        .expectError(400, "invalid_request", "prefill.s-od01.value");
    create(live, template, Map.of("s-dm01", Map.of("value", false), "s-dm02", Map.of("value", "x")))
        .expectError(400, "invalid_request", "prefill.s-dm02");
    assertThat(live.get("/v1/usage").expect(200).json().get("runs_used_this_month").asInt())
        .isZero();
  }

  @Test
  void theExecutorCannotChangeALockedAnswerNorAnswerAHiddenStep() {
    Api live = TestSystem.newOrganisation("team");
    String runId =
        create(live, template(live), Map.of("s-od01", Map.of("value", 42150, "locked", true)))
            .expect(201)
            .json()
            .get("run_id")
            .asString();

    JsonNode run = live.get("/v1/runs/" + runId).expect(200).json();
    assertThat(run.get("answers").get("s-od01").get("value").asInt()).isEqualTo(42150);
    assertThat(run.get("answers").get("s-od01").get("prefilled").asBoolean()).isTrue();
    assertThat(run.get("answers").get("s-od01").get("locked").asBoolean()).isTrue();
    assertThat(run.get("hidden_steps").toString()).isEqualTo("[\"s-dm02\"]");
    assertThat(run.get("progress").toString())
        .isEqualTo("{\"total\":2,\"answered\":1,\"skipped\":0}");

    Api phone = live.anonymous();
    String executor = "/v1/executor/runs/" + runId;
    phone.post(executor + "/open", Map.of()).expect(200);
    phone
        .put(executor + "/steps/s-od01/answer", Map.of("value", 1))
        .expectError(409, "conflict", null);
    phone
        .put(executor + "/steps/s-dm02/answer", Map.of("value", "front"))
        .expectError(409, "conflict", null);
    phone.put(executor + "/steps/s-dm01/answer", Map.of("value", true)).expect(200);
    phone.put(executor + "/steps/s-dm02/answer", Map.of("value", "front")).expect(200);
    assertThat(live.get("/v1/runs/" + runId).expect(200).json().get("hidden_steps").size())
        .isZero();
  }

  private static String template(Api live) {
    return live.post("/v1/templates", Map.of("name", "Vehicle check", "steps", STEPS))
        .expect(201)
        .json()
        .get("template_id")
        .asString();
  }

  private static Api.Response create(Api live, String template, Map<String, Object> prefill) {
    Map<String, Object> body = new HashMap<>();
    body.put("template_id", template);
    body.put("prefill", prefill);
    return live.post("/v1/runs", body);
  }
}
