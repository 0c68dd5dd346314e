package app.rundun.launcher;

import static app.rundun.launcher.AppJourneys.LAT;
import static app.rundun.launcher.AppJourneys.LNG;
import static app.rundun.launcher.AppJourneys.awaitRun;
import static app.rundun.launcher.AppJourneys.cameraPhoto;
import static app.rundun.launcher.AppJourneys.dispatch;
import static app.rundun.launcher.AppJourneys.network;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import tools.jackson.databind.JsonNode;

/**
 * The vehicle check as the field does it, in a real browser: the damage steps only when there is
 * damage, an odometer the integrator already knew and locked, and the whole journey by keyboard
 * alone, with each control named by its question.
 */
class FieldJourneyAppTest {

  @Test
  void answeringNoSkipsTheDamageStepsAndTheLockedOdometerIsShownNotAsked() throws Exception {
    Api live = TestSystem.newOrganisation("team");
    String runId = dispatch(live, conditionalVehicleCheck(), lockedOdometer());
    try (CuttableProxy network = network();
        Browser phone = new Browser()) {
      // Step 1: the link opens; start.
      phone.open(network.url("/r/" + runId), LAT, LNG, 5);
      phone.awaitHeading("Vehicle rental — outgoing check");
      phone.click("form button[type=submit]");

      // Step 2: the odometer is the integrator's: shown, with no field to change it.
      phone.awaitHeading("Odometer reading");
      assertThat(phone.text("#locked-value")).isEqualTo("42150 km");
      assertThat(phone.text("main")).contains("cannot be changed");
      assertThat(phone.script("return document.querySelector('#answer') === null")).isEqualTo(true);
      phone.check("prefilled-locked");
      phone.click("form button[type=submit]");

      // Step 3: fuel; of three steps shown, the damaged areas not counted.
      phone.awaitHeading("Fuel level");
      assertThat(phone.text("#progress-label")).isEqualTo("Step 2 of 3");
      phone.clickText("Half");
      phone.click("form button[type=submit]");

      // Step 4: no damage, so the next screen is the review.
      phone.awaitHeading("Any damage?");
      phone.clickText("No");
      phone.click("form button[type=submit]");
      phone.awaitHeading("Check and send");
      assertThat(phone.text("dl.review"))
          .contains("42150 km")
          .contains("(filled in for you)")
          .doesNotContain("Damaged areas");
      phone.check("review-without-damage");
      phone.clickText("Send");
      phone.awaitHeading("Thank you — all done");
      phone.awaitText("#done-message", "have been sent");
    }

    // Step 5: the integrator reads it: the odometer prefilled and locked, the areas hidden.
    JsonNode run = awaitRun(live, runId, r -> r.get("status").asString().equals("completed"));
    assertThat(run.get("answers").get("s-od01").get("prefilled").asBoolean()).isTrue();
    assertThat(run.get("answers").get("s-od01").get("locked").asBoolean()).isTrue();
    assertThat(run.get("answers").has("s-dm02")).isFalse();
    assertThat(run.get("hidden_steps").toString()).isEqualTo("[\"s-dm02\"]");
    assertThat(run.get("skipped_steps").toString()).isEqualTo("[]");
    assertThat(run.get("progress").get("total").asInt()).isEqualTo(3);
  }

  @Test
  void answeringYesShowsTheDamageStepsAndChangingToNoDropsTheirAnswerWithAnEvent()
      throws Exception {
    Api live = TestSystem.newOrganisation("team");
    String runId = dispatch(live, conditionalVehicleCheck());
    try (CuttableProxy network = network();
        Browser phone = new Browser()) {
      phone.open(network.url("/r/" + runId), LAT, LNG, 5);
      phone.click("form button[type=submit]");
      phone.awaitHeading("Odometer reading");
      phone.type("#answer", "42150");
      phone.click("form button[type=submit]");
      phone.awaitHeading("Fuel level");
      phone.clickText("Full");
      phone.click("form button[type=submit]");

      // Yes: the damaged areas are asked, with their photo.
      phone.awaitHeading("Any damage?");
      phone.clickText("Yes");
      phone.click("form button[type=submit]");
      phone.awaitHeading("Damaged areas");
      assertThat(phone.text("#progress-label")).isEqualTo("Step 4 of 4");
      phone.clickText("Rear");
      phone.attach("#photo-input", cameraPhoto());
      phone.find(".thumbs img");
      phone.click("#geo-status + button");
      phone.awaitText("#geo-status", "accurate to 5 m");
      phone.check("damage-shown");
      phone.click("form button[type=submit]");
      phone.awaitHeading("Check and send");
      assertThat(phone.text("dl.review")).contains("Rear");
      awaitRun(live, runId, r -> r.get("answers").has("s-dm02"));

      // The executor changes their mind: no damage after all.
      phone.click("button[aria-label='Change Any damage?']");
      phone.awaitHeading("Any damage?");
      phone.clickText("No");
      phone.click("form button[type=submit]");
      phone.awaitHeading("Check and send");
      assertThat(phone.text("dl.review")).doesNotContain("Damaged areas");
      phone.clickText("Send");
      phone.awaitHeading("Thank you — all done");
    }

    JsonNode run = awaitRun(live, runId, r -> r.get("status").asString().equals("completed"));
    assertThat(run.get("answers").has("s-dm02")).isFalse();
    assertThat(run.get("hidden_steps").toString()).isEqualTo("[\"s-dm02\"]");
    List<String> types = new ArrayList<>();
    for (var record : RunEvents.of(runId, 9, Duration.ofSeconds(30))) {
      JsonNode event = RunEvents.json(record);
      RunEvents.validate(event);
      types.add(event.get("type").asString() + stepOf(event));
    }
    assertThat(types)
        .containsExactly(
            "run.created",
            "run.opened",
            "step.completed s-od01",
            "step.completed s-fu01",
            "step.completed s-dm01",
            "step.completed s-dm02",
            "step.completed s-dm01",
            "step.hidden s-dm02",
            "run.completed");
  }

  @Test
  void theWholeJourneyWorksByKeyboardAloneWithEachControlNamedByItsQuestion() throws Exception {
    Api live = TestSystem.newOrganisation("team");
    String runId = dispatch(live, conditionalVehicleCheck());
    try (CuttableProxy network = network();
        Browser phone = new Browser()) {
      phone.open(network.url("/r/" + runId), LAT, LNG, 5);
      phone.awaitHeading("Vehicle rental — outgoing check");
      phone.tabTo("form button[type=submit]");
      phone.press(Keys.ENTER);

      // The focus moves to each new step's heading; the field's name carries question and unit.
      phone.awaitHeading("Odometer reading");
      assertThat(phone.focused().getText()).isEqualTo("Odometer reading");
      assertThat(phone.accessibleName("#answer")).contains("Odometer reading").contains("km");
      phone.tabTo("#answer");
      phone.press("42150", Keys.ENTER);

      phone.awaitHeading("Fuel level");
      assertThat(phone.focused().getText()).isEqualTo("Fuel level");
      assertThat(phone.accessibleName("fieldset")).contains("Fuel level");
      phone.tabTo("input[type=radio]");
      phone.press(Keys.ARROW_DOWN);
      phone.tabTo("form button[type=submit]");
      phone.press(Keys.ENTER);

      phone.awaitHeading("Any damage?");
      phone.tabTo("input[type=radio]");
      phone.press(Keys.ARROW_DOWN);
      phone.tabTo("form button[type=submit]");
      phone.press(Keys.ENTER);

      phone.awaitHeading("Check and send");
      phone.check("keyboard-review");
      phone.tabTo("button.grow");
      phone.press(Keys.ENTER);
      phone.awaitHeading("Thank you — all done");
      phone.awaitText("#done-message", "have been sent");

      // The app asked to keep its offline answers, and says so when the phone may not.
      boolean kept = Boolean.TRUE.equals(phone.script("return navigator.storage.persisted()"));
      assertThat(phone.script("return document.getElementById('storage-note').hidden"))
          .isEqualTo(kept);
      if (!kept) {
        assertThat(phone.script("return document.getElementById('storage-note').textContent"))
            .asString()
            .contains("may clear answers saved offline");
      }
    }

    JsonNode run = awaitRun(live, runId, r -> r.get("status").asString().equals("completed"));
    assertThat(run.get("answers").get("s-od01").get("value").asInt()).isEqualTo(42150);
    assertThat(run.get("answers").get("s-fu01").get("value").asString()).isEqualTo("o-fu2");
    assertThat(run.get("answers").get("s-dm01").get("value").asBoolean()).isFalse();
  }

  /** The seed's vehicle check, its damaged areas shown only when there is damage. */
  private static Map<String, Object> conditionalVehicleCheck() {
    List<Map<String, Object>> steps = new ArrayList<>();
    for (Map<String, Object> step : Fixtures.VEHICLE_CHECK_STEPS) {
      Map<String, Object> copy = new HashMap<>(step);
      if (copy.get("id").equals("s-dm02")) {
        copy.put("show_if", Map.of("step", "s-dm01", "equals", true));
      }
      steps.add(copy);
    }
    return Map.of(
        "name",
        "Vehicle rental — outgoing check",
        "execution",
        Map.of("identity_required", "none"),
        "steps",
        steps);
  }

  private static Map<String, Object> lockedOdometer() {
    return Map.of("prefill", Map.of("s-od01", Map.of("value", 42150, "locked", true)));
  }

  private static String stepOf(JsonNode event) {
    JsonNode step = event.get("data").get("step_id");
    return step == null || step.isNull() ? "" : " " + step.asString();
  }
}
