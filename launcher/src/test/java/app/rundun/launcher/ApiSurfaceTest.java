package app.rundun.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.yaml.snakeyaml.Yaml;

/** The API's surface: documented, authenticated where it should be, and refusing bad uploads. */
class ApiSurfaceTest {

  @Test
  void theServedOpenApiDocumentDescribesEveryPublicEndpoint() {
    Api.Response served = new Api(TestSystem.get().apiBaseUrl(), null).get("/v1/openapi.yaml");
    served.expect(200);
    Map<String, Map<String, Object>> paths =
        new Yaml().<Map<String, Map<String, Map<String, Object>>>>load(served.body()).get("paths");
    Set<String> documented = new TreeSet<>();
    paths.forEach((path, operations) ->
        operations
            .keySet()
            .forEach(method -> documented.add(method.toUpperCase() + " " + normalise(path))));

    Set<String> mapped = new TreeSet<>();
    RequestMappingHandlerMapping mapping =
        TestSystem.get()
            .api()
            .getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
    for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
      for (String pattern : info.getPatternValues()) {
        if (pattern.startsWith("/v1/") || pattern.startsWith("/admin/")) {
          info.getMethodsCondition()
              .getMethods()
              .forEach(method -> mapped.add(method.name() + " " + normalise(pattern)));
        }
      }
    }
    assertThat(mapped).isNotEmpty();
    assertThat(documented).containsAll(mapped);

    paths.forEach((path, operations) -> {
      if (path.startsWith("/v1/") && operations.get("post") instanceof Map<?, ?> post) {
        assertThat(String.valueOf(post.get("parameters")))
            .as("POST %s documents Idempotency-Key", path)
            .contains("#/components/parameters/IdempotencyKey");
      }
    });
  }

  @Test
  void theDocsPageIsServed() {
    Api.Response page = new Api(TestSystem.get().apiBaseUrl(), null).get("/docs/index.html");
    page.expect(200);
    assertThat(page.body()).contains("swagger-ui-bundle.js").contains("/docs/start.js");
    Api.Response start = new Api(TestSystem.get().apiBaseUrl(), null).get("/docs/start.js");
    assertThat(start.expect(200).body()).contains("/v1/openapi.yaml");
    Api.Response bundle =
        new Api(TestSystem.get().apiBaseUrl(), null)
            .get(page.body().replaceAll("(?s).*src=\"([^\"]*swagger-ui-bundle.js)\".*", "$1"));
    bundle.expect(200);
  }

  @Test
  void aRevokedKeyIsRefusedFromThenOn() throws InterruptedException {
    Api operator = TestSystem.operator();
    Api live = TestSystem.newOrganisation("team");
    var issued =
        operator
            .post("/admin/v1/organisations/" + live.orgId() + "/api_keys", Map.of("name", "Temp"))
            .expect(201)
            .json();
    String keyId = issued.get("key_id").asString();
    Api temp = new Api(live.baseUrl(), issued.get("key").asString(), live.orgId());
    temp.get("/v1/usage").expect(200);

    operator.delete("/admin/v1/organisations/" + live.orgId() + "/api_keys/" + keyId).expect(200);
    Eventually.holds(Duration.ofSeconds(10), () -> temp.get("/v1/usage").status() != 200);
    temp.get("/v1/usage").expectError(401, "unauthorized", null);
    live.get("/v1/usage").expect(200);
    operator
        .delete("/admin/v1/organisations/" + live.orgId() + "/api_keys/" + keyId)
        .expectError(409, "conflict", null);
  }

  @Test
  void aPhotoMustBeARealImageOfAtMostFifteenMegabytes() throws Exception {
    Api live = TestSystem.newOrganisation("team");
    String templateId =
        live.post(
                "/v1/templates",
                Map.of(
                    "name",
                    "Photo",
                    "steps",
                    java.util.List.of(Map.of("id", "s-ph", "type", "photo", "title", "Photo"))))
            .expect(201)
            .json()
            .get("template_id")
            .asString();
    String runId =
        live.post("/v1/runs", Map.of("template_id", templateId))
            .expect(201)
            .json()
            .get("run_id")
            .asString();
    Api executor = live.anonymous();
    String photos = "/v1/executor/runs/" + runId + "/steps/s-ph/photos";
    executor.post("/v1/executor/runs/" + runId + "/open", Map.of()).expect(200);

    executor
        .postRaw(photos, "image/png", "not a picture at all".getBytes())
        .expectError(400, "invalid_request", "photo");
    byte[] damaged = RunJourneyTest.png();
    java.util.Arrays.fill(damaged, 16, damaged.length, (byte) 0);
    executor.postRaw(photos, "image/png", damaged).expectError(400, "invalid_request", "photo");
    executor
        .postRaw(photos, "image/png", new byte[16 * 1024 * 1024])
        .expectError(413, "invalid_request", null);
    executor
        .postRaw(photos, "image/gif", RunJourneyTest.png())
        .expectError(415, "invalid_request", null);

    byte[] png = RunJourneyTest.png();
    String first =
        executor.postRaw(photos, "image/png", png).expect(201).json().get("photo_id").asString();
    String again =
        executor.postRaw(photos, "image/png", png).expect(201).json().get("photo_id").asString();
    assertThat(again).as("the same bytes are stored once").isEqualTo(first);
    executor
        .put(
            "/v1/executor/runs/" + runId + "/steps/s-ph/answer",
            Map.of("photos", java.util.List.of("0".repeat(64) + ".png")))
        .expectError(400, "invalid_request", "photos[0]");
  }

  private static String normalise(String path) {
    return path.replaceAll("\\{[^}]+}", "{}");
  }
}
