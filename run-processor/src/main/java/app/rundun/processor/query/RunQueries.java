package app.rundun.processor.query;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.json.Json;
import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.contracts.queries.InternalPaths;
import app.rundun.contracts.runs.ListedRun;
import app.rundun.contracts.runs.RunId;
import app.rundun.contracts.runs.RunListQuery;
import app.rundun.contracts.templates.TemplateResource;
import app.rundun.contracts.webhooks.WebhookAttempt;
import app.rundun.processor.runlist.RunList;
import app.rundun.processor.runs.RenderedRun;
import app.rundun.processor.runs.Run;
import app.rundun.processor.runs.RunStage;
import app.rundun.processor.runs.RunTemplates;
import app.rundun.processor.runs.RunViews;
import app.rundun.processor.runs.StoredRun;
import app.rundun.processor.webhooks.AttemptLogStage;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The internal reads of runs: a run (the link's and the integrator's view), the organisation's run
 * list, a run's webhook attempts. Any instance answers any key ({@link LocalAnswers}).
 */
@RestController
class RunQueries {

  private final Owner owner;
  private final LocalAnswers answers;
  private final RunViews views;
  private final Clock clock;

  RunQueries(Owner owner, LocalAnswers answers, RunViews views, Clock clock) {
    this.owner = owner;
    this.answers = answers;
    this.views = views;
    this.clock = clock;
  }

  @GetMapping(InternalPaths.RUN)
  Answer run(RunId id, HttpServletRequest request) {
    return answers.answer(
        RunStage.RUNS_STORE,
        id.value(),
        request,
        located -> {
          Run run = stored(located, id).run();
          return views.lookup(run, runTemplates(located).of(run), clock.instant());
        });
  }

  /**
   * The run object of {@code GET /v1/runs/:id}, when the run is the organisation's and of the mode
   * (not found otherwise): only the integrator's view is made, not the link's nor the executor's.
   */
  @GetMapping(InternalPaths.ORG_RUN)
  Answer orgRun(OrgId org, RunId id, Mode mode, HttpServletRequest request) {
    return answers.answer(
        RunStage.RUNS_STORE,
        id.value(),
        request,
        located -> {
          Instant now = clock.instant();
          StoredRun stored = stored(located, id);
          Optional<RenderedRun> rendered = stored.view();
          if (rendered.isPresent() && !rendered.get().ownedBy(org, mode)) {
            throw ApiException.notFound("run", id.value());
          }
          Optional<byte[]> json = rendered.flatMap(view -> view.jsonAt(now));
          if (json.isPresent()) {
            return json.get();
          }
          // Not rendered (a run stored before views were), or its link expired since.
          Run run = stored.run();
          if (!run.ownedBy(org, mode)) {
            throw ApiException.notFound("run", id.value());
          }
          return views.resource(run, now);
        });
  }

  /**
   * A page of the organisation's run list, read on the instance owning the organisation. The query
   * is the API's parsed {@link RunListQuery}, as JSON.
   */
  @GetMapping(InternalPaths.ORG_RUNS)
  Answer runs(OrgId org, Mode mode, @RequestParam String query, HttpServletRequest request) {
    RunListQuery parsed = Json.mapper().readValue(query, RunListQuery.class);
    return answers.answer(
        RunList.STORE,
        org.value(),
        request,
        located -> {
          Instant now = clock.instant();
          return runList(located).page(org, mode, parsed, now).map(r -> views.resource(r, now));
        });
  }

  @GetMapping(InternalPaths.RUN_WEBHOOK_ATTEMPTS)
  Answer webhookAttempts(RunId id, HttpServletRequest request) {
    return answers.answer(
        AttemptLogStage.STORE,
        id.value(),
        request,
        located ->
            AttemptLogStage.of(
                owner.<WebhookAttempt>localStore(AttemptLogStage.STORE, located), id));
  }

  private StoredRun stored(Owner.Located located, RunId id) {
    StoredRun run = owner.<StoredRun>localStore(RunStage.RUNS_STORE, located).get(id.value());
    if (run == null) {
      throw ApiException.notFound("run", id.value());
    }
    return run;
  }

  private RunTemplates runTemplates(Owner.Located located) {
    return new RunTemplates(owner.<TemplateResource>localStore(RunTemplates.STORE, located));
  }

  private RunList runList(Owner.Located located) {
    return new RunList(
        owner.<ListedRun>localStore(RunList.STORE, located),
        owner.<String>localStore(RunList.IDS_STORE, located),
        owner.<String>localStore(RunList.UPDATED_STORE, located));
  }
}
