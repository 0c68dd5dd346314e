package app.rundun.processor.runs;

import app.rundun.contracts.media.MediaUrlSigner;
import app.rundun.contracts.runs.AnswerResource;
import app.rundun.contracts.runs.ExecutorRunView;
import app.rundun.contracts.runs.PhotoResource;
import app.rundun.contracts.runs.Progress;
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

  private final MediaUrlSigner signer;

  public RunViews(MediaUrlSigner signer) {
    this.signer = signer;
  }

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
    return new RunResource(
        run.id(),
        run.statusAt(now),
        run.template().templateId(),
        run.template().version(),
        run.executorRef(),
        run.createdAt(),
        run.completedAt(),
        run.expiresAt(),
        run.assignedTo(),
        run.identity(),
        progress(run),
        answers(run));
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
        List<PhotoResource> photos = new ArrayList<>();
        for (int i = 0; i < answer.photos().size(); i++) {
          photos.add(new PhotoResource(i, signer.sign(answer.photos().get(i).key())));
        }
        out.put(
            step.id(),
            new AnswerResource(answer.value(), photos, answer.geo(), answer.at(), answer.by()));
      }
    }
    return out;
  }
}
