package app.rundun.ingest.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import app.rundun.contracts.events.RunEventType;
import app.rundun.contracts.webhooks.AddressPolicy;
import app.rundun.contracts.webhooks.WebhookEndpoint;
import app.rundun.ingest.Refusals;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The endpoint calls' bodies, checked without a broker: each refusal names its field. */
class EndpointRequestsTest {

  /** Addresses are literals here, or the example's name, which resolves to a public address. */
  private static final AddressPolicy PUBLIC_ONLY =
      new AddressPolicy(
          List.of(),
          host ->
              new InetAddress[] {
                host.equals("hooks.example.com")
                    ? InetAddress.getByAddress(new byte[] {93, (byte) 184, (byte) 216, 34})
                    : InetAddress.getByName(host)
              });

  private static final String URL = "https://hooks.example.com/rundun";

  @Test
  void anEndpointWithoutEventsGetsWhatIsDeliveredByDefaultAndStarSaysSoExplicitly() {
    WebhookEndpoint.Changes none =
        new EndpointRequests.Create(URL, null, null, null, null).fields(PUBLIC_ONLY);
    assertThat(none.events()).isNull();
    assertThat(none.allEvents()).isFalse();

    WebhookEndpoint.Changes star =
        new EndpointRequests.Update(null, List.of("*"), null, null).changes(PUBLIC_ONLY);
    assertThat(star.allEvents()).isTrue();
    assertThat(star.url()).isNull();

    WebhookEndpoint.Changes listed =
        new EndpointRequests.Update(null, List.of("run.created", "run.expired"), null, null)
            .changes(PUBLIC_ONLY);
    assertThat(listed.events()).containsExactly(RunEventType.RUN_CREATED, RunEventType.RUN_EXPIRED);
  }

  @Test
  void eachBadFieldIsRefusedByName() {
    assertThat(
            Refusals.paramOf(() ->
                new EndpointRequests.Create(null, null, null, null, null).fields(PUBLIC_ONLY)))
        .isEqualTo("url");
    assertThat(
            Refusals.paramOf(() ->
                new EndpointRequests.Create("http://10.0.0.1/h", null, null, null, null)
                    .fields(PUBLIC_ONLY)))
        .isEqualTo("url");
    assertThat(
            Refusals.paramOf(() ->
                new EndpointRequests.Update(null, List.of("run.created", "run.created"), null, null)
                    .changes(PUBLIC_ONLY)))
        .isEqualTo("events");
    assertThat(
            Refusals.paramOf(() ->
                new EndpointRequests.Update(null, List.of("*", "run.created"), null, null)
                    .changes(PUBLIC_ONLY)))
        .isEqualTo("events");
    assertThat(
            Refusals.paramOf(() ->
                new EndpointRequests.Update(null, null, "x".repeat(501), null)
                    .changes(PUBLIC_ONLY)))
        .isEqualTo("description");
    assertThat(Refusals.paramOf(() -> WebhookFields.secretOrNew("whsec_", "secret")))
        .isEqualTo("secret");
    assertThat(
            Refusals.paramOf(
                () -> new EndpointRequests.Rotate(604_801L, null).previousSecretSeconds()))
        .isEqualTo("previous_secret_expires_in");
  }

  @Test
  void aRotationKeepsTheOldSecretADayUnlessToldOtherwise() {
    assertThat(new EndpointRequests.Rotate(null, null).previousSecretSeconds()).isEqualTo(86_400);
    assertThat(new EndpointRequests.Rotate(0L, null).previousSecretSeconds()).isZero();
    assertThat(WebhookFields.secretOrNew(null, "secret")).startsWith("whsec_").hasSize(50);
  }
}
