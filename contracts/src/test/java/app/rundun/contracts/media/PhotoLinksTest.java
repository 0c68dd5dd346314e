package app.rundun.contracts.media;

import static org.assertj.core.api.Assertions.assertThat;

import app.rundun.contracts.json.Json;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Photo references become links signed when they leave, however long after the event. */
class PhotoLinksTest {

  private static final String RUN = "r-550e8400-e29b-41d4-a716-446655440000";
  private static final String PHOTO =
      "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08.png";
  private static final Instant EVENT = Instant.parse("2026-05-22T08:31:00Z");

  @Test
  void aWebhookBodySent27HoursAfterItsEventCarriesALinkValidThen() {
    String body =
        "{\"type\":\"step.completed\",\"timestamp\":\"2026-05-22T08:31:00Z\",\"data\":{\"run_id\":\""
            + RUN
            + "\",\"answers\":{\"s-ph01\":{\"value\":null,\"photos\":[{\"photo_index\":0,"
            + "\"photo_id\":\""
            + PHOTO
            + "\",\"sha256\":\"9f86\",\"content_type\":\"image/png\",\"path\":\"/v1/runs/"
            + RUN
            + "/answers/s-ph01/photos/0\"}],\"geo\":null,\"at\":\"2026-05-22T08:31:00Z\","
            + "\"by\":null}},\"step_id\":\"s-ph01\"}}";
    Instant late = EVENT.plus(Duration.ofHours(27));
    MediaUrlSigner signer = signer(late);

    JsonNode sent = Json.mapper().readTree(new PhotoLinks(signer).mintBody(body));

    JsonNode photo = sent.get("data").get("answers").get("s-ph01").get("photos").get(0);
    assertThat(photo.propertyNames()).containsExactly("photo_index", "url");
    URI url = URI.create(photo.get("url").asString());
    assertThat(url.getPath()).isEqualTo("/media/runs/" + RUN + "/s-ph01/" + PHOTO);
    String[] query = url.getQuery().split("&");
    long expires = Long.parseLong(query[0].substring("expires=".length()));
    String signature = query[1].substring("signature=".length());
    assertThat(signer.verify("runs/" + RUN + "/s-ph01/" + PHOTO, expires, signature))
        .as("valid when sent, 27 hours after the event")
        .isTrue();
    assertThat(sent.get("data").get("step_id").asString()).isEqualTo("s-ph01");
  }

  @Test
  void aBodyWithoutPhotosIsSentAsItIs() {
    String body = "{\"type\":\"run.opened\",\"data\":{\"run_id\":\"" + RUN + "\",\"answers\":{}}}";
    assertThat(new PhotoLinks(signer(EVENT)).mintBody(body)).isSameAs(body);
  }

  private static MediaUrlSigner signer(Instant now) {
    return new MediaUrlSigner(
        "https://api.example",
        "photo-links-test-secret",
        Duration.ofHours(1),
        Clock.fixed(now, ZoneOffset.UTC));
  }
}
