package app.rundun.launcher;

import app.rundun.contracts.json.Json;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import tools.jackson.databind.JsonNode;

/**
 * The demo organisation of a local system, on the Starter plan, with a live and a test key. Keys
 * are shown once and kept by Rundun only as hashes, so the launcher keeps its own copy in the data
 * folder to print them again on the next start.
 */
record DemoOrganisation(String orgId, String liveKey, String testKey) {

  static DemoOrganisation ensure(String apiBaseUrl, String operatorToken, Path file)
      throws IOException, InterruptedException {
    if (Files.exists(file)) {
      Properties saved = new Properties();
      try (Reader in = Files.newBufferedReader(file)) {
        saved.load(in);
      }
      return new DemoOrganisation(
          saved.getProperty("org_id"),
          saved.getProperty("live_key"),
          saved.getProperty("test_key"));
    }
    Operator operator = new Operator(apiBaseUrl, operatorToken);
    String orgId =
        operator
            .post("/admin/v1/organisations", Map.of("name", "Demo", "plan", "starter"))
            .get("organisation_id")
            .asString();
    String live =
        operator
            .post(
                "/admin/v1/organisations/" + orgId + "/api_keys",
                Map.of("name", "Demo live key", "mode", "live"))
            .get("key")
            .asString();
    String test =
        operator
            .post(
                "/admin/v1/organisations/" + orgId + "/api_keys",
                Map.of("name", "Demo test key", "mode", "test"))
            .get("key")
            .asString();
    Properties saved = new Properties();
    saved.setProperty("org_id", orgId);
    saved.setProperty("live_key", live);
    saved.setProperty("test_key", test);
    Files.createDirectories(file.getParent());
    try (Writer out = Files.newBufferedWriter(file)) {
      saved.store(out, "Demo organisation of the local Rundun; keys are secrets");
    }
    return new DemoOrganisation(orgId, live, test);
  }

  /** The operator API, as the launcher calls it. */
  private record Operator(String baseUrl, String token) {

    JsonNode post(String path, Map<String, String> body) throws IOException, InterruptedException {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(baseUrl + path))
              .header("Authorization", "Bearer " + token)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(body)))
              .build();
      HttpResponse<String> response =
          HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 201) {
        throw new IllegalStateException(
            "POST " + path + " answered " + response.statusCode() + ": " + response.body());
      }
      return Json.mapper().readTree(response.body());
    }
  }
}
