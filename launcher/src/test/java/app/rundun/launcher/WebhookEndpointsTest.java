package app.rundun.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rundun.contracts.json.Json;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The webhook subscriber's story with an account endpoint: every matching event of the
 * organisation's runs arrives there, beside a run's own webhook, and a secret is rotated without a
 * delivery failing to verify. Two official Standard Webhooks libraries (Java's and npm's) verify.
 */
class WebhookEndpointsTest {

  private static final String OLD_SECRET = "whsec_b2xkLXNlY3JldC1vZi10aGUtZW5kcG9pbnQ=";

  @TempDir static Path npm;

  /** The npm package, installed for this test only (not globally). */
  @BeforeAll
  static void installTheNpmLibrary() throws Exception {
    run(npm, "npm", "install", "--no-audit", "--no-fund", "standardwebhooks@1.1.1");
  }

  @Test
  void anEndpointAndARunWebhookBothReceiveTheRunsEvents() throws Exception {
    try (Receiver account = Receiver.alwaysOk();
        Receiver own = Receiver.alwaysOk()) {
      Api[] modes = TestSystem.newOrganisationWithModes("team");
      Api live = modes[0];
      // Step 1: the organisation adds an endpoint; its secret is shown this once.
      JsonNode endpoint =
          live.post(
                  "/v1/webhook_endpoints",
                  Map.of(
                      "url",
                      account.url("/rundun"),
                      "events",
                      List.of("run.created", "run.opened", "run.completed"),
                      "description",
                      "Fleet system"))
              .expect(201)
              .json();
      String endpointId = endpoint.get("id").asString();
      String secret = endpoint.get("secret").asString();
      assertThat(endpointId).startsWith("we-");
      assertThat(secret).startsWith("whsec_");
      assertThat(endpoint.get("object").asString()).isEqualTo("webhook_endpoint");
      assertThat(endpoint.get("enabled").asBoolean()).isTrue();
      assertThat(endpoint.get("livemode").asBoolean()).isTrue();
      String shown = live.get("/v1/webhook_endpoints/" + endpointId).expect(200).body();
      assertThat(shown).doesNotContain(secret).contains("Fleet system");
      JsonNode listed = live.get("/v1/webhook_endpoints").expect(200).json();
      assertThat(listed.get("data").get(0).get("id").asString()).isEqualTo(endpointId);
      assertThat(listed.toString()).doesNotContain("whsec_");

      // Step 2: a run with its own webhook is dispatched and completed.
      String runId =
          dispatch(
              live,
              Map.of(
                  "url",
                  own.url("/own"),
                  "secret",
                  "whsec_abc123",
                  "events",
                  List.of("run.opened", "run.completed")));
      Fixtures.completeOdometerRun(live.anonymous(), runId);

      // Step 3: the endpoint gets the three events it asked for, in order, signed with its
      // secret; the run's webhook gets its two, signed with the run's secret; one event has one
      // webhook-id wherever it goes.
      List<Receiver.Received> atAccount = account.await(3, Duration.ofSeconds(30));
      List<Receiver.Received> atOwn = own.await(2, Duration.ofSeconds(30));
      assertThat(types(atAccount)).containsExactly("run.created", "run.opened", "run.completed");
      assertThat(types(atOwn)).containsExactly("run.opened", "run.completed");
      for (Receiver.Received request : atAccount) {
        new Webhook(secret).verify(request.body(), request.lowerCaseHeaders());
        assertThat(TestSystem.json(request.body()).get("data").get("run_id").asString())
            .isEqualTo(runId);
      }
      for (Receiver.Received request : atOwn) {
        new Webhook("whsec_abc123").verify(request.body(), request.lowerCaseHeaders());
      }
      assertThat(atAccount.get(1).header("webhook-id"))
          .isEqualTo(atOwn.get(0).header("webhook-id"));
      assertThat(atAccount.get(1).body()).isEqualTo(atOwn.get(0).body());
      assertThat(verifiedByNpm(List.of(secret, "whsec_abc123"), atAccount))
          .containsOnly(List.of(secret));

      // Step 4: the run's attempt log shows both kinds, the endpoint's naming it.
      JsonNode log =
          Eventually.until(
              "five logged attempts",
              Duration.ofSeconds(30),
              () ->
                  live.get("/v1/runs/" + runId + "/webhook_deliveries")
                      .expect(200)
                      .json()
                      .get("data"),
              data -> data.size() >= 5);
      assertThat(log.valueStream().filter(a -> endpointId.equals(a.get("endpoint_id").asString())))
          .hasSize(3);
      assertThat(log.valueStream().filter(a -> a.get("endpoint_id").isNull())).hasSize(2);

      // Step 5: another organisation's runs, and this one's test runs, never reach the endpoint.
      Api other = TestSystem.newOrganisation("team");
      Api test = modes[1];
      Fixtures.completeOdometerRun(other.anonymous(), dispatch(other, null));
      Fixtures.completeOdometerRun(test.anonymous(), dispatch(test, null));
      other.get("/v1/webhook_endpoints/" + endpointId).expectError(404, "not_found", null);
      assertThat(Eventually.stays(Duration.ofSeconds(1), () -> account.received().size() == 3))
          .as("nothing more reaches the endpoint")
          .isTrue();
    }
  }

  @Test
  void aRotatedSecretSignsBesideTheOldOneUntilTheOldOneExpires() throws Exception {
    try (Receiver receiver = Receiver.alwaysOk()) {
      Api live = TestSystem.newOrganisation("team");
      String endpointId =
          live.post(
                  "/v1/webhook_endpoints",
                  Map.of(
                      "url",
                      receiver.url("/rotating"),
                      "events",
                      List.of("run.opened"),
                      "secret",
                      OLD_SECRET))
              .expect(201)
              .json()
              .get("id")
              .asString();
      String rotate = "/v1/webhook_endpoints/" + endpointId + "/rotate_secret";

      // Step 1: rotate with the default overlap: the answer shows the new secret, once.
      JsonNode rotated = live.post(rotate, Map.of()).expect(200).json();
      String newSecret = rotated.get("secret").asString();
      assertThat(newSecret).startsWith("whsec_").isNotEqualTo(OLD_SECRET);
      Instant oldExpires = Instant.parse(rotated.get("previous_secret_expires_at").asString());
      assertThat(oldExpires)
          .isBetween(
              Instant.now().plus(Duration.ofHours(23)), Instant.now().plus(Duration.ofHours(25)));

      // Step 2: a delivery now carries two signatures; either secret verifies it, in both
      // libraries.
      open(live, dispatch(live, null));
      Receiver.Received both = receiver.await(1, Duration.ofSeconds(30)).getLast();
      assertThat(both.header("webhook-signature").split(" ")).hasSize(2);
      new Webhook(OLD_SECRET).verify(both.body(), both.lowerCaseHeaders());
      new Webhook(newSecret).verify(both.body(), both.lowerCaseHeaders());
      assertThat(verifiedByNpm(List.of(OLD_SECRET, newSecret), List.of(both)))
          .containsExactly(List.of(OLD_SECRET, newSecret));

      // Step 3: rotate again, the replaced secret expiring at once: only the newest signs; the
      // first one, still within its day, signs too.
      JsonNode again =
          live.post(rotate, Map.of("previous_secret_expires_in", 0)).expect(200).json();
      String newest = again.get("secret").asString();
      open(live, dispatch(live, null));
      Receiver.Received after = receiver.await(2, Duration.ofSeconds(30)).getLast();
      assertThat(after.header("webhook-signature").split(" ")).hasSize(2);
      new Webhook(newest).verify(after.body(), after.lowerCaseHeaders());
      new Webhook(OLD_SECRET).verify(after.body(), after.lowerCaseHeaders());
      assertThatThrownBy(
              () -> new Webhook(newSecret).verify(after.body(), after.lowerCaseHeaders()))
          .isInstanceOf(WebhookVerificationException.class);
      assertThat(verifiedByNpm(List.of(OLD_SECRET, newSecret, newest), List.of(after)))
          .containsExactly(List.of(OLD_SECRET, newest));

      // Step 4: a secret given on rotation is used as it is.
      String chosen = "whsec_Y2hvc2VuLWJ5LXRoZS1pbnRlZ3JhdG9y";
      JsonNode given =
          live.post(rotate, Map.of("secret", chosen, "previous_secret_expires_in", 0))
              .expect(200)
              .json();
      assertThat(given.get("secret").asString()).isEqualTo(chosen);
      assertThat(live.get("/v1/webhook_endpoints/" + endpointId).expect(200).body())
          .doesNotContain("whsec_");
    }
  }

  @Test
  void anEndpointIsChangedDisabledAndDeleted() throws Exception {
    try (Receiver first = Receiver.alwaysOk();
        Receiver second = Receiver.alwaysOk()) {
      Api live = TestSystem.newOrganisation("team");
      String endpoint =
          "/v1/webhook_endpoints/"
              + live.post("/v1/webhook_endpoints", Map.of("url", first.url("/a")))
                  .expect(201)
                  .json()
                  .get("id")
                  .asString();
      // Step 1: without a filter the endpoint gets the events delivered by default.
      assertThat(live.get(endpoint).expect(200).json().get("events").get(0).asString())
          .isEqualTo("*");
      open(live, dispatch(live, null));
      assertThat(types(first.await(1, Duration.ofSeconds(30)))).containsExactly("run.opened");

      // Step 2: disabled, it gets nothing.
      JsonNode disabled = live.patch(endpoint, Map.of("enabled", false)).expect(200).json();
      assertThat(disabled.get("enabled").isBoolean()).isTrue();
      assertThat(disabled.get("enabled").asBoolean()).isFalse();
      open(live, dispatch(live, null));
      assertThat(Eventually.stays(Duration.ofSeconds(1), () -> first.received().size() == 1))
          .as("a disabled endpoint gets nothing")
          .isTrue();

      // Step 3: enabled again at a new address, with a filter, it gets what it now asks for.
      JsonNode changed =
          live.patch(
                  endpoint,
                  Map.of(
                      "enabled", true, "url", second.url("/b"), "events", List.of("run.cancelled")))
              .expect(200)
              .json();
      assertThat(changed.get("events").get(0).asString()).isEqualTo("run.cancelled");
      String runId = dispatch(live, null);
      open(live, runId);
      live.post("/v1/runs/" + runId + "/cancel", Map.of()).expect(200);
      assertThat(types(second.await(1, Duration.ofSeconds(30)))).containsExactly("run.cancelled");

      // Step 4: deleted, it is gone.
      JsonNode deleted = live.delete(endpoint).expect(200).json();
      assertThat(deleted.get("deleted").asBoolean()).isTrue();
      live.get(endpoint).expectError(404, "not_found", null);
      live.patch(endpoint, Map.of("enabled", true)).expectError(404, "not_found", null);
      open(live, dispatch(live, null));
      assertThat(
              Eventually.stays(
                  Duration.ofSeconds(1),
                  () -> first.received().size() == 1 && second.received().size() == 1))
          .as("a deleted endpoint gets nothing")
          .isTrue();
    }
  }

  @Test
  void recoverSendsAgainExactlyTheDeliveriesThatFailedInTheWindowWithTheirWebhookIds()
      throws Exception {
    try (Receiver receiver = new Receiver(n -> new Receiver.Reply(500, Map.of()))) {
      Api live = TestSystem.newOrganisation("team");
      String endpointId =
          live.post(
                  "/v1/webhook_endpoints",
                  Map.of("url", receiver.url("/down"), "events", List.of("run.opened")))
              .expect(201)
              .json()
              .get("id")
              .asString();
      String recover = "/v1/webhook_endpoints/" + endpointId + "/recover";
      Instant beforeAll = Instant.now().minusSeconds(1);

      // Step 1: two events fail every attempt, a second apart: one before the window, one in it.
      String first = dispatch(live, null);
      open(live, first);
      String firstId = failedFor(live, first, endpointId);
      Instant since = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
      Thread.sleep(Duration.between(Instant.now(), since).toMillis() + 100);
      String second = dispatch(live, null);
      open(live, second);
      String secondId = failedFor(live, second, endpointId);
      int failedRequests = receiver.received().size();

      // Step 2: the endpoint is back; recovering the window sends only the second again, as it was.
      receiver.answerWith(n -> new Receiver.Reply(200, Map.of()));
      JsonNode accepted = live.post(recover, Map.of("since", since.toString())).expect(202).json();
      assertThat(accepted.get("status").asString()).isEqualTo("scheduled");
      List<Receiver.Received> resent =
          receiver
              .await(failedRequests + 1, Duration.ofSeconds(30))
              .subList(failedRequests, failedRequests + 1);
      assertThat(resent.getFirst().header("webhook-id")).isEqualTo(secondId);
      assertThat(
              Eventually.stays(
                  Duration.ofSeconds(1), () -> receiver.received().size() == failedRequests + 1))
          .as("only the window's failure is sent again")
          .isTrue();

      // Step 3: the earlier window sends the first; the second, delivered now, is not sent again.
      live.post(recover, Map.of("since", beforeAll.toString(), "until", since.toString()))
          .expect(202);
      List<Receiver.Received> all = receiver.await(failedRequests + 2, Duration.ofSeconds(30));
      assertThat(all.get(failedRequests + 1).header("webhook-id")).isEqualTo(firstId);
      live.post(recover, Map.of("since", beforeAll.toString())).expect(202);
      assertThat(
              Eventually.stays(
                  Duration.ofSeconds(1), () -> receiver.received().size() == failedRequests + 2))
          .as("a delivery that succeeded is not recovered again")
          .isTrue();
      assertThat(lastOutcome(live, first, endpointId)).isEqualTo("delivered");

      // Step 4: a window that makes no sense, an unknown or disabled endpoint are refused.
      live.post(recover, Map.of()).expectError(400, "invalid_request", "since");
      live.post(recover, Map.of("since", since.toString(), "until", since.toString()))
          .expectError(400, "invalid_request", "until");
      live.post(recover, Map.of("since", "yesterday")).expectError(400, "invalid_request", "since");
      live.post(
              "/v1/webhook_endpoints/we-00000000-0000-4000-8000-000000000000/recover",
              Map.of("since", since.toString()))
          .expectError(404, "not_found", null);
      live.patch("/v1/webhook_endpoints/" + endpointId, Map.of("enabled", false)).expect(200);
      live.post(recover, Map.of("since", since.toString())).expectError(409, "conflict", null);
    }
  }

  /** Waits until the run's event has failed for good at the endpoint; returns its webhook-id. */
  private static String failedFor(Api live, String runId, String endpointId) throws Exception {
    Eventually.until(
        "the endpoint's delivery of " + runId + " failed",
        Duration.ofSeconds(30),
        () -> lastOutcome(live, runId, endpointId),
        "failed"::equals);
    return live.get("/v1/runs/" + runId + "/webhook_deliveries")
        .expect(200)
        .json()
        .get("data")
        .valueStream()
        .filter(a -> endpointId.equals(a.get("endpoint_id").asString()))
        .findFirst()
        .orElseThrow()
        .get("event_id")
        .asString();
  }

  private static String lastOutcome(Api live, String runId, String endpointId) {
    return live.get("/v1/runs/" + runId + "/webhook_deliveries?limit=100")
        .expect(200)
        .json()
        .get("data")
        .valueStream()
        .filter(a -> endpointId.equals(a.get("endpoint_id").asString()))
        .reduce((a, b) -> b)
        .map(a -> a.get("outcome").asString())
        .orElse("none");
  }

  @Test
  void badEndpointRequestsAreRefusedWithTheFieldAtFault() {
    Api[] modes = TestSystem.newOrganisationWithModes("team");
    Api live = modes[0];
    Api test = modes[1];
    String hook = "https://hooks.example.com/rundun";
    live.post("/v1/webhook_endpoints", Map.of()).expectError(400, "invalid_request", "url");
    live.post("/v1/webhook_endpoints", Map.of("url", "http://169.254.169.254/latest"))
        .expectError(400, "invalid_request", "url");
    live.post("/v1/webhook_endpoints", Map.of("url", hook, "events", List.of("run.nope")))
        .expectError(400, "invalid_request", "events");
    live.post("/v1/webhook_endpoints", Map.of("url", hook, "events", List.of()))
        .expectError(400, "invalid_request", "events");
    live.post("/v1/webhook_endpoints", Map.of("url", hook, "secret", "not-a-secret"))
        .expectError(400, "invalid_request", "secret");
    live.post("/v1/webhook_endpoints", Map.of("url", hook, "description", "d".repeat(501)))
        .expectError(400, "invalid_request", "description");
    live.post("/v1/webhook_endpoints", Map.of("url", hook, "enabled", "yes"))
        .expectError(400, "invalid_request", "enabled");
    live.get("/v1/webhook_endpoints/we-00000000-0000-4000-8000-000000000000")
        .expectError(404, "not_found", null);
    live.get("/v1/webhook_endpoints/nonsense").expectError(404, "not_found", null);

    String id =
        live.post("/v1/webhook_endpoints", Map.of("url", hook))
            .expect(201)
            .json()
            .get("id")
            .asString();
    live.post(
            "/v1/webhook_endpoints/" + id + "/rotate_secret",
            Map.of("previous_secret_expires_in", -1))
        .expectError(400, "invalid_request", "previous_secret_expires_in");
    // An endpoint belongs to its mode, like a run.
    test.get("/v1/webhook_endpoints/" + id).expectError(404, "not_found", null);
    assertThat(test.get("/v1/webhook_endpoints").expect(200).json().get("data").size()).isZero();

    // Sixteen per mode, as Stripe allows; the test mode has its own sixteen.
    for (int i = 1; i < 16; i++) {
      live.post("/v1/webhook_endpoints", Map.of("url", hook)).expect(201);
    }
    live.post("/v1/webhook_endpoints", Map.of("url", hook)).expectError(409, "conflict", null);
    test.post("/v1/webhook_endpoints", Map.of("url", hook)).expect(201);
    JsonNode page = live.get("/v1/webhook_endpoints?limit=10").expect(200).json();
    assertThat(page.get("data").size()).isEqualTo(10);
    assertThat(page.get("has_more").asBoolean()).isTrue();
  }

  private static List<String> types(List<Receiver.Received> received) {
    return received.stream()
        .map(request -> TestSystem.json(request.body()).get("type").asString())
        .toList();
  }

  /** Per delivery, which of the secrets npm's standardwebhooks accepts. */
  private static List<List<String>> verifiedByNpm(
      List<String> secrets, List<Receiver.Received> deliveries) throws Exception {
    List<Map<String, Object>> requests = new ArrayList<>();
    for (Receiver.Received delivery : deliveries) {
      requests.add(
          Map.of(
              "body",
              delivery.body(),
              "headers",
              Map.of(
                  "webhook-id", delivery.header("webhook-id"),
                  "webhook-timestamp", delivery.header("webhook-timestamp"),
                  "webhook-signature", delivery.header("webhook-signature"))));
    }
    Path input = npm.resolve("deliveries.json");
    Files.writeString(
        input,
        Json.mapper().writeValueAsString(Map.of("secrets", secrets, "deliveries", requests)));
    Path script = Path.of(WebhookEndpointsTest.class.getResource("/webhooks/verify.mjs").toURI());
    String out = run(npm, "node", script.toString(), input.toString());
    List<List<String>> verdicts = new ArrayList<>();
    TestSystem.json(out)
        .valueStream()
        .forEach(v -> verdicts.add(v.valueStream().map(JsonNode::asString).toList()));
    return verdicts;
  }

  private static String run(Path dir, String... command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().put("STANDARDWEBHOOKS_HOME", dir.toString());
    builder.redirectErrorStream(true);
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(String.join(" ", command) + ": " + out).isZero();
    return out.strip();
  }

  private static String dispatch(Api api, Map<String, Object> webhook) {
    String template =
        api.post("/v1/templates", Map.of("name", "Hooks", "steps", Fixtures.ODOMETER_STEP))
            .expect(201)
            .json()
            .get("template_id")
            .asString();
    Map<String, Object> body =
        webhook == null
            ? Map.of("template_id", template)
            : Map.of("template_id", template, "webhook", webhook);
    return api.post("/v1/runs", body).expect(201).json().get("run_id").asString();
  }

  private static void open(Api api, String runId) {
    api.anonymous().post("/v1/executor/runs/" + runId + "/open", Map.of()).expect(200);
  }
}
