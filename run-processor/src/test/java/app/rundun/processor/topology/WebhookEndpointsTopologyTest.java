package app.rundun.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import app.rundun.contracts.commands.OrgCommand;
import app.rundun.contracts.commands.Reply;
import app.rundun.contracts.events.AccountEvent;
import app.rundun.contracts.events.RunEventType;
import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.contracts.organisations.Plan;
import app.rundun.contracts.webhooks.WebhookEndpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The organisation stage keeps each account webhook endpoint and publishes it whole, secrets
 * sealed, to the compacted endpoint topic the dispatchers read: every change is a new record under
 * the same key, a deletion a tombstone.
 */
class WebhookEndpointsTopologyTest {

  private static final String URL = "https://hooks.example.com/rundun";

  private final TopologyHarness topology = new TopologyHarness();
  private final OrgId org = OrgId.mint();

  @BeforeEach
  void organisation() {
    topology.send(new OrgCommand.CreateOrganisation(org, "Fleet", Plan.TEAM));
  }

  @AfterEach
  void close() {
    topology.close();
  }

  @Test
  void eachChangeIsPublishedUnderTheEndpointsKeyAndADeletionIsATombstone() {
    Reply created = create("we-1", Mode.LIVE);
    assertThat(created.body().get("url").asString()).isEqualTo(URL);
    assertThat(created.body().has("secret")).isFalse();
    topology.send(
        new OrgCommand.UpdateWebhookEndpoint(
            org,
            Mode.LIVE,
            "we-1",
            new WebhookEndpoint.Changes(
                null, List.of(RunEventType.RUN_CANCELLED), false, "Fleet", false)));
    topology.send(new OrgCommand.DeleteWebhookEndpoint(org, Mode.LIVE, "we-1"));

    List<TestRecord<String, WebhookEndpoint>> published = topology.webhookEndpoints();
    assertThat(published).extracting(TestRecord::key).containsOnly(org.value() + "/we-1");
    assertThat(published.get(0).value().signingSecrets(topology.now())).containsExactly("sealed-1");
    assertThat(published.get(1).value().enabled()).isFalse();
    assertThat(published.get(1).value().events()).containsExactly(RunEventType.RUN_CANCELLED);
    assertThat(published.get(1).value().description()).isEqualTo("Fleet");
    assertThat(published.get(2).value()).isNull();
    assertThat(topology.send(new OrgCommand.DeleteWebhookEndpoint(org, Mode.LIVE, "we-1")))
        .extracting(reply -> reply.error().error())
        .isEqualTo("not_found");
  }

  @Test
  void aRotationKeepsTheOldSecretSigningUntilItExpires() {
    create("we-1", Mode.LIVE);
    topology.send(new OrgCommand.RotateWebhookSecret(org, Mode.LIVE, "we-1", "sealed-2", 3600));
    WebhookEndpoint rotated = topology.webhookEndpoints().getLast().value();

    assertThat(rotated.signingSecrets(topology.now())).containsExactly("sealed-2", "sealed-1");
    assertThat(rotated.signingSecrets(topology.now().plus(Duration.ofHours(1))))
        .containsExactly("sealed-2");
  }

  @Test
  void anEndpointBelongsToItsModeAndEachModeHoldsSixteen() {
    for (int i = 1; i <= WebhookEndpoint.MAX_PER_MODE; i++) {
      assertThat(create("we-" + i, Mode.LIVE).isOk()).isTrue();
    }
    assertThat(create("we-17", Mode.LIVE).error().error()).isEqualTo("conflict");
    assertThat(create("we-18", Mode.TEST).isOk()).isTrue();
    Reply otherMode =
        topology.send(new OrgCommand.RotateWebhookSecret(org, Mode.TEST, "we-1", "sealed-x", 0));
    assertThat(otherMode.error().error()).isEqualTo("not_found");
  }

  @Test
  void dispatcherReportsDisableAnEndpointFailingForThePeriodWithAnAccountEvent() {
    create("we-1", Mode.LIVE);
    topology.webhookEndpoints();
    Instant start = topology.now();
    Duration fiveDays = Duration.ofDays(5);

    topology.sendUnanswered(new OrgCommand.EndpointFailed(org, Mode.LIVE, "we-1", start, fiveDays));
    topology.sendUnanswered(
        new OrgCommand.EndpointFailed(
            org, Mode.LIVE, "we-1", start.plus(Duration.ofDays(4)), fiveDays));
    assertThat(topology.webhookEndpoints()).as("health alone is not published").isEmpty();
    assertThat(topology.accountEvents()).isEmpty();

    topology.sendUnanswered(
        new OrgCommand.EndpointFailed(org, Mode.LIVE, "we-1", start.plus(fiveDays), fiveDays));
    List<TestRecord<String, WebhookEndpoint>> published = topology.webhookEndpoints();
    assertThat(published).hasSize(1);
    assertThat(published.getFirst().value().enabled()).isFalse();
    List<TestRecord<String, AccountEvent>> events = topology.accountEvents();
    assertThat(events).hasSize(1);
    assertThat(events.getFirst().key()).isEqualTo(org.value());
    assertThat(events.getFirst().value().type()).isEqualTo("webhook_endpoint.disabled");
    assertThat(events.getFirst().value().subject()).isEqualTo("we-1");
    assertThat(events.getFirst().value().data().get("disabled_reason").asString())
        .contains(start.toString());

    // Reports on an endpoint of the other mode, or one deleted since, change nothing.
    topology.sendUnanswered(new OrgCommand.EndpointDelivered(org, Mode.TEST, "we-1", start));
    topology.send(new OrgCommand.DeleteWebhookEndpoint(org, Mode.LIVE, "we-1"));
    topology.webhookEndpoints();
    topology.sendUnanswered(
        new OrgCommand.EndpointFailed(
            org, Mode.LIVE, "we-1", start.plus(Duration.ofDays(9)), fiveDays));
    assertThat(topology.webhookEndpoints()).isEmpty();
    assertThat(topology.accountEvents()).isEmpty();
  }

  @Test
  void anUnknownOrganisationHasNoEndpoints() {
    Reply refused =
        topology.send(
            new OrgCommand.CreateWebhookEndpoint(
                OrgId.mint(), Mode.LIVE, "we-1", changes(), "sealed-1"));
    assertThat(refused.error().error()).isEqualTo("not_found");
    assertThat(topology.webhookEndpoints()).isEmpty();
  }

  private Reply create(String id, Mode mode) {
    return topology.send(
        new OrgCommand.CreateWebhookEndpoint(org, mode, id, changes(), "sealed-1"));
  }

  private static WebhookEndpoint.Changes changes() {
    return new WebhookEndpoint.Changes(URL, null, null, null, null);
  }
}
