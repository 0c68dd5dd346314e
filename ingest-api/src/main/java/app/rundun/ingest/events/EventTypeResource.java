package app.rundun.ingest.events;

import app.rundun.contracts.events.AccountEventType;
import app.rundun.contracts.events.EventType;
import app.rundun.contracts.events.RunEvent;
import app.rundun.contracts.events.RunEventType;
import app.rundun.contracts.events.TemplateEventType;
import app.rundun.contracts.kafka.Topics;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Locale;

/**
 * One entry of {@code GET /v1/event_types}.
 *
 * @param schemaId the schema's {@code $id}, which every event of the type names as its {@code
 *     dataschema}
 * @param schemaUrl where this deployment serves that schema
 * @param webhooks {@code by_default}: a run's webhook gets it unless its {@code events} leaves it
 *     out; {@code when_listed}: only when its {@code events} lists it; {@code never}: on the topic
 *     only
 */
@JsonPropertyOrder({
  "object",
  "type",
  "version",
  "description",
  "topic",
  "webhooks",
  "schema_id",
  "schema_url"
})
record EventTypeResource(
    String type,
    String version,
    String description,
    String topic,
    String webhooks,
    String schemaId,
    String schemaUrl) {

  static EventTypeResource of(EventType type, String publicBaseUrl) {
    String topic =
        switch (type) {
          case RunEventType run -> Topics.RUN_EVENTS.name();
          case TemplateEventType template -> Topics.TEMPLATE_EVENTS.name();
          case AccountEventType account -> Topics.ACCOUNT_EVENTS.name();
        };
    return new EventTypeResource(
        type.wire(),
        RunEvent.SCHEMA_VERSION,
        type.description(),
        topic,
        type.webhooks().name().toLowerCase(Locale.ROOT),
        type.schemaUrl(),
        publicBaseUrl + EventSchemasController.path(type));
  }

  @JsonProperty("object")
  String object() {
    return "event_type";
  }
}
