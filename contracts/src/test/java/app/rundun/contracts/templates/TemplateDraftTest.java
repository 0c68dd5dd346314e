package app.rundun.contracts.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.json.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A template is checked whole before anything is published; each refusal names its field. */
class TemplateDraftTest {

  private static final Step ODOMETER =
      new NumberStep("s-od01", "Odometer", null, null, null, null, null, null, true, "km", null);

  @Test
  void aTemplateWithANameAndAStepToAnswerIsValid() {
    TemplateDraft draft = new TemplateDraft("Vehicle check", List.of(ODOMETER), null);
    assertThat(draft.validate()).isSameAs(draft);
    assertThat(draft.execution()).isEqualTo(Execution.DEFAULT);
  }

  @Test
  void eachBrokenRuleIsRefusedNamingItsField() {
    assertRefused(new TemplateDraft(" ", List.of(ODOMETER), null), "name");
    assertRefused(new TemplateDraft("x".repeat(201), List.of(ODOMETER), null), "name");
    assertRefused(new TemplateDraft("Check", List.of(), null), "steps");
    assertRefused(new TemplateDraft("Check", Collections.nCopies(201, ODOMETER), null), "steps");
    assertRefused(new TemplateDraft("Check", List.of(ODOMETER, ODOMETER), null), "steps[1].id");
    assertRefused(
        new TemplateDraft(
            "Check",
            List.of(new InstructionStep("s-in", "Read me", null, null, null, null, null)),
            null),
        "steps");
    assertRefused(
        new TemplateDraft(
            "Check",
            List.of(
                new NumberStep(
                    "bad id", "Odometer", null, null, null, null, null, null, null, null, null)),
            null),
        "steps[0].id");
    assertRefused(
        new TemplateDraft(
            "Check",
            List.of(
                new NumberStep(
                    "s-od01",
                    "Odometer",
                    null,
                    null,
                    null,
                    null,
                    BigDecimal.TEN,
                    BigDecimal.ONE,
                    null,
                    null,
                    null)),
            null),
        "steps[0].min");
    List<Step> withNull = new ArrayList<>();
    withNull.add(ODOMETER);
    withNull.add(null);
    assertRefused(new TemplateDraft("Check", withNull, null), "steps[1]");
  }

  @Test
  void anAnswerIsCheckedAgainstItsStep() {
    ODOMETER.checkAnswer(Json.mapper().readTree("42150"), 0, false);
    assertThatThrownBy(() -> ODOMETER.checkAnswer(Json.mapper().readTree("42150.5"), 0, false))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.param()).isEqualTo("steps.s-od01.value"));
    assertThatThrownBy(() -> ODOMETER.checkAnswer(Json.mapper().readTree("\"42150\""), 0, false))
        .isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> ODOMETER.checkAnswer(Json.mapper().readTree("1"), 1, false))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.param()).isEqualTo("steps.s-od01.photos"));
  }

  @Test
  void aConditionMayOnlyTestAnEarlierAnswerItCouldMatch() {
    String damage =
        """
        {"id": "s-dm01", "type": "boolean", "title": "Any damage?"},
        {"id": "s-in", "type": "instruction", "title": "Walk round the car"},
        {"id": "s-fu01", "type": "single_choice", "title": "Fuel", "options": [{"id": "o-lo", "label": "Low"}]},
        {"id": "s-rt", "type": "rating", "title": "Clean?", "scale": 5},
        """;
    assertThat(
            withConditionOnLastStep(damage, "{\"step\": \"s-dm01\", \"equals\": true}").validate())
        .isNotNull();
    assertRefused(
        withConditionOnLastStep(damage, "{\"step\": \"s-later\", \"equals\": true}"),
        "steps[4].show_if.step");
    assertRefused(
        withConditionOnLastStep(damage, "{\"step\": \"s-in\", \"answered\": true}"),
        "steps[4].show_if.step");
    assertRefused(
        withConditionOnLastStep(damage, "{\"step\": \"s-dm01\", \"equals\": \"yes\"}"),
        "steps[4].show_if.equals");
    assertRefused(
        withConditionOnLastStep(damage, "{\"step\": \"s-fu01\", \"in\": [\"o-full\"]}"),
        "steps[4].show_if.in");
    assertRefused(
        withConditionOnLastStep(damage, "{\"step\": \"s-dm01\", \"gt\": 1}"), "steps[4].show_if");
    assertRefused(
        withConditionOnLastStep(damage, "{\"step\": \"s-rt\", \"gt\": 5}"), "steps[4].show_if");
    assertRefused(
        withConditionOnLastStep(damage, "{\"step\": \"s-rt\", \"lt\": 1}"), "steps[4].show_if");
    assertRefused(
        withConditionOnLastStep(
            damage, "{\"step\": \"s-dm01\", \"equals\": true, \"answered\": true}"),
        "steps[4].show_if");
    assertRefused(withConditionOnLastStep(damage, "{\"any\": []}"), "steps[4].show_if");
    assertRefused(
        withConditionOnLastStep(
            damage, "{\"all\": [{\"step\": \"s-dm01\", \"equals\": true}, {\"step\": \"s-rt\"}]}"),
        "steps[4].show_if.all[1]");
  }

  private static TemplateDraft withConditionOnLastStep(String earlierSteps, String condition) {
    return Json.mapper()
        .readValue(
            "{\"name\": \"Check\", \"steps\": ["
                + earlierSteps
                + "{\"id\": \"s-last\", \"type\": \"text\", \"title\": \"Notes\", \"show_if\": "
                + condition
                + "}]}",
            TemplateDraft.class);
  }

  private static void assertRefused(TemplateDraft draft, String param) {
    assertThatThrownBy(draft::validate)
        .as(param)
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.param()).isEqualTo(param);
            });
  }
}
