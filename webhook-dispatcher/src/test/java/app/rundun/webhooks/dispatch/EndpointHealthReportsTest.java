package app.rundun.webhooks.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import app.rundun.contracts.commands.OrgCommand;
import app.rundun.contracts.kafka.Topics;
import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.contracts.webhooks.WebhookEndpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class EndpointHealthReportsTest {

  private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
  private static final WebhookEndpoint ENDPOINT =
      WebhookEndpoint.create(
          "we-1",
          OrgId.mint(),
          Mode.LIVE,
          new WebhookEndpoint.Changes("https://hooks.example.com", null, null, null, null),
          "sealed",
          NOW);

  private final MockProducer<String, byte[]> producer =
      new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
  private final EndpointHealthReports reports =
      new EndpointHealthReports(producer, Duration.ofDays(5));

  @Test
  void reportsWhenTheEndpointTurnsAndHourlyWhileItStaysNotEveryAttempt() {
    reports.attempted(ENDPOINT, true, NOW);
    reports.attempted(ENDPOINT, true, NOW.plusSeconds(60));
    reports.attempted(ENDPOINT, false, NOW.plusSeconds(61).plusMillis(250));
    reports.attempted(ENDPOINT, false, NOW.plusSeconds(120));
    reports.attempted(ENDPOINT, false, NOW.plusSeconds(61 + 3600));
    reports.attempted(ENDPOINT, true, NOW.plusSeconds(61 + 3601));

    List<OrgCommand> sent =
        producer.history().stream()
            .peek(record -> assertThat(record.topic()).isEqualTo(Topics.ORG_COMMANDS.name()))
            .peek(record -> assertThat(record.key()).isEqualTo(ENDPOINT.orgId().value()))
            .map(record -> Topics.ORG_COMMANDS.deserializeValue(record.value()))
            .toList();
    assertThat(sent)
        .containsExactly(
            new OrgCommand.EndpointDelivered(ENDPOINT.orgId(), Mode.LIVE, "we-1", NOW),
            new OrgCommand.EndpointFailed(
                ENDPOINT.orgId(), Mode.LIVE, "we-1", NOW.plusSeconds(61), Duration.ofDays(5)),
            new OrgCommand.EndpointFailed(
                ENDPOINT.orgId(),
                Mode.LIVE,
                "we-1",
                NOW.plusSeconds(61 + 3600),
                Duration.ofDays(5)),
            new OrgCommand.EndpointDelivered(
                ENDPOINT.orgId(), Mode.LIVE, "we-1", NOW.plusSeconds(61 + 3601)));
  }
}
