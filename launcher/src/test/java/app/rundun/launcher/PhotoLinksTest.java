package app.rundun.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Photo links in webhooks never go stale: on a system whose signed photo URLs live 3 seconds, a
 * webhook retried later than that, and a redelivery later still, each carry a URL signed for that
 * attempt, which serves the photo; the URL the first attempt carried has expired by then.
 */
class PhotoLinksTest {

  // Long enough that a loaded machine's pause between signing and fetching does not expire a fresh
  // URL (a 2 s lifetime failed once under a full build); the retry waits longer still.
  private static final String LIFETIME = "3s";

  @Test
  void aRetryAndARedeliveryLaterThanAUrlsLifetimeCarryLinksThatServeThePhoto() throws Exception {
    try (RundunSystem system = TestSystem.startSeparate(null, "rundun.media-url-ttl", LIFETIME);
        Receiver receiver =
            new Receiver(n ->
                n == 1
                    // Come back in 5 s: longer than the photo URLs live.
                    ? new Receiver.Reply(503, Map.of("Retry-After", "5"))
                    : new Receiver.Reply(500, Map.of()))) {
      Api live = TestSystem.newOrganisationWithModes(system, "team")[0];

      // Step 1: a run whose one step is a photo, answered; its webhook wants step.completed.
      String templateId =
          Fixtures.template(
              live,
              Map.of(
                  "name",
                  "Meter",
                  "steps",
                  List.of(Map.of("id", "s-ph01", "type", "photo", "title", "The meter"))));
      String runId =
          live.post(
                  "/v1/runs",
                  Map.of(
                      "template_id",
                      templateId,
                      "webhook",
                      Map.of("url", receiver.url("/hooks"), "events", List.of("step.completed"))))
              .expect(201)
              .json()
              .get("run_id")
              .asString();
      Api phone = live.anonymous();
      String run = "/v1/executor/runs/" + runId;
      phone.post(run + "/open", Map.of()).expect(200);
      String photoId =
          phone
              .postRaw(run + "/steps/s-ph01/photos", "image/png", RunJourneyTest.png())
              .expect(201)
              .json()
              .get("photo_id")
              .asString();
      phone.put(run + "/steps/s-ph01/answer", Map.of("photos", List.of(photoId))).expect(200);

      // Step 2: the first attempt is told to come back later than its URL lives; the retry's own
      // URL serves the photo, while the first attempt's has expired.
      List<Receiver.Received> attempts = receiver.await(2, Duration.ofSeconds(30));
      String first = photoUrl(attempts.get(0));
      String retried = photoUrl(attempts.get(1));
      assertThat(Duration.between(attempts.get(0).at(), attempts.get(1).at()))
          .isGreaterThan(Duration.parse("PT" + LIFETIME));
      assertThat(retried).isNotEqualTo(first);
      assertThat(fetch(retried).statusCode()).isEqualTo(200);
      assertThat(fetch(retried).body()).isEqualTo(RunJourneyTest.png());
      assertThat(fetch(first).statusCode())
          .as("the first attempt's URL, now too old")
          .isEqualTo(403);

      // Step 3: the remaining retries fail; redelivered later, the event carries a fresh URL.
      String eventId = attempts.getFirst().header("webhook-id");
      Eventually.until(
          "the delivery failed",
          Duration.ofSeconds(30),
          () -> live.get("/v1/runs/" + runId + "/webhook_deliveries").expect(200).json(),
          log ->
              "failed"
                  .equals(
                      log.get("data")
                          .get(log.get("data").size() - 1)
                          .path("outcome")
                          .asString("")));
      receiver.answerWith(n -> new Receiver.Reply(200, Map.of()));
      int before = receiver.received().size();
      live.post("/v1/runs/" + runId + "/webhook_deliveries/" + eventId + "/redeliver", Map.of())
          .expect(202);
      Receiver.Received redelivered = receiver.await(before + 1, Duration.ofSeconds(30)).getLast();
      assertThat(redelivered.header("webhook-id")).isEqualTo(eventId);
      assertThat(fetch(photoUrl(redelivered)).statusCode()).isEqualTo(200);
    }
  }

  private static String photoUrl(Receiver.Received request) {
    JsonNode body = TestSystem.json(request.body());
    JsonNode photo = body.get("data").get("answers").get("s-ph01").get("photos").get(0);
    assertThat(photo.propertyNames()).containsExactly("photo_index", "url");
    return photo.get("url").asString();
  }

  private static HttpResponse<byte[]> fetch(String url) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
  }
}
