package app.rundun.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An integrator manages its own keys with one of its unrestricted keys: issues them (the secret
 * shown once), lists them with their last use, restricts them to scopes, rolls one with an overlap
 * in which both work, and revokes one; the operator API keeps issuing keys as before.
 */
class ApiKeysTest {

  @Test
  void anIntegratorIssuesListsAndRevokesItsOwnKeys() throws Exception {
    Api admin = TestSystem.newOrganisation("team");

    // Step 1: a new key, its secret in this answer only.
    JsonNode issued = admin.post("/v1/api_keys", Map.of("name", "CI")).expect(201).json();
    String secret = issued.get("key").asString();
    assertThat(secret).startsWith("rdk_live_");
    assertThat(issued.get("mode").asString()).isEqualTo("live");
    assertThat(issued.has("scopes")).as("a key without restrictions").isFalse();
    Api ci = new Api(admin.baseUrl(), secret, admin.orgId());
    assertThat(ci.get("/v1/templates").status()).isEqualTo(200);

    // Step 2: listed without its secret, with its last use.
    String keyId = issued.get("key_id").asString();
    JsonNode listed =
        Eventually.until(
            "the CI key's last use listed",
            Duration.ofSeconds(30),
            () -> keyOf(admin.get("/v1/api_keys").expect(200).json(), keyId),
            key -> key != null && key.has("last_used_at"));
    assertThat(listed.has("key")).as("the secret is never shown again").isFalse();
    assertThat(admin.get("/v1/api_keys").json().get("object").asString()).isEqualTo("list");

    // Step 3: revoked, it is refused.
    JsonNode revoked = admin.post("/v1/api_keys/" + keyId + "/revoke", Map.of()).expect(200).json();
    assertThat(revoked.get("revoked_at").isNull()).isFalse();
    assertThat(
            Eventually.holds(Duration.ofSeconds(10), () -> ci.get("/v1/templates").status() == 401))
        .isTrue();
    admin.post("/v1/api_keys/key-nope/revoke", Map.of()).expectError(404, "not_found", null);
  }

  @Test
  void aRestrictedKeyIsRefusedOutsideItsScopes() {
    Api admin = TestSystem.newOrganisation("team");
    String template = Fixtures.oneStepTemplate(admin, "Scoped");
    Api reader = restricted(admin, "Reader", List.of("runs:read"));
    Api dispatcher = restricted(admin, "Dispatcher", List.of("runs:write"));

    assertThat(reader.get("/v1/templates").status()).isEqualTo(200);
    reader.post("/v1/runs", Map.of("template_id", template)).expectError(403, "forbidden", null);
    reader.post("/v1/templates", Map.of()).expectError(403, "forbidden", null);
    reader.get("/v1/api_keys").expectError(403, "forbidden", null);

    String run = Fixtures.dispatch(dispatcher, template);
    dispatcher.get("/v1/runs/" + run).expectError(403, "forbidden", null);
    dispatcher.post("/v1/api_keys", Map.of("name", "Escalate")).expectError(403, "forbidden", null);
    assertThat(admin.get("/v1/runs/" + run).status()).isEqualTo(200);

    admin
        .post("/v1/api_keys", Map.of("name", "Bad", "scopes", List.of("runs:read", "runs:delete")))
        .expectError(400, "invalid_request", "scopes[1]");
    admin
        .post("/v1/api_keys", Map.of("name", "Live from test", "mode", "test"))
        .expectError(400, "invalid_request", "mode");
  }

  @Test
  void aRolledKeyWorksBesideItsReplacementUntilTheOverlapEnds() throws Exception {
    Api admin = TestSystem.newOrganisation("team");
    JsonNode first = admin.post("/v1/api_keys", Map.of("name", "Rotated")).expect(201).json();
    Api old = new Api(admin.baseUrl(), first.get("key").asString(), admin.orgId());

    JsonNode rolled =
        admin
            .post(
                "/v1/api_keys/" + first.get("key_id").asString() + "/roll",
                Map.of("expires_in_seconds", 3))
            .expect(200)
            .json();
    Api replacement = new Api(admin.baseUrl(), rolled.get("key").asString(), admin.orgId());
    assertThat(rolled.get("name").asString()).isEqualTo("Rotated");

    // Both work during the overlap; then only the replacement.
    assertThat(old.get("/v1/templates").status()).isEqualTo(200);
    assertThat(replacement.get("/v1/templates").status()).isEqualTo(200);
    Api.Response expired =
        Eventually.until(
            "the old key refused",
            Duration.ofSeconds(15),
            () -> old.get("/v1/templates"),
            answer -> answer.status() == 401);
    assertThat(expired.json().get("message").asString()).contains("rolled");
    assertThat(replacement.get("/v1/templates").status()).isEqualTo(200);

    // A roll without an overlap ends the old key at once.
    JsonNode again =
        admin
            .post(
                "/v1/api_keys/" + rolled.get("key_id").asString() + "/roll",
                Map.of("expires_in_seconds", 0))
            .expect(200)
            .json();
    assertThat(
            Eventually.holds(
                Duration.ofSeconds(10), () -> replacement.get("/v1/templates").status() == 401))
        .isTrue();
    assertThat(
            new Api(admin.baseUrl(), again.get("key").asString(), admin.orgId())
                .get("/v1/templates")
                .status())
        .isEqualTo(200);
  }

  private static Api restricted(Api admin, String name, List<String> scopes) {
    JsonNode issued =
        admin.post("/v1/api_keys", Map.of("name", name, "scopes", scopes)).expect(201).json();
    List<String> granted = new ArrayList<>();
    issued.get("scopes").forEach(scope -> granted.add(scope.asString()));
    assertThat(granted).containsExactlyElementsOf(scopes);
    return new Api(admin.baseUrl(), issued.get("key").asString(), admin.orgId());
  }

  private static JsonNode keyOf(JsonNode list, String keyId) {
    for (JsonNode key : list.get("data")) {
      if (key.get("key_id").asString().equals(keyId)) {
        return key;
      }
    }
    return null;
  }
}
