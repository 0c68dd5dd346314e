package app.rundun.launcher;

import static app.rundun.launcher.SeedShapes.assertSameShape;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The integrator's story, end to end on a real broker over real HTTP: a template with every step
 * type is dispatched, previewed, opened, answered (one step with a photo and a location), one
 * optional step skipped, submitted, and read back in exactly the shape of the Runs API page.
 */
class RunJourneyTest {

  static final List<Map<String, Object>> EVERY_STEP_TYPE =
      Stream.of(
              List.of(
                  Map.<String, Object>of(
                      "id",
                      "s-intro",
                      "type",
                      "instruction",
                      "title",
                      "Walk around the car first")),
              Fixtures.VEHICLE_CHECK_STEPS,
              List.<Map<String, Object>>of(
                  Map.of("id", "s-nt01", "type", "text", "title", "Notes", "required", false),
                  Map.of("id", "s-dt01", "type", "date", "title", "Registration date"),
                  Map.of("id", "s-tm01", "type", "time", "title", "Handover time"),
                  Map.of("id", "s-rt01", "type", "rating", "title", "Cleanliness", "scale", 5),
                  Map.of("id", "s-bc01", "type", "barcode", "title", "Key tag"),
                  Map.of("id", "s-ph01", "type", "photo", "title", "Dashboard photo"),
                  Map.of("id", "s-sg01", "type", "signature", "title", "Customer signature")))
          .flatMap(List::stream)
          .toList();

  @Test
  void anIntegratorDispatchesARunThatIsAnsweredAndReadBackInTheSeedShape() throws Exception {
    Api integrator = TestSystem.newOrganisation("starter");
    Api executor = integrator.anonymous();

    // Step 1: create a template with every step type.
    JsonNode template =
        integrator
            .post(
                "/v1/templates",
                Map.of(
                    "name",
                    "Vehicle rental — outgoing check",
                    "steps",
                    EVERY_STEP_TYPE,
                    "execution",
                    Map.of("identity_required", "none")))
            .expect(201)
            .json();
    assertThat(template.get("version").asInt()).isEqualTo(1);
    assertThat(template.get("steps")).hasSize(12);
    String templateId = template.get("template_id").asString();

    // Step 2: dispatch a run as the Runs API page shows it.
    JsonNode created =
        integrator
            .post(
                "/v1/runs",
                Map.of(
                    "template_id",
                    templateId,
                    "executor_ref",
                    "booking_9f2a3b",
                    "webhook",
                    Map.of(
                        "url",
                        "https://your-app.com/hooks/rundun",
                        "secret",
                        "whsec_abc123",
                        "events",
                        List.of("step.completed", "run.completed", "run.cancelled")),
                    "expires_in_hours",
                    24))
            .expect(201)
            .json();
    assertSameShape(created, "create-run-response.json");
    String runId = created.get("run_id").asString();
    assertThat(runId)
        .matches("r-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(created.get("link").asString()).endsWith("/r/" + runId);
    assertThat(created.get("assigned_to").isNull()).isTrue();

    // Step 3: the link's page previews it without authentication.
    JsonNode preview = executor.get("/v1/runs/" + runId + "/preview").expect(200).json();
    assertSameShape(preview, "preview-response.json");
    assertThat(preview.get("status").asString()).isEqualTo("pending");
    assertThat(preview.get("template_name").asString())
        .isEqualTo("Vehicle rental — outgoing check");
    assertThat(preview.get("step_count").asInt()).isEqualTo(11);
    assertThat(preview.get("created_by_name").asString()).isEqualTo("Alex");
    assertThat(preview.get("expires_at").asString())
        .isEqualTo(created.get("expires_at").asString());

    // Step 4: the executor opens it.
    String run = "/v1/executor/runs/" + runId;
    JsonNode opened = executor.post(run + "/open", Map.of()).expect(200).json();
    assertThat(opened.get("status").asString()).isEqualTo("in_progress");

    // Step 5: answer every step; the damaged areas with a photo and a location.
    String photoId =
        executor
            .postRaw(run + "/steps/s-dm02/photos", "image/png", png())
            .expect(201)
            .json()
            .get("photo_id")
            .asString();
    answer(executor, run, "s-od01", Map.of("value", 42150));
    answer(executor, run, "s-fu01", Map.of("value", "o-fu2"));
    answer(executor, run, "s-dm01", Map.of("value", true));
    answer(
        executor,
        run,
        "s-dm02",
        Map.of(
            "value",
            List.of("o-dm1", "o-dm3"),
            "photos",
            List.of(photoId),
            "geo",
            Map.of("lat", 51.507, "lng", -0.127, "accuracy_m", 5)));
    answer(executor, run, "s-dt01", Map.of("value", "2024-03-01"));
    answer(executor, run, "s-tm01", Map.of("value", "08:30"));
    answer(executor, run, "s-rt01", Map.of("value", 4));
    answer(executor, run, "s-bc01", Map.of("value", "KEY-0042"));
    answer(executor, run, "s-ph01", Map.of("photos", List.of(upload(executor, run, "s-ph01"))));
    answer(executor, run, "s-sg01", Map.of("photos", List.of(upload(executor, run, "s-sg01"))));

    // Step 6: skip the optional step, then submit.
    executor.post(run + "/steps/s-nt01/skip", Map.of()).expect(200);
    JsonNode submitted = executor.post(run + "/submit", Map.of()).expect(200).json();
    assertThat(submitted.get("status").asString()).isEqualTo("completed");

    // Step 7: read it back, exactly in the seed's shape.
    JsonNode read = integrator.get("/v1/runs/" + runId).expect(200).json();
    assertSameShape(read, "get-run-response.json");
    assertThat(read.get("status").asString()).isEqualTo("completed");
    assertThat(read.get("template_id").asString()).isEqualTo(templateId);
    assertThat(read.get("template_v").asInt()).isEqualTo(1);
    assertThat(read.get("executor_ref").asString()).isEqualTo("booking_9f2a3b");
    assertThat(read.get("assigned_to").isNull()).isTrue();
    assertThat(read.get("executor_identity").toString()).isEqualTo("{\"mode\":\"anonymous\"}");
    assertThat(read.get("progress").toString())
        .isEqualTo("{\"total\":11,\"answered\":10,\"skipped\":1}");
    JsonNode answers = read.get("answers");
    assertThat(answers.get("s-od01").get("value").asInt()).isEqualTo(42150);
    assertThat(answers.get("s-fu01").get("value").asString()).isEqualTo("o-fu2");
    assertThat(answers.get("s-dm01").get("value").asBoolean()).isTrue();
    assertThat(answers.get("s-dm02").get("value").toString()).isEqualTo("[\"o-dm1\",\"o-dm3\"]");
    assertThat(answers.get("s-dm02").get("geo").toString())
        .isEqualTo("{\"lat\":51.507,\"lng\":-0.127,\"accuracy_m\":5.0}");
    assertThat(answers.get("s-ph01").get("value").isNull()).isTrue();
    assertThat(answers.has("s-nt01")).isFalse();
    assertThat(answers.has("s-intro")).isFalse();

    // Step 8: the photo URL is signed: it serves the bytes as given, and not once tampered with.
    String url = answers.get("s-dm02").get("photos").get(0).get("url").asString();
    HttpResponse<byte[]> photo = fetch(url);
    assertThat(photo.statusCode()).isEqualTo(200);
    assertThat(photo.body()).isEqualTo(png());
    assertThat(fetch(url.replace("signature=", "signature=x")).statusCode()).isEqualTo(403);

    // Step 9: the event topic keeps a reference that never goes stale, no signed URL; its path
    // redirects, with the API key, to a URL signed now.
    List<JsonNode> events =
        RunEvents.of(runId, 14, Duration.ofSeconds(20)).stream().map(RunEvents::json).toList();
    JsonNode published =
        events.stream()
            .filter(e -> "s-dm02".equals(e.path("data").path("step_id").asString("")))
            .findFirst()
            .orElseThrow();
    JsonNode reference = published.get("data").get("answers").get("s-dm02").get("photos").get(0);
    assertThat(reference.get("photo_id").asString()).isEqualTo(photoId);
    assertThat(reference.get("sha256").asString()).isEqualTo(photoId.substring(0, 64));
    assertThat(reference.get("content_type").asString()).isEqualTo("image/png");
    assertThat(reference.has("url")).isFalse();
    assertThat(published.toString()).doesNotContain("signature=");
    String path = reference.get("path").asString();
    assertThat(path).isEqualTo("/v1/runs/" + runId + "/answers/s-dm02/photos/0");
    Api.Response redirect = integrator.get(path).expect(302);
    assertThat(fetch(redirect.header("Location")).body()).isEqualTo(png());
    integrator.anonymous().get(path).expectError(401, "unauthorized", null);
    TestSystem.newOrganisation("team").get(path).expectError(404, "not_found", null);
    integrator.get(path.replace("/0", "/1")).expectError(404, "not_found", null);

    // Step 10: the whole story on the topic, in order, each event valid against its type's schema:
    // dispatched, opened, ten answers, the skip, completed.
    assertThat(events)
        .extracting(event -> event.get("type").asString())
        .containsExactlyElementsOf(
            Stream.of(
                    List.of("run.created", "run.opened"),
                    java.util.Collections.nCopies(10, "step.completed"),
                    List.of("step.skipped", "run.completed"))
                .flatMap(List::stream)
                .toList());
    JsonNode skip = events.get(12);
    assertThat(skip.get("data").get("step_id").asString()).isEqualTo("s-nt01");
    assertThat(skip.get("data").get("skipped_steps").toString()).isEqualTo("[\"s-nt01\"]");
    for (JsonNode event : events) {
      RunEvents.validate(event);
    }
  }

  @Test
  void aRunKeepsTheTemplateVersionItWasDispatchedWith() {
    Api integrator = TestSystem.newOrganisation("team");
    String templateId =
        integrator
            .post("/v1/templates", Map.of("name", "v1", "steps", EVERY_STEP_TYPE.subList(1, 2)))
            .expect(201)
            .json()
            .get("template_id")
            .asString();
    String runId =
        integrator
            .post("/v1/runs", Map.of("template_id", templateId))
            .expect(201)
            .json()
            .get("run_id")
            .asString();
    JsonNode v2 =
        integrator
            .put(
                "/v1/templates/" + templateId,
                Map.of("name", "v2", "steps", EVERY_STEP_TYPE.subList(1, 4)))
            .expect(200)
            .json();
    assertThat(v2.get("version").asInt()).isEqualTo(2);
    assertThat(
            integrator
                .get("/v1/templates/" + templateId + "/versions/1")
                .expect(200)
                .json()
                .get("name")
                .asString())
        .isEqualTo("v1");
    assertThat(
            integrator
                .get("/v1/templates")
                .expect(200)
                .json()
                .get("data")
                .get(0)
                .get("version")
                .asInt())
        .isEqualTo(2);
    JsonNode run = integrator.get("/v1/runs/" + runId).expect(200).json();
    assertThat(run.get("template_v").asInt()).isEqualTo(1);
    assertThat(run.get("expires_at").isNull()).isTrue();
    assertThat(
            integrator
                .anonymous()
                .get("/v1/runs/" + runId + "/preview")
                .expect(200)
                .json()
                .get("step_count")
                .asInt())
        .isEqualTo(1);
  }

  private static void answer(Api executor, String run, String stepId, Map<String, Object> body) {
    executor.put(run + "/steps/" + stepId + "/answer", body).expect(200);
  }

  private static String upload(Api executor, String run, String stepId) throws IOException {
    return executor
        .postRaw(run + "/steps/" + stepId + "/photos", "image/png", png())
        .expect(201)
        .json()
        .get("photo_id")
        .asString();
  }

  static byte[] png() throws IOException {
    BufferedImage image = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
    image.setRGB(1, 1, 0xFF8800);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  private static HttpResponse<byte[]> fetch(String url) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
  }
}
