package app.rundun.contracts.events;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The run events Rundun emits, by their names on the wire ({@code type} of the CloudEvent). */
public enum RunEventType {
  RUN_OPENED("run.opened"),
  STEP_COMPLETED("step.completed"),
  RUN_UPDATED("run.updated"),
  RUN_COMPLETED("run.completed"),
  RUN_CANCELLED("run.cancelled"),
  RUN_EXPIRED("run.expired");

  private final String wire;

  RunEventType(String wire) {
    this.wire = wire;
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
