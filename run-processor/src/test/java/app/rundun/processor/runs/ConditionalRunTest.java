package app.rundun.processor.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rundun.contracts.commands.RunCommand;
import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.events.RunEventType;
import app.rundun.contracts.json.Json;
import app.rundun.contracts.runs.AnswerSource;
import app.rundun.contracts.runs.Prefill;
import app.rundun.contracts.runs.RunStatus;
import app.rundun.contracts.templates.TemplateResource;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.IntNode;

/** Conditional steps and prefilled answers, as a run applies them. */
class ConditionalRunTest {

  private static final String PHONE = "device-aaaaaaaaaaaaaaaa";
  private static final Instant DISPATCHED = Instant.parse("2026-12-02T08:00:00Z");

  private final TemplateResource version =
      Json.mapper()
          .readValue(
              """
              {"template_id": "t-00000000-0000-4000-8000-000000000001", "version": 1,
               "name": "Vehicle check", "created_at": "2026-12-01T08:00:00Z",
               "execution": {"identity_required": "none"},
               "steps": [
                 {"id": "s-od01", "type": "number", "title": "Odometer reading", "unit": "km"},
                 {"id": "s-dm01", "type": "boolean", "title": "Any damage?"},
                 {"id": "s-dm02", "type": "multi_choice", "title": "Damaged areas",
                  "options": [{"id": "o-fr", "label": "Front"}, {"id": "o-rr", "label": "Rear"}],
                  "show_if": {"step": "s-dm01", "equals": true}},
                 {"id": "s-note", "type": "text", "title": "Notes", "required": false}
               ]}
              """,
              TemplateResource.class);

  @Test
  void aStepWhoseConditionIsUnmetIsHiddenNotCountedAndRefusesAnswers() {
    Run run = opened(Map.of());

    assertThat(run.hidden()).containsExactly("s-dm02");
    assertThat(RunViews.listed(run).hiddenSteps()).containsExactly("s-dm02");
    assertThatThrownBy(() -> answer(run, "s-dm02", json("[\"o-fr\"]")))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(409);
              assertThat(e.getMessage()).contains("s-dm02 is not shown");
            });
  }

  @Test
  void anAnswerThatHidesAnsweredStepsDropsThemAndAnnouncesEach() {
    Run run = opened(Map.of());
    run = answer(run, "s-dm01", BooleanNode.TRUE).run();
    assertThat(run.hidden()).isEmpty();
    run = answer(run, "s-dm02", json("[\"o-fr\"]")).run();

    RunChange changedMind = answer(run, "s-dm01", BooleanNode.FALSE);

    assertThat(changedMind.run().answers()).containsOnlyKeys("s-dm01");
    assertThat(changedMind.run().hidden()).containsExactly("s-dm02");
    assertThat(changedMind.announcements())
        .containsExactly(
            new RunChange.Announcement(RunEventType.STEP_COMPLETED, "s-dm01"),
            new RunChange.Announcement(RunEventType.STEP_HIDDEN, "s-dm02"));
  }

  @Test
  void aHiddenRequiredStepDoesNotHoldUpTheSubmit() {
    Run run = answer(opened(Map.of()), "s-od01", IntNode.valueOf(42150)).run();
    run = answer(run, "s-dm01", BooleanNode.FALSE).run();

    RunChange submitted = run.submit(version, DISPATCHED.plusSeconds(60));

    assertThat(submitted.run().status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(submitted.run().skipped()).containsExactly("s-note");
    assertThat(submitted.run().hidden()).containsExactly("s-dm02");
  }

  @Test
  void aLockedPrefilledAnswerIsTheIntegratorsAndCannotBeChanged() {
    Run run = opened(Map.of("s-od01", new Prefill(IntNode.valueOf(42150), true)));

    assertThat(run.answers().get("s-od01").source()).isEqualTo(AnswerSource.PREFILL_LOCKED);
    assertThatThrownBy(() -> answer(run, "s-od01", IntNode.valueOf(1)))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.getMessage()).contains("locked"));
  }

  @Test
  void anEditablePrefilledAnswerBecomesTheExecutorsWhenChanged() {
    Run run = opened(Map.of("s-od01", new Prefill(IntNode.valueOf(42150), false)));
    assertThat(run.answers().get("s-od01").source()).isEqualTo(AnswerSource.PREFILL_EDITABLE);

    Run changed = answer(run, "s-od01", IntNode.valueOf(42190)).run();

    assertThat(changed.answers().get("s-od01").value().asInt()).isEqualTo(42190);
    assertThat(changed.answers().get("s-od01").source()).isEqualTo(AnswerSource.EXECUTOR);
  }

  @Test
  void aPrefilledAnswerCanShowAConditionalStepFromTheStart() {
    Run run = opened(Map.of("s-dm01", new Prefill(BooleanNode.TRUE, true)));

    assertThat(run.hidden()).isEmpty();
  }

  private RunChange answer(Run run, String step, JsonNode value) {
    return run.answer(
        version,
        new RunCommand.AnswerStep(run.id(), step, value, null, null, PHONE),
        DISPATCHED.plusSeconds(10));
  }

  private Run opened(Map<String, Prefill> prefill) {
    Run run = Dispatch.of(version, DISPATCHED).prefilled(prefill).run();
    return run.open(
            new RunCommand.OpenRun(run.id(), null, null, null, PHONE), DISPATCHED.plusSeconds(5))
        .run();
  }

  private static JsonNode json(String text) {
    return Json.mapper().readTree(text);
  }
}
