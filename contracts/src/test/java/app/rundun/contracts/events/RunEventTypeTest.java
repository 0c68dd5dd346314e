package app.rundun.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;

import app.rundun.contracts.json.Json;
import app.rundun.contracts.webhooks.WebhookConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunEventTypeTest {

  @Test
  void everyTypeIsFoundByItsWireNameAndNothingElseIs() {
    for (RunEventType type : RunEventType.values()) {
      assertThat(RunEventType.fromWire(type.wire())).contains(type);
    }
    assertThat(RunEventType.fromWire("RUN_OPENED")).isEmpty();
    assertThat(RunEventType.fromWire("run.deleted")).isEmpty();
  }

  @Test
  void aWebhooksEventFilterIsStoredByWireNameAsBefore() {
    String stored =
        "{\"url\":\"https://example.com/hook\",\"sealed_secret\":\"s\","
            + "\"events\":[\"run.opened\",\"step.completed\"]}";

    WebhookConfig read = Json.mapper().readValue(stored, WebhookConfig.class);

    assertThat(read.events()).containsExactly(RunEventType.RUN_OPENED, RunEventType.STEP_COMPLETED);
    assertThat(read.wants(RunEventType.RUN_OPENED)).isTrue();
    assertThat(read.wants(RunEventType.RUN_COMPLETED)).isFalse();
    assertThat(Json.mapper().writeValueAsString(read)).isEqualTo(stored);
  }

  @Test
  void aWebhookWithoutAFilterWantsEveryTypeButTheOptInRunCreated() {
    WebhookConfig all = new WebhookConfig("https://example.com/hook", "s", null);
    assertThat(List.of(RunEventType.values()))
        .filteredOn(all::wants)
        .containsExactly(
            RunEventType.RUN_OPENED,
            RunEventType.STEP_COMPLETED,
            RunEventType.STEP_HIDDEN,
            RunEventType.RUN_UPDATED,
            RunEventType.RUN_COMPLETED,
            RunEventType.RUN_CANCELLED,
            RunEventType.RUN_EXPIRED);
  }

  @Test
  void aWebhookListingRunCreatedGetsIt() {
    WebhookConfig listing =
        new WebhookConfig("https://example.com/hook", "s", List.of(RunEventType.RUN_CREATED));
    assertThat(listing.wants(RunEventType.RUN_CREATED)).isTrue();
    assertThat(listing.wants(RunEventType.RUN_OPENED)).isFalse();
  }

  @Test
  void theSchemaOfAnEventIsNamedAfterItsType() {
    assertThat(RunEventType.STEP_COMPLETED.schemaUrl())
        .isEqualTo("https://rundun.app/schemas/events/step.completed/v1.json");
  }
}
