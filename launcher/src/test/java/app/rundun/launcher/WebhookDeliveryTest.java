package app.rundun.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.standardwebhooks.Webhook;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The webhook subscriber's story, end to end: a real receiver on loopback gets signed deliveries
 * that the official Standard Webhooks library verifies, retried, logged, and redeliverable.
 */
class WebhookDeliveryTest {

  @Test
  void subscribedEventsArriveSignedAndTheOfficialLibraryVerifiesThem() throws Exception {
    try (Receiver receiver = Receiver.alwaysOk()) {
      Api live = TestSystem.newOrganisation("team");
      // Step 1: dispatch with the seed's webhook, subscribed to two event types.
      String runId =
          dispatch(
              live,
              Map.of(
                  "url",
                  receiver.url("/hooks/rundun"),
                  "secret",
                  "whsec_abc123",
                  "events",
                  List.of("step.completed", "run.completed")));
      // Step 2: the executor opens, answers and submits.
      Fixtures.completeOdometerRun(live.anonymous(), runId);
      // Step 3: exactly the two subscribed events arrive, in order, verifiable with the library.
      List<Receiver.Received> got = receiver.await(2, Duration.ofSeconds(20));
      assertThat(Eventually.stays(Duration.ofMillis(500), () -> receiver.received().size() == 2))
          .as("run.opened, not subscribed, never arrives")
          .isTrue();
      Webhook verifier = new Webhook("whsec_abc123");
      for (Receiver.Received request : got) {
        verifier.verify(request.body(), request.lowerCaseHeaders());
        assertThat(request.header("content-type")).startsWith("application/json");
        assertThat(request.header("user-agent")).contains("Rundun");
        assertThat(request.header("webhook-id")).startsWith("e-");
      }
      JsonNode first = TestSystem.json(got.get(0).body());
      assertThat(first.get("type").asString()).isEqualTo("step.completed");
      assertThat(first.get("data").get("step_id").asString()).isEqualTo("s-od01");
      assertThat(first.get("data").get("run_id").asString()).isEqualTo(runId);
      JsonNode second = TestSystem.json(got.get(1).body());
      assertThat(second.get("type").asString()).isEqualTo("run.completed");
      assertThat(second.get("data").get("status").asString()).isEqualTo("completed");
      assertThat(second.get("timestamp").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
      // Step 4: every attempt is in the log, and no secret is in any answer.
      JsonNode log = awaitOutcomes(live, runId, 2);
      assertThat(log.toString()).doesNotContain("whsec_");
      assertThat(live.get("/v1/runs/" + runId).expect(200).body()).doesNotContain("whsec_");
    }
  }

  @Test
  void aSecretIsMadeWhenNoneIsGivenAndShownOnlyOnce() throws Exception {
    try (Receiver receiver = Receiver.alwaysOk()) {
      Api live = TestSystem.newOrganisation("team");
      JsonNode created =
          live.post(
                  "/v1/runs",
                  Map.of(
                      "template_id",
                      template(live),
                      "webhook",
                      Map.of("url", receiver.url("/h"), "events", List.of("run.opened"))))
              .expect(201)
              .json();
      String secret = created.get("webhook_secret").asString();
      assertThat(secret).startsWith("whsec_");
      String runId = created.get("run_id").asString();
      live.anonymous().post("/v1/executor/runs/" + runId + "/open", Map.of()).expect(200);
      Receiver.Received opened = receiver.await(1, Duration.ofSeconds(20)).getFirst();
      new Webhook(secret).verify(opened.body(), opened.lowerCaseHeaders());
      assertThat(live.get("/v1/runs/" + runId).expect(200).body()).doesNotContain(secret);
    }
  }

  @Test
  void aReceiverThatFailsTwiceGetsTheEventOnTheThirdAttemptWithTheSameWebhookId() throws Exception {
    try (Receiver receiver = new Receiver(n -> new Receiver.Reply(n <= 2 ? 500 : 204, Map.of()))) {
      Api live = TestSystem.newOrganisation("team");
      String runId =
          dispatch(live, Map.of("url", receiver.url("/flaky"), "events", List.of("run.opened")));
      live.anonymous().post("/v1/executor/runs/" + runId + "/open", Map.of()).expect(200);

      List<Receiver.Received> got = receiver.await(3, Duration.ofSeconds(20));
      assertThat(got).hasSize(3);
      assertThat(got.stream().map(r -> r.header("webhook-id")).distinct()).hasSize(1);
      JsonNode log = awaitOutcomes(live, runId, 3);
      assertThat(outcomes(log)).containsExactly("retrying", "retrying", "delivered");
      assertThat(log.get(0).get("status_code").asInt()).isEqualTo(500);
      assertThat(log.get(0).get("next_attempt_at").isNull()).isFalse();
      assertThat(log.get(2).get("attempt").asInt()).isEqualTo(3);

      // The log pages like every list, an attempt's id being the cursor.
      String deliveries = "/v1/runs/" + runId + "/webhook_deliveries";
      JsonNode first = live.get(deliveries + "?limit=2").expect(200).json();
      assertThat(first.get("has_more").asBoolean()).isTrue();
      assertThat(first.get("data").get(0).get("id").asString()).startsWith("wa_");
      String second = first.get("data").get(1).get("id").asString();
      JsonNode rest = live.get(deliveries + "?limit=2&starting_after=" + second).expect(200).json();
      assertThat(rest.get("has_more").asBoolean()).isFalse();
      assertThat(rest.get("data").get(0).get("attempt").asInt()).isEqualTo(3);
      live.get(deliveries + "?starting_after=wa_x")
          .expectError(400, "invalid_request", "starting_after");
    }
  }

  @Test
  void aRedirectIsNotFollowedAndTheFailedEventCanBeRedelivered() throws Exception {
    try (Receiver receiver =
        new Receiver(n -> new Receiver.Reply(302, Map.of("Location", "/elsewhere")))) {
      Api live = TestSystem.newOrganisation("team");
      String runId =
          dispatch(live, Map.of("url", receiver.url("/moved"), "events", List.of("run.opened")));
      live.anonymous().post("/v1/executor/runs/" + runId + "/open", Map.of()).expect(200);

      // Four attempts (the test schedule retries three times), none to the redirect target.
      JsonNode log = awaitOutcomes(live, runId, 4);
      assertThat(outcomes(log)).containsExactly("retrying", "retrying", "retrying", "failed");
      assertThat(log.get(3).get("error").asString()).contains("not followed");
      assertThat(receiver.received()).allMatch(r -> r.path().equals("/moved"));

      // The endpoint is fixed; the integrator asks for the failed event again.
      receiver.answerWith(n -> new Receiver.Reply(200, Map.of()));
      String eventId = log.get(3).get("event_id").asString();
      live.post("/v1/runs/" + runId + "/webhook_deliveries/" + eventId + "/redeliver", Map.of())
          .expect(202);
      JsonNode after = awaitOutcomes(live, runId, 5);
      assertThat(outcomes(after).getLast()).isEqualTo("delivered");
      assertThat(receiver.received().getLast().header("webhook-id")).isEqualTo(eventId);
      live.post("/v1/runs/" + runId + "/webhook_deliveries/" + eventId + "/redeliver", Map.of())
          .expectError(409, "conflict", null);
    }
  }

  @Test
  void retryAfterIsHonoured() throws Exception {
    try (Receiver receiver =
        new Receiver(n ->
            n == 1
                ? new Receiver.Reply(503, Map.of("Retry-After", "2"))
                : new Receiver.Reply(200, Map.of()))) {
      Api live = TestSystem.newOrganisation("team");
      String runId =
          dispatch(live, Map.of("url", receiver.url("/busy"), "events", List.of("run.opened")));
      live.anonymous().post("/v1/executor/runs/" + runId + "/open", Map.of()).expect(200);
      List<Receiver.Received> got = receiver.await(2, Duration.ofSeconds(20));
      assertThat(got).hasSize(2);
      assertThat(Duration.between(got.get(0).at(), got.get(1).at()))
          .isGreaterThanOrEqualTo(Duration.ofMillis(1_900));
    }
  }

  @Test
  void a410StopsDeliveriesForThatRun() throws Exception {
    try (Receiver receiver = new Receiver(n -> new Receiver.Reply(410, Map.of()))) {
      Api live = TestSystem.newOrganisation("team");
      String runId = dispatch(live, Map.of("url", receiver.url("/gone")));
      Fixtures.completeOdometerRun(live.anonymous(), runId);
      JsonNode log = awaitOutcomes(live, runId, 3);
      assertThat(outcomes(log)).containsOnly("stopped");
      assertThat(receiver.received()).as("only the first event was sent").hasSize(1);
    }
  }

  @Test
  void aDeadEndpointDoesNotHoldUpDeliveriesToOthers() throws Exception {
    java.net.ServerSocket dead =
        new java.net.ServerSocket(0, 200, java.net.InetAddress.getLoopbackAddress());
    try (Receiver healthy = Receiver.alwaysOk()) {
      // The dead endpoint accepts connections and never answers; the test timeout is 2 s. Its 20
      // events outnumber the test's 16 workers: only the per-host bound leaves room for others,
      // and they outnumber what the host may queue in memory too (4 running, 8 waiting).
      Api live = TestSystem.newOrganisation("team");
      String deadUrl = "http://localhost:" + dead.getLocalPort() + "/never";
      List<String> deadRuns = new java.util.ArrayList<>();
      for (int i = 0; i < 20; i++) {
        deadRuns.add(dispatch(live, Map.of("url", deadUrl, "events", List.of("run.opened"))));
      }
      String healthyRun =
          dispatch(live, Map.of("url", healthy.url("/ok"), "events", List.of("run.opened")));
      for (String run : deadRuns) {
        live.anonymous().post("/v1/executor/runs/" + run + "/open", Map.of()).expect(200);
      }
      live.anonymous().post("/v1/executor/runs/" + healthyRun + "/open", Map.of()).expect(200);

      Receiver.Received arrived = healthy.await(1, Duration.ofSeconds(20)).getFirst();
      JsonNode firstDeadAttempt = awaitOutcomes(live, deadRuns.getFirst(), 1).get(0);
      assertThat(firstDeadAttempt.get("error").asString()).contains("timed out");
      assertThat(arrived.at())
          .as("the healthy endpoint got its event before any dead attempt had even timed out")
          .isBefore(java.time.Instant.parse(firstDeadAttempt.get("at").asString()));

      // Beyond the host's 4 workers and 8 queued, its deliveries waited in the schedule, and
      // every one of them was still attempted: none was dropped. (Closed now, the endpoint
      // refuses at once instead of timing out, so the rest come quickly.)
      assertThat(crowdedDeliveries("localhost")).isPositive();
      dead.close();
      Eventually.until(
          "an attempt of each of the dead endpoint's 20 runs",
          Duration.ofSeconds(90),
          () ->
              deadRuns.stream()
                  .filter(run ->
                      !live.get("/v1/runs/" + run + "/webhook_deliveries")
                          .expect(200)
                          .json()
                          .get("data")
                          .isEmpty())
                  .count(),
          attempted -> attempted == deadRuns.size());
    } finally {
      dead.close();
    }
  }

  /** The dispatcher's count of deliveries to {@code host} kept in the schedule, from its scrape. */
  private static double crowdedDeliveries(String host) {
    return Scrape.sum(
        Scrape.of(TestSystem.get(), "dispatcher", TestSystem.METRICS_TOKEN),
        "rundun_webhook_deliveries_crowded_total",
        "host=\"" + host + "\"");
  }

  @Test
  void aWebhookAimedInsideIsRefusedWhenTheRunIsDispatched() {
    Api live = TestSystem.newOrganisation("team");
    String template = template(live);
    for (String url :
        List.of(
            "http://10.0.0.1/hook",
            "http://169.254.169.254/latest/meta-data",
            "http://[fd00::1]/hook",
            "http://192.168.1.1/hook",
            "ftp://example.com/hook")) {
      live.post("/v1/runs", Map.of("template_id", template, "webhook", Map.of("url", url)))
          .expectError(400, "invalid_request", "webhook.url");
    }
  }

  private static List<String> outcomes(JsonNode log) {
    return log.valueStream().map(a -> a.get("outcome").asString()).toList();
  }

  /** The run's attempt log once it has {@code count} entries. */
  private static JsonNode awaitOutcomes(Api live, String runId, int count) throws Exception {
    return Eventually.until(
        count + " logged attempts of " + runId,
        Duration.ofSeconds(30),
        () -> live.get("/v1/runs/" + runId + "/webhook_deliveries").expect(200).json().get("data"),
        data -> data.size() >= count);
  }

  private static String template(Api live) {
    return live.post("/v1/templates", Map.of("name", "Hooks", "steps", Fixtures.ODOMETER_STEP))
        .expect(201)
        .json()
        .get("template_id")
        .asString();
  }

  private static String dispatch(Api live, Map<String, Object> webhook) {
    return live.post("/v1/runs", Map.of("template_id", template(live), "webhook", webhook))
        .expect(201)
        .json()
        .get("run_id")
        .asString();
  }
}
