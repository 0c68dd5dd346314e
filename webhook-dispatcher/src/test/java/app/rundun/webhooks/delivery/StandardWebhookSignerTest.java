package app.rundun.webhooks.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.standardwebhooks.Webhook;
import java.net.http.HttpHeaders;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Our signatures against the Standard Webhooks test vector and the official Java library. */
class StandardWebhookSignerTest {

  @Test
  void matchesTheSpecsPublishedTestVector() {
    String signature =
        StandardWebhookSigner.sign(
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            "msg_p5jXN8AQM9LWM0D4loKWxJek",
            1614265330L,
            "{\"test\": 2432232314}");
    assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  }

  @Test
  void theOfficialLibraryVerifiesWhatWeSignWithTheSeedsSecret() throws Exception {
    long now = Instant.now().getEpochSecond();
    String body = "{\"type\":\"run.completed\",\"timestamp\":\"2026-05-22T08:41:05Z\",\"data\":{}}";
    String signature = StandardWebhookSigner.sign("whsec_abc123", "e-1", now, body);
    assertThat(signature).isEqualTo(new Webhook("whsec_abc123").sign("e-1", now, body));
    HttpHeaders headers =
        HttpHeaders.of(
            Map.of(
                "webhook-id", List.of("e-1"),
                "webhook-timestamp", List.of(Long.toString(now)),
                "webhook-signature", List.of(signature)),
            (name, value) -> true);
    new Webhook("whsec_abc123").verify(body, headers.map());
  }
}
