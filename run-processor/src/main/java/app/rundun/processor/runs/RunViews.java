package app.rundun.processor.runs;

import app.rundun.contracts.media.PhotoLinks;
import app.rundun.contracts.runs.AnswerResource;
import app.rundun.contracts.runs.ExecutorIdentity;
import app.rundun.contracts.runs.ExecutorRunView;
import app.rundun.contracts.runs.ListedRun;
import app.rundun.contracts.runs.PhotoResource;
import app.rundun.contracts.runs.Progress;
import app.rundun.contracts.runs.RecordedAnswer;
import app.rundun.contracts.runs.RunId;
import app.rundun.contracts.runs.RunLookup;
import app.rundun.contracts.runs.RunPreview;
import app.rundun.contracts.runs.RunResource;
import app.rundun.contracts.templates.Step;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Renders a run the three ways it is read: by the integrator, the link page, the executor. */
public final class RunViews {

  public RunLookup lookup(Run run, Instant now) {
    return new RunLookup(
        run.orgId(),
        run.mode(),
        run.holder(),
        resource(run, now),
        preview(run, now),
        executor(run, now));
  }

  public RunResource resource(Run run, Instant now) {
    return resource(listed(run), now);
  }

  /** The run object of {@code GET /v1/runs/:id}, from the run or from its entry in the list. */
  public RunResource resource(ListedRun run, Instant now) {
    Map<String, AnswerResource> answers = new LinkedHashMap<>();
    run.answers()
        .forEach((stepId, answer) -> answers.put(stepId, answer(run.runId(), stepId, answer)));
    return new RunResource(
        run.runId(),
        run.statusAt(now),
        run.templateId(),
        run.templateV(),
        run.executorRef(),
        run.createdAt(),
        run.completedAt(),
        run.expiresAt(),
        run.assignedTo(),
        run.executorIdentity(),
        new Progress(run.answerableSteps(), run.answers().size(), run.skippedSteps().size()),
        answers,
        run.skippedSteps(),
        run.metadata(),
        run.updatedAt(),
        run.cancelledBy(),
        run.cancellationReason());
  }

  /**
   * The run without its template, answers and skipped steps in step order; a run not opened yet
   * shows the identity mode its template asks for.
   */
  public static ListedRun listed(Run run) {
    Map<String, RecordedAnswer> ordered = new LinkedHashMap<>();
    List<String> skippedInOrder = new ArrayList<>();
    for (Step step : run.template().steps()) {
      if (run.answers().containsKey(step.id())) {
        ordered.put(step.id(), run.answers().get(step.id()));
      }
      if (run.skipped().contains(step.id())) {
        skippedInOrder.add(step.id());
      }
    }
    return new ListedRun(
        run.id(),
        run.orgId(),
        run.mode(),
        run.sequence(),
        run.template().templateId(),
        run.template().version(),
        answerableSteps(run),
        run.status(),
        run.executorRef(),
        run.metadata(),
        run.createdAt(),
        run.updatedAt(),
        run.completedAt(),
        run.expiresAt(),
        run.assignedTo(),
        run.identity() != null
            ? run.identity()
            : ExecutorIdentity.notYetKnown(run.template().execution().identityRequired()),
        ordered,
        skippedInOrder,
        run.cancelledBy(),
        run.cancellationReason());
  }

  public RunPreview preview(Run run, Instant now) {
    return new RunPreview(
        run.id(),
        run.statusAt(now),
        run.template().name(),
        answerableSteps(run),
        run.createdByName(),
        run.expiresAt());
  }

  public ExecutorRunView executor(Run run, Instant now) {
    Set<String> skipped = new LinkedHashSet<>();
    for (Step step : run.template().steps()) {
      if (run.skipped().contains(step.id())) {
        skipped.add(step.id());
      }
    }
    return new ExecutorRunView(
        run.id(),
        run.statusAt(now),
        run.template().name(),
        run.template().execution().identityRequired(),
        run.template().steps(),
        answers(run),
        skipped,
        progress(run),
        run.expiresAt());
  }

  private static int answerableSteps(Run run) {
    return (int) run.template().steps().stream().filter(Step::answerable).count();
  }

  private static Progress progress(Run run) {
    return new Progress(answerableSteps(run), run.answers().size(), run.skipped().size());
  }

  /** Answers in the template's step order, so every read of a run lists them alike. */
  private Map<String, AnswerResource> answers(Run run) {
    Map<String, AnswerResource> out = new LinkedHashMap<>();
    for (Step step : run.template().steps()) {
      RecordedAnswer answer = run.answers().get(step.id());
      if (answer != null) {
        out.put(step.id(), answer(run.id(), step.id(), answer));
      }
    }
    return out;
  }

  /** An answer with its photos as stable references; URLs are signed only as a run leaves. */
  private static AnswerResource answer(RunId run, String stepId, RecordedAnswer answer) {
    List<PhotoResource> photos = new ArrayList<>();
    for (int i = 0; i < answer.photos().size(); i++) {
      photos.add(
          PhotoResource.reference(
              i, answer.photos().get(i), PhotoLinks.apiPath(run.value(), stepId, i)));
    }
    return new AnswerResource(answer.value(), photos, answer.geo(), answer.at(), answer.by());
  }
}
