package app.rundun.processor.runs;

import app.rundun.contracts.events.RunEventType;
import java.util.ArrayList;
import java.util.List;

/**
 * What a command did to a run, as the run's transitions say it: whether there is anything to store,
 * and the events it causes, in order.
 */
public sealed interface RunChange {

  /** The run as it is after the command. */
  Run run();

  /** The events to announce, in order; none for a change that is only stored. */
  List<Announcement> announcements();

  /** One event; {@code stepId} names the step of a step event, and is null for the whole run. */
  record Announcement(RunEventType event, String stepId) {}

  /** The command found the run as it asked for: nothing to store, nothing to announce. */
  record Unchanged(Run run) implements RunChange {
    @Override
    public List<Announcement> announcements() {
      return List.of();
    }
  }

  /** A change to the whole run, stored and announced. */
  record Announced(Run run, RunEventType event) implements RunChange {
    @Override
    public List<Announcement> announcements() {
      return List.of(new Announcement(event, null));
    }
  }

  /**
   * An answer to {@code stepId}, announced as {@code step.completed}, then each step it hides that
   * had been answered or skipped ({@code dropped}) as {@code step.hidden}.
   */
  record Answered(Run run, String stepId, List<String> dropped) implements RunChange {
    @Override
    public List<Announcement> announcements() {
      List<Announcement> all = new ArrayList<>();
      all.add(new Announcement(RunEventType.STEP_COMPLETED, stepId));
      dropped.forEach(step -> all.add(new Announcement(RunEventType.STEP_HIDDEN, step)));
      return all;
    }
  }

  /**
   * A skip of {@code stepId}, announced as {@code step.skipped}, then each step it hides that had
   * been answered or skipped ({@code dropped}) as {@code step.hidden}.
   */
  record Skipped(Run run, String stepId, List<String> dropped) implements RunChange {
    @Override
    public List<Announcement> announcements() {
      List<Announcement> all = new ArrayList<>();
      all.add(new Announcement(RunEventType.STEP_SKIPPED, stepId));
      dropped.forEach(step -> all.add(new Announcement(RunEventType.STEP_HIDDEN, step)));
      return all;
    }
  }
}
