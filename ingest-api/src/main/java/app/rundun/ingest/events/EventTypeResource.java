package app.rundun.ingest.events;

import app.rundun.contracts.events.RunEvent;
import app.rundun.contracts.events.RunEventType;
import app.rundun.contracts.kafka.Topics;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One entry of {@code GET /v1/event_types}.
 *
 * @param schemaId the schema's {@code $id}, which every event of the type names as its {@code
 *     dataschema}
 * @param schemaUrl where this deployment serves that schema
 * @param deliveredByDefault whether a webhook without an {@code events} filter receives it
 */
@JsonPropertyOrder({
  "object",
  "type",
  "version",
  "description",
  "topic",
  "delivered_by_default",
  "schema_id",
  "schema_url"
})
record EventTypeResource(
    String type,
    String version,
    String description,
    String topic,
    boolean deliveredByDefault,
    String schemaId,
    String schemaUrl) {

  static EventTypeResource of(RunEventType type, String publicBaseUrl) {
    return new EventTypeResource(
        type.wire(),
        RunEvent.SCHEMA_VERSION,
        type.description(),
        Topics.RUN_EVENTS.name(),
        type.deliveredByDefault(),
        type.schemaUrl(),
        publicBaseUrl + EventSchemasController.path(type));
  }

  @JsonProperty("object")
  String object() {
    return "event_type";
  }
}
