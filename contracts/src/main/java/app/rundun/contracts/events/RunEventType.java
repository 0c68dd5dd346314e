package app.rundun.contracts.events;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The run events Rundun emits, by their names on the wire ({@code type} of the CloudEvent). */
public enum RunEventType implements EventType {
  /**
   * Dispatched. New after integrations were built against the others, so a webhook receives it only
   * when its {@code events} lists it; the event topic carries it always.
   */
  RUN_CREATED("run.created", false, "A run was dispatched: its link exists, nobody has opened it."),
  RUN_OPENED("run.opened", true, "The executor opened the link; the run is in progress."),
  STEP_COMPLETED(
      "step.completed", true, "A step was answered, or its answer changed; data.step_id names it."),
  /**
   * The executor skipped an optional step. New after integrations were built, so a webhook receives
   * it only when its {@code events} lists it. Optional steps left open at submit are listed in the
   * completed run's {@code skipped_steps} instead, not announced one by one.
   */
  STEP_SKIPPED(
      "step.skipped", false, "The executor skipped an optional step; data.step_id names it."),
  /**
   * An answer now hides a step (its {@code show_if} is no longer met) that had been answered or
   * skipped: its answer is dropped from the run. Only templates with conditions cause it.
   */
  STEP_HIDDEN(
      "step.hidden",
      true,
      "An answer hid a step that had been answered or skipped; data.step_id names it."),
  RUN_UPDATED(
      "run.updated", true, "The integrator changed the run (expiry, executor_ref or metadata)."),
  RUN_COMPLETED("run.completed", true, "The executor submitted the run with every required step."),
  RUN_CANCELLED("run.cancelled", true, "The run was called off; data.cancelled_by says by whom."),
  RUN_EXPIRED("run.expired", true, "The link passed its expires_at before the run was done.");

  private final String wire;
  private final boolean byDefault;
  private final String description;

  RunEventType(String wire, boolean byDefault, String description) {
    this.wire = wire;
    this.byDefault = byDefault;
    this.description = description;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public Webhooks webhooks() {
    return byDefault ? Webhooks.BY_DEFAULT : Webhooks.WHEN_LISTED;
  }

  /** Whether a webhook without an {@code events} filter receives this type. */
  public boolean deliveredByDefault() {
    return byDefault;
  }

  @JsonValue
  @Override
  public String wire() {
    return wire;
  }

  public static Optional<RunEventType> fromWire(String name) {
    return Arrays.stream(values()).filter(type -> type.wire.equals(name)).findFirst();
  }

  /** Every name, in the catalogue's order: for error messages and docs. */
  public static List<String> wireNames() {
    return Arrays.stream(values()).map(RunEventType::wire).toList();
  }
}
