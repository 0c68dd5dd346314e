package app.rundun.contracts.events;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The run events Rundun emits, by their names on the wire ({@code type} of the CloudEvent). */
public enum RunEventType {
  /**
   * Dispatched. New after integrations were built against the others, so a webhook receives it only
   * when its {@code events} lists it; the event topic carries it always.
   */
  RUN_CREATED("run.created", false),
  RUN_OPENED("run.opened", true),
  STEP_COMPLETED("step.completed", true),
  /**
   * An answer now hides a step (its {@code show_if} is no longer met) that had been answered or
   * skipped: its answer is dropped from the run. Only templates with conditions cause it.
   */
  STEP_HIDDEN("step.hidden", true),
  RUN_UPDATED("run.updated", true),
  RUN_COMPLETED("run.completed", true),
  RUN_CANCELLED("run.cancelled", true),
  RUN_EXPIRED("run.expired", true);

  private final String wire;
  private final boolean byDefault;

  RunEventType(String wire, boolean byDefault) {
    this.wire = wire;
    this.byDefault = byDefault;
  }

  /** Whether a webhook without an {@code events} filter receives this type. */
  public boolean deliveredByDefault() {
    return byDefault;
  }

  @JsonValue
  public String wire() {
    return wire;
  }

  /** The JSON Schema of this event's {@code data}. */
  public String schemaUrl() {
    return RunEvent.SCHEMA_BASE + wire + "/" + RunEvent.SCHEMA_VERSION + ".json";
  }

  public static Optional<RunEventType> fromWire(String name) {
    return Arrays.stream(values()).filter(type -> type.wire.equals(name)).findFirst();
  }

  /** Every name, in the catalogue's order: for error messages and docs. */
  public static List<String> wireNames() {
    return Arrays.stream(values()).map(RunEventType::wire).toList();
  }
}
