package app.rundun.ingest.events;

import static org.assertj.core.api.Assertions.assertThat;

import app.rundun.contracts.events.AccountEventType;
import app.rundun.contracts.events.EventType;
import app.rundun.contracts.events.RunEventType;
import app.rundun.contracts.events.TemplateEventType;
import org.junit.jupiter.api.Test;

class EventTypeResourceTest {

  private static final String BASE = "https://rundun.example.com";

  @Test
  void aRunEventIsOnTheRunTopicAndReachesWebhooksAsItsTypeSays() {
    EventTypeResource completed = EventTypeResource.of(RunEventType.STEP_COMPLETED, BASE);
    EventTypeResource skipped = EventTypeResource.of(RunEventType.STEP_SKIPPED, BASE);

    assertThat(completed.topic()).isEqualTo("rundun.run-events");
    assertThat(completed.webhooks()).isEqualTo("by_default");
    assertThat(skipped.webhooks()).isEqualTo("when_listed");
    assertThat(completed.schemaId())
        .isEqualTo("https://rundun.app/schemas/events/step.completed/v1.json");
    assertThat(completed.schemaUrl()).isEqualTo(BASE + "/schemas/events/step.completed/v1.json");
  }

  @Test
  void aTemplateEventIsOnItsOwnTopicAndNeverAWebhook() {
    EventTypeResource updated = EventTypeResource.of(TemplateEventType.TEMPLATE_UPDATED, BASE);

    assertThat(updated.topic()).isEqualTo("rundun.template-events");
    assertThat(updated.webhooks()).isEqualTo("never");
    assertThat(updated.version()).isEqualTo("v1");
  }

  @Test
  void anAccountEventIsOnTheAccountTopicAndNeverAWebhook() {
    EventTypeResource disabled =
        EventTypeResource.of(AccountEventType.WEBHOOK_ENDPOINT_DISABLED, BASE);

    assertThat(disabled.topic()).isEqualTo("rundun.account-events");
    assertThat(disabled.webhooks()).isEqualTo("never");
    assertThat(disabled.schemaUrl()).endsWith("/schemas/events/webhook_endpoint.disabled/v1.json");
  }

  @Test
  void theCatalogueNamesEachTypeOnceAndFindsItByName() {
    assertThat(EventType.catalogue())
        .extracting(EventType::wire)
        .doesNotHaveDuplicates()
        .hasSize(
            RunEventType.values().length
                + TemplateEventType.values().length
                + AccountEventType.values().length);
    assertThat(EventType.fromWire("template.created")).contains(TemplateEventType.TEMPLATE_CREATED);
    assertThat(EventType.fromWire("run.paused")).isEmpty();
  }
}
