package app.rundun.processor.runs;

import app.rundun.contracts.events.RunEventType;

/**
 * What a command did to a run, as the run's transitions say it: whether there is anything to store,
 * and the event it causes.
 */
public sealed interface RunChange {

  /** The run as it is after the command. */
  Run run();

  /** The command found the run as it asked for: nothing to store, nothing to announce. */
  record Unchanged(Run run) implements RunChange {}

  /** A change to store that causes no event. */
  record Recorded(Run run) implements RunChange {}

  /**
   * A change to store and announce; {@code stepId} names the step of a step event, and is null for
   * an event about the whole run.
   */
  record Announced(Run run, RunEventType event, String stepId) implements RunChange {}
}
