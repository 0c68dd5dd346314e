package app.rundun.processor.runs;

import app.rundun.contracts.commands.RunCommand;
import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.events.RunEventType;
import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.contracts.runs.AnswerSource;
import app.rundun.contracts.runs.CancelledBy;
import app.rundun.contracts.runs.ExecutorIdentity;
import app.rundun.contracts.runs.Metadata;
import app.rundun.contracts.runs.PhotoRef;
import app.rundun.contracts.runs.RecordedAnswer;
import app.rundun.contracts.runs.RunId;
import app.rundun.contracts.runs.RunStatus;
import app.rundun.contracts.templates.IdentityRequired;
import app.rundun.contracts.templates.Step;
import app.rundun.contracts.templates.TemplateResource;
import app.rundun.contracts.webhooks.WebhookConfig;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One run: which template version it was dispatched with, and what the executor has done, answers
 * and skipped steps kept in the template's step order. The steps themselves are stored once per
 * version ({@link RunTemplates}); a change that needs them is given the version. Every change is a
 * method that refuses an illegal transition and returns the next state; none of them moves a run
 * whose link has expired, whether or not the sweep has seen it yet.
 *
 * @param sequence its place among the organisation's runs (0 for runs dispatched before it was
 *     counted)
 * @param updatedAt when it last changed (its creation for runs stored before it was kept)
 * @param hidden the steps to answer that its answers hide by their {@code show_if}
 * @param cancelledBy who cancelled it; null unless cancelled
 */
public record Run(
    RunId id,
    OrgId orgId,
    Mode mode,
    Long sequence,
    RunTemplate template,
    String executorRef,
    Metadata metadata,
    String createdByName,
    Instant createdAt,
    Instant updatedAt,
    Instant expiresAt,
    RunStatus status,
    Instant completedAt,
    Instant finishedAt,
    ExecutorIdentity identity,
    String assignedTo,
    Map<String, RecordedAnswer> answers,
    Set<String> skipped,
    Set<String> hidden,
    CancelledBy cancelledBy,
    String cancellationReason,
    WebhookConfig webhook,
    String holder) {

  public static final int MAX_REASON = 500;

  public Run {
    answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    skipped = Collections.unmodifiableSet(new LinkedHashSet<>(skipped));
    hidden = hidden == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(hidden));
    sequence = sequence == null ? 0L : sequence;
    metadata = metadata == null ? Metadata.NONE : metadata;
    updatedAt = updatedAt == null ? createdAt : updatedAt;
  }

  /** A dispatched run: the integrator's prefilled answers given, the steps they hide hidden. */
  public static Run start(RunCommand.StartRun start) {
    Map<String, RecordedAnswer> prefilled = new LinkedHashMap<>();
    start
        .prefill()
        .forEach((stepId, prefill) ->
            prefilled.put(stepId, RecordedAnswer.prefilled(prefill, start.createdAt())));
    SettledSteps steps = SettledSteps.of(start.template().steps(), prefilled, Set.of());
    return new Run(
        start.runId(),
        start.orgId(),
        start.mode(),
        start.sequence(),
        RunTemplate.of(start.template()),
        start.executorRef(),
        start.metadata(),
        start.createdByName(),
        start.createdAt(),
        start.createdAt(),
        start.expiresAt(),
        RunStatus.PENDING,
        null,
        null,
        null,
        null,
        steps.answers(),
        steps.skipped(),
        steps.hidden(),
        null,
        null,
        start.webhook(),
        null);
  }

  /** The status as of {@code now}: a run whose link has expired reads as expired at once. */
  public RunStatus statusAt(Instant now) {
    return status.at(expiresAt, now);
  }

  /** Whether the run is the organisation's and of the mode: any other caller does not see it. */
  public boolean ownedBy(OrgId org, Mode caller) {
    return orgId.equals(org) && mode == caller;
  }

  public boolean isDue(Instant now) {
    return !status.finished() && expiresAt != null && !now.isBefore(expiresAt);
  }

  public RunChange open(RunCommand.OpenRun open, Instant now) {
    if (status == RunStatus.IN_PROGRESS && !isDue(now)) {
      // Opening again, e.g. a retry or the member on another device, is a no-op for the holder.
      return new RunChange.Unchanged(requireHolder(open.holder(), now));
    }
    requireStatus(now, RunStatus.PENDING, "opened");
    ExecutorIdentity who =
        switch (template.identityRequired()) {
          case NONE -> ExecutorIdentity.anonymous();
          case EXTERNAL -> OpeningIdentity.external(open.name(), open.email());
          case MEMBER -> OpeningIdentity.member(open.memberId());
        };
    // A member run is held by its member, whatever device they use.
    String heldBy = who.userId() != null ? who.userId() : open.holder();
    return announce(next().openedBy(who, heldBy).at(now), RunEventType.RUN_OPENED);
  }

  /**
   * Refuses anyone but the holder: the device that opened the run, or, for a member run, the member
   * who opened it, on any device. A link forwarded on cannot take over a run in progress.
   */
  public Run requireHolder(String candidate, Instant now) {
    if (!statusAt(now).finished() && !heldBy(candidate)) {
      throw ApiException.conflict(
          template.identityRequired() == IdentityRequired.MEMBER
              ? "This run is being done by another member."
              : "This run is already in progress on another device.");
    }
    return this;
  }

  private boolean heldBy(String candidate) {
    return holder == null || holder.equals(candidate);
  }

  /** Records the answer to a step of {@code version}, the run's own template version. */
  public RunChange answer(TemplateResource version, RunCommand.AnswerStep answer, Instant now) {
    requireStatus(now, RunStatus.IN_PROGRESS, "answered");
    Step step = changeable(version, answer.stepId());
    List<PhotoRef> given = answer.photos() == null ? List.of() : List.copyOf(answer.photos());
    step.checkAnswer(answer.value(), given.size(), answer.geo() != null);
    Map<String, RecordedAnswer> next = new LinkedHashMap<>(answers);
    next.put(
        step.id(),
        new RecordedAnswer(
            answer.value(), given, answer.geo(), now, assignedTo, AnswerSource.EXECUTOR));
    Set<String> nextSkipped = new LinkedHashSet<>(skipped);
    nextSkipped.remove(step.id());
    SettledSteps settled =
        SettledSteps.of(VersionSteps.of(this, version).steps(), next, nextSkipped);
    return new RunChange.Answered(next().steps(settled).at(now), step.id(), settled.dropped());
  }

  public RunChange skip(TemplateResource version, String stepId, Instant now) {
    requireStatus(now, RunStatus.IN_PROGRESS, "changed");
    Step step = changeable(version, stepId);
    if (!step.answerable() || step.required()) {
      throw ApiException.invalid(
          "step_id", "Step " + stepId + " is required and cannot be skipped.");
    }
    Map<String, RecordedAnswer> next = new LinkedHashMap<>(answers);
    next.remove(stepId);
    Set<String> nextSkipped = new LinkedHashSet<>(skipped);
    nextSkipped.add(stepId);
    SettledSteps settled =
        SettledSteps.of(VersionSteps.of(this, version).steps(), next, nextSkipped);
    return new RunChange.Skipped(next().steps(settled).at(now), stepId, settled.dropped());
  }

  /** Completes the run; optional steps left open count as skipped, hidden steps as neither. */
  public RunChange submit(TemplateResource version, Instant now) {
    requireStatus(now, RunStatus.IN_PROGRESS, "submitted");
    Set<String> nextSkipped = new LinkedHashSet<>(skipped);
    List<Step> steps = VersionSteps.of(this, version).steps();
    for (Step step : steps) {
      if (!step.answerable() || answers.containsKey(step.id()) || hidden.contains(step.id())) {
        continue;
      }
      if (step.required()) {
        throw ApiException.conflict(
            "Step " + step.id() + " is required and not answered yet; answer it, then submit.");
      }
      nextSkipped.add(step.id());
    }
    return announce(
        next().steps(SettledSteps.of(steps, answers, nextSkipped)).completed(now).at(now),
        RunEventType.RUN_COMPLETED);
  }

  /** The executor leaves before completing. */
  public RunChange exit(Instant now) {
    refuseFinished(now, "exited");
    return announce(
        next().cancelled(CancelledBy.EXECUTOR, null, now).at(now), RunEventType.RUN_CANCELLED);
  }

  /** The integrator calls the run off, optionally saying why. */
  public RunChange cancel(String reason, Instant now) {
    refuseFinished(now, "cancelled");
    if (reason != null && (reason.isBlank() || reason.length() > MAX_REASON)) {
      throw ApiException.invalid(
          "cancellation_reason",
          "cancellation_reason is 1 to " + MAX_REASON + " characters when given.");
    }
    return announce(
        next().cancelled(CancelledBy.INTEGRATOR, reason, now).at(now), RunEventType.RUN_CANCELLED);
  }

  /**
   * The integrator's changes: a new expiry (only while the run can still be done, and only to a
   * time ahead of now), a new reference, metadata. Changes nothing when they change nothing.
   */
  public RunChange update(RunCommand.RunChanges changes, Instant now) {
    if (changes.expiry() != null) {
      refuseFinished(now, "given a new expiry");
    }
    IntegratorFields current = IntegratorFields.of(this);
    IntegratorFields changed = current.apply(changes, now);
    if (changed.equals(current)) {
      return new RunChange.Unchanged(this);
    }
    return announce(next().integrator(changed).at(now), RunEventType.RUN_UPDATED);
  }

  /** Expires a run whose link is past its time; refuses one that is not due or is finished. */
  public RunChange expire(Instant now) {
    if (!isDue(now)) {
      throw ApiException.conflict("Run " + id + " is not due to expire.");
    }
    return announce(next().expired().at(now), RunEventType.RUN_EXPIRED);
  }

  /**
   * This run as stored before runs kept their template apart: without the snapshot, its answers and
   * skipped steps put in the step order of {@code version}, the snapshot it carried.
   */
  Run withoutSnapshot(TemplateResource version) {
    return next()
        .steps(SettledSteps.of(version.steps(), answers, skipped))
        .template(template.withoutSnapshot())
        .unchangedSince();
  }

  private RunChange announce(Run next, RunEventType event) {
    return new RunChange.Announced(next, event);
  }

  private NextRun next() {
    return new NextRun(this);
  }

  /** A step of the run the executor may change: shown, and not locked by the integrator. */
  private Step changeable(TemplateResource version, String stepId) {
    Step step = VersionSteps.of(this, version).find(stepId);
    if (hidden.contains(stepId)) {
      throw ApiException.conflict(
          "Step " + stepId + " is not shown: its show_if is not met by the answers so far.");
    }
    RecordedAnswer given = answers.get(stepId);
    if (given != null && given.source().locked()) {
      throw ApiException.conflict(
          "Step " + stepId + " was filled in by the integrator and is locked.");
    }
    return step;
  }

  private void requireStatus(Instant now, RunStatus expected, String verb) {
    refuseFinished(now, verb);
    if (status != expected) {
      throw ApiException.conflict(
          "Run "
              + id
              + " is "
              + status.wire()
              + (expected == RunStatus.PENDING
                  ? " and cannot be " + verb + " again."
                  : "; open it before it can be " + verb + "."));
    }
  }

  private void refuseFinished(Instant now, String verb) {
    RunStatus current = statusAt(now);
    if (current == RunStatus.EXPIRED) {
      throw ApiException.gone(
          "Run " + id + " expired at " + expiresAt + " and cannot be " + verb + ".");
    }
    if (current.finished()) {
      throw ApiException.conflict(
          "Run " + id + " is " + current.wire() + " and cannot be " + verb + ".");
    }
  }
}
