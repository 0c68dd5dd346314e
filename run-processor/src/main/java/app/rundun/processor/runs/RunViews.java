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
import app.rundun.contracts.templates.TemplateResource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Renders a run the three ways it is read: by the integrator, the link page, the executor. */
public final class RunViews {

  /** Every view of the run; {@code version} is the template version it was dispatched with. */
  public RunLookup lookup(Run run, TemplateResource version, Instant now) {
    return new RunLookup(
        run.orgId(),
        run.mode(),
        run.holder(),
        resource(run, now),
        preview(run, now),
        executor(run, version, now));
  }

  public RunResource resource(Run run, Instant now) {
    return resource(listed(run), now);
  }

  /** The run object of {@code GET /v1/runs/:id}, from the run or from its entry in the list. */
  public RunResource resource(ListedRun run, Instant now) {
    Map<String, AnswerResource> answers = answers(run);
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
        progress(run),
        answers,
        run.skippedSteps(),
        run.hiddenSteps(),
        run.metadata(),
        run.updatedAt(),
        run.cancelledBy(),
        run.cancellationReason());
  }

  /**
   * The run without its template, answers and skipped steps in step order; a run not opened yet
   * shows the identity mode its template asks for.
   */
  public static ListedRun listed(Run stored) {
    TemplateResource legacy = stored.template().legacySnapshot();
    Run run = legacy == null ? stored : stored.withoutSnapshot(legacy);
    return new ListedRun(
        run.id(),
        run.orgId(),
        run.mode(),
        run.sequence(),
        run.template().templateId(),
        run.template().version(),
        run.template().answerableSteps(),
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
            : ExecutorIdentity.notYetKnown(run.template().identityRequired()),
        run.answers(),
        List.copyOf(run.skipped()),
        List.copyOf(run.hidden()),
        run.cancelledBy(),
        run.cancellationReason());
  }

  public RunPreview preview(Run run, Instant now) {
    return new RunPreview(
        run.id(),
        run.statusAt(now),
        run.template().name(),
        run.template().answerableSteps(),
        run.createdByName(),
        run.expiresAt());
  }

  /** What the executor's app shows: the steps of {@code version}, the run's template version. */
  public ExecutorRunView executor(Run run, TemplateResource version, Instant now) {
    ListedRun listed = listed(run);
    return new ExecutorRunView(
        run.id(),
        run.statusAt(now),
        version.name(),
        version.execution().identityRequired(),
        version.steps(),
        answers(listed),
        new LinkedHashSet<>(listed.skippedSteps()),
        progress(listed),
        run.expiresAt());
  }

  /** Steps its conditions hide are not counted: a run can be complete without them. */
  private static Progress progress(ListedRun run) {
    return new Progress(
        run.answerableSteps() - run.hiddenSteps().size(),
        run.answers().size(),
        run.skippedSteps().size());
  }

  private static Map<String, AnswerResource> answers(ListedRun run) {
    Map<String, AnswerResource> out = new LinkedHashMap<>();
    run.answers().forEach((stepId, answer) -> out.put(stepId, answer(run.runId(), stepId, answer)));
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
    return AnswerResource.of(answer, photos);
  }
}
