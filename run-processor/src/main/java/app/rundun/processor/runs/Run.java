package app.rundun.processor.runs;

import app.rundun.contracts.commands.RunCommand;
import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.errors.ErrorCode;
import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.contracts.runs.CancelledBy;
import app.rundun.contracts.runs.ExecutorIdentity;
import app.rundun.contracts.runs.GeoPoint;
import app.rundun.contracts.runs.Metadata;
import app.rundun.contracts.runs.PhotoRef;
import app.rundun.contracts.runs.RecordedAnswer;
import app.rundun.contracts.runs.RunId;
import app.rundun.contracts.runs.RunStatus;
import app.rundun.contracts.runs.WebhookConfig;
import app.rundun.contracts.templates.IdentityRequired;
import app.rundun.contracts.templates.Step;
import app.rundun.contracts.templates.TemplateResource;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

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
    CancelledBy cancelledBy,
    String cancellationReason,
    WebhookConfig webhook,
    String holder) {

  public static final int MAX_REASON = 500;

  public Run {
    answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    skipped = Collections.unmodifiableSet(new LinkedHashSet<>(skipped));
    sequence = sequence == null ? 0L : sequence;
    metadata = metadata == null ? Metadata.NONE : metadata;
    updatedAt = updatedAt == null ? createdAt : updatedAt;
  }

  public static Run start(RunCommand.StartRun start) {
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
        Map.of(),
        Set.of(),
        null,
        null,
        start.webhook(),
        null);
  }

  /** The status as of {@code now}: a run whose link has expired reads as expired at once. */
  public RunStatus statusAt(Instant now) {
    return status.at(expiresAt, now);
  }

  public boolean isDue(Instant now) {
    return !status.finished() && expiresAt != null && !now.isBefore(expiresAt);
  }

  public Run open(String name, String email, String memberId, String holder, Instant now) {
    if (status == RunStatus.IN_PROGRESS && !isDue(now)) {
      // Opening again, e.g. a retry or the member on another device, is a no-op for the holder.
      return requireHolder(holder, now);
    }
    requireStatus(now, RunStatus.PENDING, "opened");
    ExecutorIdentity who =
        switch (template.identityRequired()) {
          case NONE -> ExecutorIdentity.anonymous();
          case EXTERNAL -> OpeningIdentity.external(name, email);
          case MEMBER -> OpeningIdentity.member(memberId);
        };
    // A member run is held by its member, whatever device they use.
    String heldBy = who.userId() != null ? who.userId() : holder;
    return with(heldBy, RunStatus.IN_PROGRESS, who, who.userId(), answers, skipped, null, null)
        .changedAt(now);
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
  public Run answer(
      TemplateResource version,
      String stepId,
      JsonNode value,
      List<PhotoRef> photos,
      GeoPoint geo,
      Instant now) {
    requireStatus(now, RunStatus.IN_PROGRESS, "answered");
    Step step = step(version, stepId);
    List<PhotoRef> given = photos == null ? List.of() : List.copyOf(photos);
    step.checkAnswer(value, given.size(), geo != null);
    Map<String, RecordedAnswer> next = new LinkedHashMap<>(answers);
    next.put(stepId, new RecordedAnswer(value, given, geo, now, assignedTo));
    Set<String> nextSkipped = new LinkedHashSet<>(skipped);
    nextSkipped.remove(stepId);
    return inOrder(version, next, nextSkipped, status, null).changedAt(now);
  }

  public Run skip(TemplateResource version, String stepId, Instant now) {
    requireStatus(now, RunStatus.IN_PROGRESS, "changed");
    Step step = step(version, stepId);
    if (!step.answerable() || step.required()) {
      throw ApiException.invalid(
          "step_id", "Step " + stepId + " is required and cannot be skipped.");
    }
    Map<String, RecordedAnswer> next = new LinkedHashMap<>(answers);
    next.remove(stepId);
    Set<String> nextSkipped = new LinkedHashSet<>(skipped);
    nextSkipped.add(stepId);
    return inOrder(version, next, nextSkipped, status, null).changedAt(now);
  }

  /** Completes the run; optional steps left open count as skipped. */
  public Run submit(TemplateResource version, Instant now) {
    requireStatus(now, RunStatus.IN_PROGRESS, "submitted");
    Set<String> nextSkipped = new LinkedHashSet<>(skipped);
    for (Step step : steps(version)) {
      if (!step.answerable() || answers.containsKey(step.id())) {
        continue;
      }
      if (step.required()) {
        throw ApiException.conflict(
            "Step " + step.id() + " is required and not answered yet; answer it, then submit.");
      }
      nextSkipped.add(step.id());
    }
    return inOrder(version, answers, nextSkipped, RunStatus.COMPLETED, now).changedAt(now);
  }

  /**
   * This run as stored before runs kept their template apart: without the snapshot, its answers and
   * skipped steps put in the step order of {@code version}, the snapshot it carried.
   */
  Run inStepOrder(TemplateResource version) {
    Run ordered = inOrder(version, answers, skipped, status, completedAt);
    return new Run(
        id,
        orgId,
        mode,
        sequence,
        template.withoutSnapshot(),
        executorRef,
        metadata,
        createdByName,
        createdAt,
        updatedAt,
        expiresAt,
        status,
        completedAt,
        finishedAt,
        identity,
        assignedTo,
        ordered.answers,
        ordered.skipped,
        cancelledBy,
        cancellationReason,
        webhook,
        holder);
  }

  /** The executor leaves before completing. */
  public Run exit(Instant now) {
    refuseFinished(now, "exited");
    return with(holder, RunStatus.CANCELLED, identity, assignedTo, answers, skipped, null, now)
        .cancelledBy(CancelledBy.EXECUTOR, null, now);
  }

  /** The integrator calls the run off, optionally saying why. */
  public Run cancel(String reason, Instant now) {
    refuseFinished(now, "cancelled");
    if (reason != null && (reason.isBlank() || reason.length() > MAX_REASON)) {
      throw ApiException.invalid(
          "cancellation_reason",
          "cancellation_reason is 1 to " + MAX_REASON + " characters when given.");
    }
    return with(holder, RunStatus.CANCELLED, identity, assignedTo, answers, skipped, null, now)
        .cancelledBy(CancelledBy.INTEGRATOR, reason, now);
  }

  /**
   * The integrator's changes: a new expiry (only while the run can still be done, and only to a
   * time ahead of now), a new reference, metadata. Answers this very run when nothing changes.
   */
  public Run update(RunCommand.RunChanges changes, Instant now) {
    if (changes.expiry() != null) {
      refuseFinished(now, "given a new expiry");
    }
    IntegratorFields current = integratorFields();
    IntegratorFields next = current.apply(changes, now);
    return next.equals(current) ? this : withIntegratorFields(next, now);
  }

  /** Expires a run whose link is past its time; refuses one that is not due or is finished. */
  public Run expire(Instant now) {
    if (!isDue(now)) {
      throw ApiException.conflict("Run " + id + " is not due to expire.");
    }
    return with(holder, RunStatus.EXPIRED, identity, assignedTo, answers, skipped, null, expiresAt)
        .changedAt(now);
  }

  private Step step(TemplateResource version, String stepId) {
    return steps(version).stream()
        .filter(step -> step.id().equals(stepId))
        .findFirst()
        .orElseThrow(() ->
            new ApiException(
                ErrorCode.NOT_FOUND, "Run " + id + " has no step " + stepId + ".", "step_id"));
  }

  private List<Step> steps(TemplateResource version) {
    if (!version.templateId().equals(template.templateId())
        || version.version() != template.version()) {
      throw new IllegalArgumentException(
          "Run " + id + " was dispatched with another template version.");
    }
    return version.steps();
  }

  /** The next answers and skipped steps, each in the order of the template's steps. */
  private Run inOrder(
      TemplateResource version,
      Map<String, RecordedAnswer> nextAnswers,
      Set<String> nextSkipped,
      RunStatus nextStatus,
      Instant nextCompletedAt) {
    Map<String, RecordedAnswer> orderedAnswers = new LinkedHashMap<>();
    Set<String> orderedSkipped = new LinkedHashSet<>();
    for (Step step : steps(version)) {
      if (nextAnswers.containsKey(step.id())) {
        orderedAnswers.put(step.id(), nextAnswers.get(step.id()));
      }
      if (nextSkipped.contains(step.id())) {
        orderedSkipped.add(step.id());
      }
    }
    return with(
        holder,
        nextStatus,
        identity,
        assignedTo,
        orderedAnswers,
        orderedSkipped,
        nextCompletedAt,
        nextCompletedAt);
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

  private Run with(
      String nextHolder,
      RunStatus nextStatus,
      ExecutorIdentity nextIdentity,
      String nextAssignedTo,
      Map<String, RecordedAnswer> nextAnswers,
      Set<String> nextSkipped,
      Instant nextCompletedAt,
      Instant nextFinishedAt) {
    return new Run(
        id,
        orgId,
        mode,
        sequence,
        template,
        executorRef,
        metadata,
        createdByName,
        createdAt,
        updatedAt,
        expiresAt,
        nextStatus,
        nextCompletedAt,
        nextFinishedAt,
        nextIdentity,
        nextAssignedTo,
        nextAnswers,
        nextSkipped,
        cancelledBy,
        cancellationReason,
        webhook,
        nextHolder);
  }

  private IntegratorFields integratorFields() {
    return new IntegratorFields(executorRef, metadata, expiresAt, cancelledBy, cancellationReason);
  }

  private Run changedAt(Instant now) {
    return withIntegratorFields(integratorFields(), now);
  }

  private Run cancelledBy(CancelledBy by, String reason, Instant now) {
    return withIntegratorFields(
        new IntegratorFields(executorRef, metadata, expiresAt, by, reason), now);
  }

  private Run withIntegratorFields(IntegratorFields fields, Instant now) {
    return new Run(
        id,
        orgId,
        mode,
        sequence,
        template,
        fields.executorRef(),
        fields.metadata(),
        createdByName,
        createdAt,
        now,
        fields.expiresAt(),
        status,
        completedAt,
        finishedAt,
        identity,
        assignedTo,
        answers,
        skipped,
        fields.cancelledBy(),
        fields.cancellationReason(),
        webhook,
        holder);
  }
}
