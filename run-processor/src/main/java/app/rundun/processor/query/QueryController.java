package app.rundun.processor.query;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.errors.ErrorCode;
import app.rundun.contracts.json.Json;
import app.rundun.contracts.members.MemberSignIn;
import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.contracts.queries.InternalPaths;
import app.rundun.contracts.queries.StaleReads;
import app.rundun.contracts.runs.ListedRun;
import app.rundun.contracts.runs.RunId;
import app.rundun.contracts.runs.RunListQuery;
import app.rundun.contracts.templates.TemplateId;
import app.rundun.contracts.templates.TemplateResource;
import app.rundun.contracts.webhooks.WebhookAttempt;
import app.rundun.processor.members.Member;
import app.rundun.processor.members.MemberDirectory;
import app.rundun.processor.members.PasswordCheck;
import app.rundun.processor.organisations.OrgStage;
import app.rundun.processor.organisations.Organisation;
import app.rundun.processor.quota.Quota;
import app.rundun.processor.runlist.RunList;
import app.rundun.processor.runs.Run;
import app.rundun.processor.runs.RunStage;
import app.rundun.processor.runs.RunTemplates;
import app.rundun.processor.runs.RunViews;
import app.rundun.processor.templates.TemplateVersions;
import app.rundun.processor.webhooks.AttemptLogStage;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The internal read API the ingest-api calls. Any instance answers any key: it reads its own store
 * when it owns the key, and otherwise forwards the request once to the owner.
 */
@RestController
class QueryController {

  private final Owner owner;
  private final Forwarder forwarder;
  private final RunViews views;
  private final Clock clock;
  private final PasswordCheck passwords = new PasswordCheck();

  QueryController(Owner owner, Forwarder forwarder, RunViews views, Clock clock) {
    this.owner = owner;
    this.forwarder = forwarder;
    this.views = views;
    this.clock = clock;
  }

  @GetMapping(InternalPaths.RUN)
  ResponseEntity<?> run(@PathVariable String runId, HttpServletRequest request) {
    RunId id = new RunId(runId);
    return answer(
        RunStage.RUNS_STORE,
        id.value(),
        request,
        located -> {
          Run run = stored(located, id);
          return views.lookup(run, runTemplates(located).of(run), clock.instant());
        });
  }

  /**
   * The run object of {@code GET /v1/runs/:id}, when the run is the organisation's and of the mode
   * (not found otherwise): only the integrator's view is made, not the link's nor the executor's.
   */
  @GetMapping(InternalPaths.ORG_RUN)
  ResponseEntity<?> orgRun(
      @PathVariable String orgId,
      @PathVariable String runId,
      @RequestParam Mode mode,
      HttpServletRequest request) {
    OrgId org = new OrgId(orgId);
    RunId id = new RunId(runId);
    return answer(
        RunStage.RUNS_STORE,
        id.value(),
        request,
        located -> {
          Run run = stored(located, id);
          if (!run.ownedBy(org, mode)) {
            throw ApiException.notFound("run", id.value());
          }
          return views.resource(run, clock.instant());
        });
  }

  /**
   * A page of the organisation's run list, read on the instance owning the organisation. The query
   * is the API's parsed {@link RunListQuery}, as JSON.
   */
  @GetMapping(InternalPaths.ORG_RUNS)
  ResponseEntity<?> runs(
      @PathVariable String orgId,
      @RequestParam Mode mode,
      @RequestParam String query,
      HttpServletRequest request) {
    OrgId org = new OrgId(orgId);
    RunListQuery parsed = Json.mapper().readValue(query, RunListQuery.class);
    return answer(
        RunList.STORE,
        org.value(),
        request,
        located -> {
          Instant now = clock.instant();
          return runList(located).page(org, mode, parsed, now).map(r -> views.resource(r, now));
        });
  }

  @GetMapping(InternalPaths.RUN_WEBHOOK_ATTEMPTS)
  ResponseEntity<?> webhookAttempts(@PathVariable String runId, HttpServletRequest request) {
    RunId id = new RunId(runId);
    return answer(
        AttemptLogStage.STORE,
        id.value(),
        request,
        located ->
            AttemptLogStage.of(
                owner.<WebhookAttempt>localStore(AttemptLogStage.STORE, located), id));
  }

  @GetMapping(InternalPaths.TEMPLATES)
  ResponseEntity<?> templates(@PathVariable String orgId, HttpServletRequest request) {
    OrgId org = new OrgId(orgId);
    return answer(
        TemplateVersions.STORE, org.value(), request, located -> versions(located).list(org));
  }

  @GetMapping(InternalPaths.TEMPLATE)
  ResponseEntity<?> template(
      @PathVariable String orgId,
      @PathVariable String templateId,
      @RequestParam(required = false) Integer version,
      HttpServletRequest request) {
    OrgId org = new OrgId(orgId);
    TemplateId id = new TemplateId(templateId);
    return answer(
        TemplateVersions.STORE,
        org.value(),
        request,
        located -> {
          TemplateVersions versions = versions(located);
          Supplier<ApiException> missing =
              () ->
                  version == null
                      ? ApiException.notFound("template", id.value())
                      : ApiException.notFound("template version", id.value() + " v" + version);
          TemplateResource found =
              (version == null ? versions.latest(org, id) : versions.version(org, id, version))
                  .orElseThrow(missing);
          return found;
        });
  }

  @GetMapping(InternalPaths.MEMBERS)
  ResponseEntity<?> members(@PathVariable String orgId, HttpServletRequest request) {
    OrgId org = new OrgId(orgId);
    return answer(
        MemberDirectory.STORE,
        org.value(),
        request,
        located -> directory(located).list(org).stream().map(Member::resource).toList());
  }

  /**
   * A member's sign-in, checked where the hashes are: the answer is only yes (with the id) or no.
   */
  @PostMapping(path = InternalPaths.MEMBER_SIGN_IN, consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> signIn(
      @PathVariable String orgId, @RequestBody byte[] body, HttpServletRequest request) {
    OrgId org = new OrgId(orgId);
    MemberSignIn signIn = Json.mapper().readValue(body, MemberSignIn.class);
    return answer(
        MemberDirectory.STORE,
        org.value(),
        request,
        body,
        located -> passwords.check(directory(located), org, signIn));
  }

  @GetMapping(InternalPaths.USAGE)
  ResponseEntity<?> usage(
      @PathVariable String orgId, @RequestParam Mode mode, HttpServletRequest request) {
    OrgId org = new OrgId(orgId);
    return answer(
        Quota.STORE,
        org.value(),
        request,
        located -> {
          Quota quota = owner.<Quota>localStore(Quota.STORE, located).get(org.value());
          if (quota == null) {
            throw ApiException.notFound("organisation", org.value());
          }
          return quota.usage(mode, clock.instant());
        });
  }

  @GetMapping(InternalPaths.API_KEYS)
  ResponseEntity<?> apiKeys(@PathVariable String orgId, HttpServletRequest request) {
    OrgId org = new OrgId(orgId);
    return answer(
        OrgStage.STORE,
        org.value(),
        request,
        located ->
            Optional.ofNullable(owner.<Organisation>localStore(OrgStage.STORE, located).get(orgId))
                .orElseThrow(() -> ApiException.notFound("organisation", orgId))
                .keyResources());
  }

  private Run stored(Owner.Located located, RunId id) {
    Run run = owner.<Run>localStore(RunStage.RUNS_STORE, located).get(id.value());
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

  private MemberDirectory directory(Owner.Located located) {
    return new MemberDirectory(owner.<Member>localStore(MemberDirectory.STORE, located));
  }

  private TemplateVersions versions(Owner.Located located) {
    return new TemplateVersions(
        owner.<TemplateResource>localStore(TemplateVersions.STORE, located));
  }

  /**
   * Answers from this instance's store when it owns the key, or from the owner. When neither can
   * answer and the caller accepts it, a copy held here answers instead, flagged as possibly stale;
   * a copy that does not hold what was asked for says nothing (503) rather than "not found".
   */
  private ResponseEntity<?> answer(
      String store, String routingKey, HttpServletRequest request, LocalRead read) {
    return answer(store, routingKey, request, null, read);
  }

  private ResponseEntity<?> answer(
      String store, String routingKey, HttpServletRequest request, byte[] body, LocalRead read) {
    try {
      Owner.Located located = owner.locate(store, routingKey);
      if (located.isLocal()) {
        return ResponseEntity.ok()
            .contentType(MediaType.APPLICATION_JSON)
            .body(json(read, located));
      }
      return forwarder.forward(located.host(), request, body);
    } catch (ApiException e) {
      if (e.code() != ErrorCode.UNAVAILABLE
          || !"true".equals(request.getHeader(StaleReads.ACCEPT))) {
        throw e;
      }
      return fromLocalCopy(read, e);
    } catch (InvalidStateStoreException e) {
      throw Owner.unavailable();
    }
  }

  private ResponseEntity<?> fromLocalCopy(LocalRead read, ApiException ownerUnavailable) {
    try {
      byte[] found = json(read, owner.localCopies());
      return ResponseEntity.ok()
          .contentType(MediaType.APPLICATION_JSON)
          .header(StaleReads.FLAG, "true")
          .body(found);
    } catch (ApiException | InvalidStateStoreException e) {
      throw ownerUnavailable;
    }
  }

  /**
   * What was read, as JSON written once by the mapper the API reads it with; handing the object to
   * the web layer's converter cost a read of a run about a fifth of its time.
   */
  private static byte[] json(LocalRead read, Owner.Located located) {
    return Json.mapper().writeValueAsBytes(read.apply(located));
  }

  @FunctionalInterface
  private interface LocalRead {
    Object apply(Owner.Located located);
  }
}
