package app.rundun.processor.runs;

import app.rundun.contracts.runs.CancelledBy;
import app.rundun.contracts.runs.ExecutorIdentity;
import app.rundun.contracts.runs.RecordedAnswer;
import app.rundun.contracts.runs.RunStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * The next state of a run, made from the current one by naming only what changes: a transition
 * reads as what it does, and no two same-typed values can swap places unnoticed.
 */
final class NextRun {

  private final Run from;
  private RunTemplate template;
  private IntegratorFields integrator;
  private RunStatus status;
  private Instant completedAt;
  private Instant finishedAt;
  private ExecutorIdentity identity;
  private String assignedTo;
  private Map<String, RecordedAnswer> answers;
  private Set<String> skipped;
  private Set<String> hidden;
  private String holder;

  NextRun(Run from) {
    this.from = from;
    this.template = from.template();
    this.integrator = IntegratorFields.of(from);
    this.status = from.status();
    this.completedAt = from.completedAt();
    this.finishedAt = from.finishedAt();
    this.identity = from.identity();
    this.assignedTo = from.assignedTo();
    this.answers = from.answers();
    this.skipped = from.skipped();
    this.hidden = from.hidden();
    this.holder = from.holder();
  }

  NextRun template(RunTemplate next) {
    this.template = next;
    return this;
  }

  NextRun integrator(IntegratorFields next) {
    this.integrator = next;
    return this;
  }

  NextRun openedBy(ExecutorIdentity who, String heldBy) {
    this.status = RunStatus.IN_PROGRESS;
    this.identity = who;
    this.assignedTo = who.userId();
    this.holder = heldBy;
    return this;
  }

  NextRun steps(SettledSteps next) {
    this.answers = next.answers();
    this.skipped = next.skipped();
    this.hidden = next.hidden();
    return this;
  }

  NextRun completed(Instant at) {
    this.status = RunStatus.COMPLETED;
    this.completedAt = at;
    this.finishedAt = at;
    return this;
  }

  NextRun cancelled(CancelledBy by, String reason, Instant at) {
    this.status = RunStatus.CANCELLED;
    this.finishedAt = at;
    this.integrator = integrator.cancelledBy(by, reason);
    return this;
  }

  NextRun expired() {
    this.status = RunStatus.EXPIRED;
    this.finishedAt = from.expiresAt();
    return this;
  }

  /** The run changed at {@code now}. */
  Run at(Instant now) {
    return build(now);
  }

  /** The run as it was last changed: a rewrite of how it is stored, not a change. */
  Run unchangedSince() {
    return build(from.updatedAt());
  }

  private Run build(Instant updatedAt) {
    return new Run(
        from.id(),
        from.orgId(),
        from.mode(),
        from.sequence(),
        template,
        integrator.executorRef(),
        integrator.metadata(),
        from.createdByName(),
        from.createdAt(),
        updatedAt,
        integrator.expiresAt(),
        status,
        completedAt,
        finishedAt,
        identity,
        assignedTo,
        answers,
        skipped,
        hidden,
        integrator.cancelledBy(),
        integrator.cancellationReason(),
        from.webhook(),
        holder);
  }
}
