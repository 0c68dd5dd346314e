package app.rundun.contracts.runs;

import app.rundun.contracts.templates.IdentityRequired;
import app.rundun.contracts.templates.Step;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the executor's app needs to render a run: the snapshot's steps and what is done. */
public record ExecutorRunView(
    RunId runId,
    RunStatus status,
    String templateName,
    IdentityRequired identityRequired,
    List<Step> steps,
    Map<String, AnswerResource> answers,
    Set<String> skipped,
    Progress progress,
    Instant expiresAt) {

  /** The same view with other answers: how photo references become links as it leaves. */
  public ExecutorRunView withAnswers(Map<String, AnswerResource> others) {
    return new ExecutorRunView(
        runId, status, templateName, identityRequired, steps, others, skipped, progress, expiresAt);
  }
}
