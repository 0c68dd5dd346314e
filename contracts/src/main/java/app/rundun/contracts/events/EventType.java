package app.rundun.contracts.events;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** A type of event Rundun emits: where it goes, whether webhooks get it, and its schema. */
public sealed interface EventType permits RunEventType, TemplateEventType, AccountEventType {

  /** How a run's webhook treats the type. */
  enum Webhooks {
    /** Sent to a webhook without an {@code events} filter, and to one that lists it. */
    BY_DEFAULT,
    /** Sent only to a webhook whose {@code events} lists it. */
    WHEN_LISTED,
    /** Not about a run: only on its topic. */
    NEVER
  }

  /** The name on the wire ({@code type} of the CloudEvent). */
  String wire();

  /** What happened, in a sentence. */
  String description();

  Webhooks webhooks();

  /** The {@code $id} of the JSON Schema of this type's events, which each names as dataschema. */
  default String schemaUrl() {
    return RunEvent.SCHEMA_BASE + wire() + "/" + RunEvent.SCHEMA_VERSION + ".json";
  }

  /**
   * Every type, run events first in the order a run goes through them, then template events, then
   * account events.
   */
  static List<EventType> catalogue() {
    return Stream.of(
            Stream.<EventType>of(RunEventType.values()),
            Stream.<EventType>of(TemplateEventType.values()),
            Stream.<EventType>of(AccountEventType.values()))
        .flatMap(types -> types)
        .toList();
  }

  static Optional<EventType> fromWire(String name) {
    return catalogue().stream().filter(type -> type.wire().equals(name)).findFirst();
  }
}
