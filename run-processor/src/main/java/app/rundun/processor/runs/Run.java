package app.rundun.processor.runs;

import app.rundun.contracts.commands.RunCommand;
import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.errors.ErrorCode;
import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.contracts.runs.ExecutorIdentity;
import app.rundun.contracts.runs.GeoPoint;
import app.rundun.contracts.runs.PhotoRef;
import app.rundun.contracts.runs.RunId;
import app.rundun.contracts.runs.RunStatus;
import app.rundun.contracts.runs.WebhookConfig;
import app.rundun.contracts.templates.IdentityRequired;
import app.rundun.contracts.templates.Step;
import app.rundun.contracts.templates.TemplateResource;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * One run: a snapshot of the template version it was dispatched with, and what the executor has
 * done. Every change is a method that refuses an illegal transition and returns the next state;
 * none of them moves a run whose link has expired, whether or not the sweep has seen it yet.
 */
public record Run(
    RunId id,
    OrgId orgId,
    Mode mode,
    TemplateResource template,
    String executorRef,
    String createdByName,
    Instant createdAt,
    Instant expiresAt,
    RunStatus status,
    Instant completedAt,
    Instant finishedAt,
    ExecutorIdentity identity,
    String assignedTo,
    Map<String, RecordedAnswer> answers,
    Set<String> skipped,
    WebhookConfig webhook,
    String holder) {

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
  private static final int MAX_NAME = 200;

  public Run {
    answers = Map.copyOf(answers);
    skipped = Set.copyOf(skipped);
  }

  public static Run start(RunCommand.StartRun start) {
    return new Run(
        start.runId(),
        start.orgId(),
        start.mode(),
        start.template(),
        start.executorRef(),
        start.createdByName(),
        start.createdAt(),
        start.expiresAt(),
        RunStatus.PENDING,
        null,
        null,
        null,
        null,
        Map.of(),
        Set.of(),
        start.webhook(),
        null);
  }

  /** The status as of {@code now}: a run whose link has expired reads as expired at once. */
  public RunStatus statusAt(Instant now) {
    return isDue(now) ? RunStatus.EXPIRED : status;
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
        switch (template.execution().identityRequired()) {
          case NONE -> ExecutorIdentity.anonymous();
          case EXTERNAL -> external(name, email);
          case MEMBER -> member(memberId);
        };
    // A member run is held by its member, whatever device they use.
    String heldBy = who.userId() != null ? who.userId() : holder;
    return with(heldBy, RunStatus.IN_PROGRESS, who, who.userId(), answers, skipped, null, null);
  }

  /**
   * Refuses anyone but the holder: the device that opened the run, or, for a member run, the member
   * who opened it, on any device. A link forwarded on cannot take over a run in progress.
   */
  public Run requireHolder(String candidate, Instant now) {
    if (!statusAt(now).finished() && !heldBy(candidate)) {
      throw ApiException.conflict(
          template.execution().identityRequired() == IdentityRequired.MEMBER
              ? "This run is being done by another member."
              : "This run is already in progress on another device.");
    }
    return this;
  }

  private boolean heldBy(String candidate) {
    return holder == null || holder.equals(candidate);
  }

  public Run answer(
      String stepId, JsonNode value, List<PhotoRef> photos, GeoPoint geo, Instant now) {
    requireStatus(now, RunStatus.IN_PROGRESS, "answered");
    Step step = step(stepId);
    List<PhotoRef> given = photos == null ? List.of() : List.copyOf(photos);
    step.checkAnswer(value, given.size(), geo != null);
    Map<String, RecordedAnswer> next = new LinkedHashMap<>(answers);
    next.put(stepId, new RecordedAnswer(value, given, geo, now, assignedTo));
    Set<String> nextSkipped = new LinkedHashSet<>(skipped);
    nextSkipped.remove(stepId);
    return with(holder, status, identity, assignedTo, next, nextSkipped, null, null);
  }

  public Run skip(String stepId, Instant now) {
    requireStatus(now, RunStatus.IN_PROGRESS, "changed");
    Step step = step(stepId);
    if (!step.answerable() || step.required()) {
      throw ApiException.invalid(
          "step_id", "Step " + stepId + " is required and cannot be skipped.");
    }
    Map<String, RecordedAnswer> next = new LinkedHashMap<>(answers);
    next.remove(stepId);
    Set<String> nextSkipped = new LinkedHashSet<>(skipped);
    nextSkipped.add(stepId);
    return with(holder, status, identity, assignedTo, next, nextSkipped, null, null);
  }

  /** Completes the run; optional steps left open count as skipped. */
  public Run submit(Instant now) {
    requireStatus(now, RunStatus.IN_PROGRESS, "submitted");
    Set<String> nextSkipped = new LinkedHashSet<>(skipped);
    for (Step step : template.steps()) {
      if (!step.answerable() || answers.containsKey(step.id())) {
        continue;
      }
      if (step.required()) {
        throw ApiException.conflict(
            "Step " + step.id() + " is required and not answered yet; answer it, then submit.");
      }
      nextSkipped.add(step.id());
    }
    return with(holder, RunStatus.COMPLETED, identity, assignedTo, answers, nextSkipped, now, now);
  }

  /** The executor leaves before completing. */
  public Run exit(Instant now) {
    refuseFinished(now, "exited");
    return with(holder, RunStatus.CANCELLED, identity, assignedTo, answers, skipped, null, now);
  }

  /** The integrator calls the run off. */
  public Run cancel(Instant now) {
    refuseFinished(now, "cancelled");
    return with(holder, RunStatus.CANCELLED, identity, assignedTo, answers, skipped, null, now);
  }

  /** Expires a run whose link is past its time; refuses one that is not due or is finished. */
  public Run expire(Instant now) {
    if (!isDue(now)) {
      throw ApiException.conflict("Run " + id + " is not due to expire.");
    }
    return with(holder, RunStatus.EXPIRED, identity, assignedTo, answers, skipped, null, expiresAt);
  }

  public Optional<Step> findStep(String stepId) {
    return template.steps().stream().filter(step -> step.id().equals(stepId)).findFirst();
  }

  private Step step(String stepId) {
    return findStep(stepId)
        .orElseThrow(() ->
            new ApiException(
                ErrorCode.NOT_FOUND, "Run " + id + " has no step " + stepId + ".", "step_id"));
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

  private static ExecutorIdentity external(String name, String email) {
    if (name == null || name.isBlank() || name.length() > MAX_NAME) {
      throw ApiException.invalid("name", "This run asks for the executor's name.");
    }
    if (email == null || email.length() > 254 || !EMAIL.matcher(email).matches()) {
      throw ApiException.invalid("email", "This run asks for the executor's email address.");
    }
    return ExecutorIdentity.external(name.strip(), email.strip());
  }

  private static ExecutorIdentity member(String memberId) {
    if (memberId == null) {
      throw new ApiException(
          ErrorCode.FORBIDDEN, "This run is for organisation members: sign in to open it.", null);
    }
    return ExecutorIdentity.member(memberId);
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
        template,
        executorRef,
        createdByName,
        createdAt,
        expiresAt,
        nextStatus,
        nextCompletedAt,
        nextFinishedAt,
        nextIdentity,
        nextAssignedTo,
        nextAnswers,
        nextSkipped,
        webhook,
        nextHolder);
  }
}
