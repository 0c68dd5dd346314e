package app.rundun.processor.eventlog;

import app.rundun.contracts.events.EventPointer;
import app.rundun.contracts.json.Json;
import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.contracts.runs.RunId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads a run event's CloudEvent attributes and steps over its {@code data}: the pointer stage
 * reads every event, and building the run object of each only to drop it would cost the stream
 * thread most of its time.
 */
final class EventHeads {

  private EventHeads() {}

  /**
   * The pointer to the event {@code json} read at {@code partition}/{@code offset}, if it is one.
   */
  static Optional<EventPointer> pointer(byte[] json, int partition, long offset) {
    Map<String, String> attributes = new HashMap<>();
    try (JsonParser parser = Json.mapper().createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (value == JsonToken.VALUE_STRING) {
          attributes.put(name, parser.getString());
        } else {
          parser.skipChildren();
        }
      }
      return Optional.of(
          new EventPointer(
              attributes.get("id"),
              attributes.get("type"),
              new RunId(attributes.get("subject")),
              new OrgId(attributes.get("rundunorg")),
              Mode.valueOf(attributes.get("rundunmode").toUpperCase(Locale.ROOT)),
              Instant.parse(attributes.get("time")),
              partition,
              offset));
    } catch (RuntimeException e) {
      // Not a run event (a Jackson error, a missing or malformed attribute): nothing to list.
      return Optional.empty();
    }
  }
}
