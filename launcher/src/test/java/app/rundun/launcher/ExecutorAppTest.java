package app.rundun.launcher;

import static app.rundun.launcher.AppJourneys.LAT;
import static app.rundun.launcher.AppJourneys.LNG;
import static app.rundun.launcher.AppJourneys.awaitRun;
import static app.rundun.launcher.AppJourneys.cameraPhoto;
import static app.rundun.launcher.AppJourneys.dispatch;
import static app.rundun.launcher.AppJourneys.network;
import static app.rundun.launcher.AppJourneys.vehicleCheck;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The executor's story in a real browser (Debian's headless Chromium, phone-sized): the link opens
 * the app, the steps are answered with a camera photo and a location, and the integrator reads the
 * result; the same with a named outsider; and the same with the network cut mid-run.
 */
class ExecutorAppTest {

  @Test
  void theSeedsVehicleCheckIsCompletedOnAPhone() throws Exception {
    Api live = TestSystem.newOrganisation("team");
    String runId = dispatch(live, vehicleCheck("none"));
    try (CuttableProxy network = network();
        Browser phone = new Browser()) {
      // Step 1: the link shows the preview, with the install prompt, and a Start button.
      phone.open(network.url("/r/" + runId), LAT, LNG, 5);
      phone.awaitHeading("Vehicle rental — outgoing check");
      assertThat(phone.text("main"))
          .contains("4 steps")
          .contains("sent by Alex")
          .contains("Install");
      phone.check("1-start");
      phone.click("form button[type=submit]");

      // Step 2: odometer, a number in km.
      phone.awaitHeading("Odometer reading");
      phone.check("2-number");
      phone.click("form button[type=submit]");
      phone.awaitText("#step-error", "Enter a number");
      phone.type("#answer", "42150");
      phone.click("form button[type=submit]");

      // Step 3: fuel level, one large choice.
      phone.awaitHeading("Fuel level");
      phone.check("3-single-choice");
      phone.clickText("Half");
      phone.click("form button[type=submit]");

      // Step 4: any damage, yes or no.
      phone.awaitHeading("Any damage?");
      phone.clickText("Yes");
      phone.click("form button[type=submit]");

      // Step 5: damaged areas, with a photo from the camera and the location.
      phone.awaitHeading("Damaged areas");
      phone.clickText("Front");
      phone.clickText("Rear");
      phone.attach("#photo-input", cameraPhoto());
      phone.find(".thumbs img");
      phone.click("#geo-status + button");
      phone.awaitText("#geo-status", "accurate to 5 m");
      phone.check("5-multi-choice-photo-geo");
      phone.click("form button[type=submit]");

      // Step 6: review, then send.
      phone.awaitHeading("Check and send");
      assertThat(phone.text("dl.review"))
          .contains("42150 km")
          .contains("Half")
          .contains("Front, Rear");
      phone.check("6-review");
      phone.clickText("Send");
      phone.awaitHeading("Thank you — all done");
      phone.awaitText("#done-message", "have been sent");
      phone.check("7-done");
    }

    // Step 7: the integrator reads it completed, with the photo and the location.
    JsonNode run = awaitRun(live, runId, r -> r.get("status").asString().equals("completed"));
    JsonNode answers = run.get("answers");
    assertThat(answers.get("s-od01").get("value").asInt()).isEqualTo(42150);
    assertThat(answers.get("s-fu01").get("value").asString()).isEqualTo("o-fu2");
    assertThat(answers.get("s-dm01").get("value").asBoolean()).isTrue();
    assertThat(answers.get("s-dm02").get("value").toString()).isEqualTo("[\"o-dm1\",\"o-dm3\"]");
    assertThat(answers.get("s-dm02").get("photos")).hasSize(1);
    assertThat(answers.get("s-dm02").get("geo").get("lat").asDouble()).isEqualTo(LAT);
    assertThat(answers.get("s-dm02").get("geo").get("accuracy_m").asDouble()).isEqualTo(5.0);
    assertThat(run.get("executor_identity").get("mode").asString()).isEqualTo("anonymous");
  }

  @Test
  void everyOtherControlWorksOnAPhoneToo() throws Exception {
    Api live = TestSystem.newOrganisation("team");
    String runId =
        dispatch(
            live,
            Map.of(
                "name",
                "Handover",
                "steps",
                List.of(
                    Map.of("id", "s-read", "type", "instruction", "title", "Read this first"),
                    Map.of("id", "s-note", "type", "text", "title", "Notes", "multiline", true),
                    Map.of("id", "s-date", "type", "date", "title", "Registration date"),
                    Map.of("id", "s-time", "type", "time", "title", "Handover time"),
                    Map.of("id", "s-rate", "type", "rating", "title", "Cleanliness"),
                    Map.of("id", "s-code", "type", "barcode", "title", "Key tag"),
                    Map.of("id", "s-sign", "type", "signature", "title", "Customer signature"))));
    try (CuttableProxy network = network();
        Browser phone = new Browser()) {
      phone.open(network.url("/r/" + runId), LAT, LNG, 5);
      phone.click("form button[type=submit]");
      phone.awaitHeading("Read this first");
      phone.click("form button[type=submit]");
      phone.awaitHeading("Notes");
      phone.type("#answer", "Scratch on the left door");
      phone.click("form button[type=submit]");
      phone.awaitHeading("Registration date");
      phone.check("date");
      phone.setValue("#answer", "2024-03-01");
      phone.click("form button[type=submit]");
      phone.awaitHeading("Handover time");
      phone.setValue("#answer", "08:30");
      phone.click("form button[type=submit]");
      phone.awaitHeading("Cleanliness");
      phone.check("rating");
      phone.clickText("4");
      phone.click("form button[type=submit]");
      phone.awaitHeading("Key tag");
      phone.type("#answer", "KEY-0042");
      phone.click("form button[type=submit]");
      phone.awaitHeading("Customer signature");
      phone.click("form button[type=submit]");
      phone.awaitText("#step-error", "Sign in the box");
      phone.draw("canvas.pad");
      phone.check("signature");
      phone.click("form button[type=submit]");
      phone.awaitHeading("Check and send");
      phone.clickText("Send");
      phone.awaitText("#done-message", "have been sent");
    }
    JsonNode answers =
        awaitRun(live, runId, r -> r.get("status").asString().equals("completed")).get("answers");
    assertThat(answers.get("s-note").get("value").asString()).isEqualTo("Scratch on the left door");
    assertThat(answers.get("s-date").get("value").asString()).isEqualTo("2024-03-01");
    assertThat(answers.get("s-time").get("value").asString()).isEqualTo("08:30");
    assertThat(answers.get("s-rate").get("value").asInt()).isEqualTo(4);
    assertThat(answers.get("s-code").get("value").asString()).isEqualTo("KEY-0042");
    assertThat(answers.get("s-sign").get("photos")).hasSize(1);
  }

  @Test
  void anOutsiderGivesNameAndEmailBeforeTheFirstStep() throws Exception {
    Api live = TestSystem.newOrganisation("team");
    String runId = dispatch(live, vehicleCheck("external"));
    try (CuttableProxy network = network();
        Browser phone = new Browser()) {
      phone.open(network.url("/r/" + runId), LAT, LNG, 8);
      phone.find("#name");
      phone.check("external-identity");
      phone.click("form button[type=submit]");
      phone.awaitText("#start-error", "Please enter your name");
      phone.type("#name", "Jane Smith");
      phone.type("#email", "not-an-email");
      phone.click("form button[type=submit]");
      phone.awaitText("#start-error", "valid email");
      phone.type("#email", "jane@example.com");
      phone.click("form button[type=submit]");
      phone.awaitHeading("Odometer reading");
      phone.click("#exit");
      phone.check("exit-confirmation");
      phone.clickText("Keep going");
      phone.awaitHeading("Odometer reading");
    }
    JsonNode run = awaitRun(live, runId, r -> r.get("status").asString().equals("in_progress"));
    assertThat(run.get("executor_identity").toString())
        .isEqualTo(
            "{\"mode\":\"external\",\"name\":\"Jane Smith\",\"email\":\"jane@example.com\"}");
    assertThat(run.get("assigned_to").isNull()).isTrue();

    // Another device with the same link is told the run is already in progress.
    try (CuttableProxy network = network();
        Browser other = new Browser()) {
      other.open(network.url("/r/" + runId), LAT, LNG, 8);
      other.awaitText("main", "already being done on another device");
    }
    live.anonymous()
        .put("/v1/executor/runs/" + runId + "/steps/s-od01/answer", Map.of("value", 1))
        .expectError(409, "conflict", null);
  }

  @Test
  void aRunAnsweredWithTheNetworkCutSyncsEveryAnswerWhenItReturns() throws Exception {
    Api live = TestSystem.newOrganisation("team");
    String runId =
        dispatch(
            live,
            Map.of(
                "name",
                "Site visit",
                "steps",
                List.of(
                    Map.of("id", "s-meter", "type", "number", "title", "Meter reading"),
                    Map.of("id", "s-safe", "type", "boolean", "title", "Is the site safe?"),
                    Map.of("id", "s-photo", "type", "photo", "title", "Photo of the cabinet"),
                    Map.of("id", "s-notes", "type", "text", "title", "Notes", "required", false))));
    try (CuttableProxy network = network();
        Browser phone = new Browser()) {
      phone.open(network.url("/r/" + runId), LAT, LNG, 5);
      phone.click("form button[type=submit]");
      phone.awaitHeading("Meter reading");
      phone.awaitServiceWorker();

      // The network goes; three steps are answered, one with a photo.
      network.cut();
      phone.type("#answer", "1234");
      phone.click("form button[type=submit]");
      phone.awaitHeading("Is the site safe?");
      phone.clickText("No");
      phone.click("form button[type=submit]");
      phone.awaitHeading("Photo of the cabinet");
      phone.attach("#photo-input", cameraPhoto());
      phone.find(".thumbs img");
      phone.click("form button[type=submit]");
      phone.awaitHeading("Notes");
      phone.awaitText("#sync", "waiting to be sent");
      phone.check("offline-pending");

      // The tab is reloaded with no network: the run comes back from the device.
      phone.reload();
      phone.awaitHeading("Notes");
      phone.awaitText("#sync", "waiting to be sent");

      // The network returns: everything is sent, in order, and the run completes.
      network.restore();
      phone.clickText("Skip");
      phone.awaitHeading("Check and send");
      phone.clickText("Send");
      phone.awaitHeading("Thank you — all done");
      phone.awaitText("#done-message", "have been sent");
    }
    JsonNode run = awaitRun(live, runId, r -> r.get("status").asString().equals("completed"));
    JsonNode answers = run.get("answers");
    assertThat(answers.get("s-meter").get("value").asInt()).isEqualTo(1234);
    assertThat(answers.get("s-safe").get("value").asBoolean()).isFalse();
    assertThat(answers.get("s-photo").get("photos")).hasSize(1);
    assertThat(run.get("progress").toString())
        .isEqualTo("{\"total\":4,\"answered\":3,\"skipped\":1}");
  }

  @Test
  void aMemberSignsInBecomesAssignedAndASecondMemberIsRefused() throws Exception {
    Api live = TestSystem.newOrganisation("team");
    // The integrator invites two members; each sets a password from the invite link.
    String invite =
        live.post("/v1/members", Map.of("name", "Sam Field", "email", "sam@example.com"))
            .expect(201)
            .json()
            .get("invite_url")
            .asString();
    JsonNode second =
        live.post("/v1/members", Map.of("name", "Kim Other", "email", "kim@example.com"))
            .expect(201)
            .json();
    live.post("/v1/members", Map.of("name", "Sam Again", "email", "SAM@example.com"))
        .expectError(409, "conflict", null);
    String secondToken = second.get("invite_url").asString().replaceAll(".*/invite/", "");
    live.anonymous()
        .post("/v1/invites/accept", Map.of("token", secondToken, "password", "kim-secret-123"))
        .expect(200);
    String runId = dispatch(live, vehicleCheck("member"));

    try (CuttableProxy network = network();
        Browser phone = new Browser()) {
      phone.open(network.url(URI.create(invite).getPath()), LAT, LNG, 5);
      phone.awaitHeading("Set your password");
      phone.check("member-invite");
      phone.type("#password", "sam-secret-123");
      phone.type("#confirm", "sam-secret-123");
      phone.click("form button[type=submit]");
      phone.awaitHeading("Your password is set");

      phone.open(network.url("/r/" + runId), LAT, LNG, 5);
      phone.find("#password");
      phone.check("member-sign-in");
      phone.type("#email", "sam@example.com");
      phone.type("#password", "wrong-password");
      phone.click("form button[type=submit]");
      phone.awaitText("#start-error", "not right");
      phone.type("#password", "sam-secret-123");
      phone.click("form button[type=submit]");
      phone.awaitHeading("Odometer reading");
      phone.type("#answer", "1200");
      phone.click("form button[type=submit]");
      phone.awaitHeading("Fuel level");
    }
    String sam =
        live.get("/v1/members")
            .expect(200)
            .json()
            .get("data")
            .valueStream()
            .filter(m -> m.get("email").asString().equals("sam@example.com"))
            .findFirst()
            .orElseThrow()
            .get("user_id")
            .asString();
    JsonNode run = awaitRun(live, runId, r -> r.get("answers").has("s-od01"));
    assertThat(run.get("assigned_to").asString()).isEqualTo(sam);
    assertThat(run.get("executor_identity").toString())
        .isEqualTo("{\"mode\":\"member\",\"user_id\":\"" + sam + "\"}");
    assertThat(run.get("answers").get("s-od01").get("by").asString()).isEqualTo(sam);

    // Another member, on another phone, is refused.
    try (CuttableProxy network = network();
        Browser other = new Browser()) {
      other.open(network.url("/r/" + runId), LAT, LNG, 5);
      other.type("#email", "kim@example.com");
      other.type("#password", "kim-secret-123");
      other.click("form button[type=submit]");
      other.awaitText("#start-error", "another member");
    }

    // A deactivated member can no longer sign in.
    String kim = second.get("user_id").asString();
    live.post("/v1/members/" + kim + "/deactivate", Map.of()).expect(200);
    live.anonymous()
        .post(
            "/v1/executor/runs/" + runId + "/sign_in",
            Map.of("email", "kim@example.com", "password", "kim-secret-123"))
        .expectError(401, "unauthorized", null);
  }

  @Test
  void aLinkThatCannotBeDoneAnyMoreSaysWhy() throws Exception {
    Api live = TestSystem.newOrganisation("team");
    Map<String, Object> template = vehicleCheck("none");
    Api anyone = live.anonymous();
    assertThat(anyone.get("/r/r-00000000-0000-4000-8000-000000000000").status()).isEqualTo(404);
    assertThat(anyone.get("/r/not-a-run").body()).contains("This link does not work");

    String expiring = dispatch(live, template, Map.of("expires_in_hours", 0.0003));
    Eventually.holds(Duration.ofSeconds(10), () -> anyone.get("/r/" + expiring).status() == 410);
    Api.Response expired = anyone.get("/r/" + expiring);
    assertThat(expired.status()).isEqualTo(410);
    assertThat(expired.body()).contains("This link has expired").doesNotContain("Exception");

    String cancelled = dispatch(live, template);
    live.post("/v1/runs/" + cancelled + "/cancel", Map.of()).expect(200);
    assertThat(anyone.get("/r/" + cancelled).expect(200).body()).contains("was cancelled");
    try (CuttableProxy network = network();
        Browser phone = new Browser()) {
      phone.open(network.url("/r/" + cancelled), LAT, LNG, 5);
      phone.awaitHeading("This checklist was cancelled");
      phone.check("cancelled-link");
      phone.open(network.url("/r/" + expiring), LAT, LNG, 5);
      phone.awaitHeading("This link has expired");
      phone.check("expired-link");
    }
    // With a native app configured, the same link opens it: the association files name it.
    assertThat(anyone.get("/.well-known/assetlinks.json").expect(200).body())
        .contains("app.rundun.executor", TestSystem.ANDROID_FINGERPRINT, "handle_all_urls");
    assertThat(anyone.get("/.well-known/apple-app-site-association").expect(200).body())
        .contains(TestSystem.APPLE_APP_ID, "/r/*");
    assertThat(anyone.get("/app/manifest.webmanifest").expect(200).body()).contains("icon-512.png");
  }
}
