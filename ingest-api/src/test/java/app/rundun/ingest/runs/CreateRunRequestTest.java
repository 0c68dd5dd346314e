package app.rundun.ingest.runs;

import static org.assertj.core.api.Assertions.assertThat;

import app.rundun.contracts.events.RunEventType;
import app.rundun.contracts.webhooks.AddressPolicy;
import app.rundun.contracts.webhooks.SecretBox;
import app.rundun.ingest.Refusals;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The body of {@code POST /v1/runs}, checked without a broker: each refusal names its field. */
class CreateRunRequestTest {

  private static final String TEMPLATE = "t-00000000-0000-4000-8000-000000000000";
  private static final SecretBox BOX =
      new SecretBox("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
  private static final AddressPolicy POLICY =
      new AddressPolicy(
          List.of(),
          host ->
              new InetAddress[] {
                host.equals("hooks.example.com")
                    ? InetAddress.getByAddress(new byte[] {93, (byte) 184, (byte) 216, 34})
                    : InetAddress.getByName(host)
              });

  @Test
  void aPlainRequestHasNoExpiryNoReferenceNoMetadataAndNoWebhook() {
    CreateRunRequest request = new CreateRunRequest(TEMPLATE, null, null, null, null, null);

    assertThat(request.template().value()).isEqualTo(TEMPLATE);
    assertThat(request.expiresInSeconds()).isNull();
    assertThat(request.reference()).isNull();
    assertThat(request.validMetadata().entries()).isEmpty();
    assertThat(request.webhook(POLICY, BOX)).isNull();
  }

  @Test
  void hoursMayBeFractionalAndAreReadToTheSecond() {
    assertThat(request(0.5).expiresInSeconds()).isEqualTo(1800);
    assertThat(request(1e-6).expiresInSeconds()).as("never zero").isEqualTo(1);
    assertThat(request(8760.0).expiresInSeconds()).isEqualTo(8760L * 3600);
  }

  @Test
  void aWebhookWithoutASecretGetsOneShownOnceAndSealedForKafka() {
    CreateRunRequest.Webhook webhook =
        new CreateRunRequest.WebhookRequest(
                "https://hooks.example.com/rundun", null, List.of("run.completed"))
            .validate(POLICY, BOX);

    assertThat(webhook.generatedSecret()).startsWith("whsec_");
    assertThat(webhook.config().sealedSecret()).doesNotContain(webhook.generatedSecret());
    assertThat(BOX.open(webhook.config().sealedSecret())).isEqualTo(webhook.generatedSecret());
    assertThat(webhook.config().events()).containsExactly(RunEventType.RUN_COMPLETED);

    CreateRunRequest.Webhook given =
        new CreateRunRequest.WebhookRequest(
                "https://hooks.example.com/rundun", "whsec_abc123", null)
            .validate(POLICY, BOX);
    assertThat(given.generatedSecret()).as("the integrator knows it").isNull();
    assertThat(given.config().events()).isNull();
  }

  @Test
  void eachBadFieldIsRefusedByName() {
    assertThat(
            Refusals.paramOf(
                () -> new CreateRunRequest(null, null, null, null, null, null).template()))
        .isEqualTo("template_id");
    assertThat(
            Refusals.paramOf(
                () -> new CreateRunRequest("t-1", null, null, null, null, null).template()))
        .isEqualTo("template_id");
    for (double hours : new double[] {0, -1, 8760.01, Double.NaN}) {
      assertThat(Refusals.paramOf(() -> request(hours).expiresInSeconds()))
          .isEqualTo("expires_in_hours");
    }
    assertThat(
            Refusals.paramOf(
                () -> new CreateRunRequest(TEMPLATE, null, null, "", null, null).reference()))
        .isEqualTo("executor_ref");
    assertThat(
            Refusals.paramOf(() ->
                new CreateRunRequest(TEMPLATE, null, null, "x".repeat(201), null, null)
                    .reference()))
        .isEqualTo("executor_ref");
    assertThat(
            Refusals.paramOf(() ->
                new CreateRunRequest(TEMPLATE, null, null, null, Map.of("k".repeat(41), "v"), null)
                    .validMetadata()))
        .startsWith("metadata");
    assertThat(Refusals.paramOf(() -> webhook("http://169.254.169.254/latest", null, null)))
        .isEqualTo("webhook.url");
    assertThat(Refusals.paramOf(() -> webhook(null, null, null))).isEqualTo("webhook.url");
    assertThat(Refusals.paramOf(() -> webhook("https://hooks.example.com/h", "abc123", null)))
        .isEqualTo("webhook.secret");
    assertThat(
            Refusals.paramOf(
                () -> webhook("https://hooks.example.com/h", null, List.of("run.paused"))))
        .isEqualTo("webhook.events");
    assertThat(Refusals.paramOf(() -> webhook("https://hooks.example.com/h", null, List.of())))
        .isEqualTo("webhook.events");
  }

  private static CreateRunRequest request(double hours) {
    return new CreateRunRequest(TEMPLATE, null, hours, null, null, null);
  }

  private static CreateRunRequest.Webhook webhook(String url, String secret, List<String> events) {
    return new CreateRunRequest.WebhookRequest(url, secret, events).validate(POLICY, BOX);
  }
}
