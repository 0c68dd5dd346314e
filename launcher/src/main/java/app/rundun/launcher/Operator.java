package app.rundun.launcher;

import app.rundun.contracts.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The operator API as the launcher, the benchmark and the tests call it. */
record Operator(String baseUrl, String token) {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** Creates an organisation on the plan; returns its id. */
  String createOrganisation(String name, String plan) {
    return post("/admin/v1/organisations", Map.of("name", name, "plan", plan))
        .get("organisation_id")
        .asString();
  }

  /** Issues a key of the mode to the organisation; returns the key, shown this once. */
  String issueKey(String orgId, String name, String mode) {
    return post(
            "/admin/v1/organisations/" + orgId + "/api_keys", Map.of("name", name, "mode", mode))
        .get("key")
        .asString();
  }

  private JsonNode post(String path, Map<String, String> body) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(body)))
            .build();
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 201) {
        throw new IllegalStateException(
            "POST " + path + " answered " + response.statusCode() + ": " + response.body());
      }
      return Json.mapper().readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted calling " + path, e);
    }
  }
}
