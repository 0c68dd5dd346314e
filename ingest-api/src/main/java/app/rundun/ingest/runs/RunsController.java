package app.rundun.ingest.runs;

import app.rundun.contracts.commands.OrgCommand;
import app.rundun.contracts.commands.RunCommand;
import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.json.Json;
import app.rundun.contracts.lists.ListPage;
import app.rundun.contracts.media.PhotoLinks;
import app.rundun.contracts.runs.Prefill;
import app.rundun.contracts.runs.RunCreated;
import app.rundun.contracts.runs.RunId;
import app.rundun.contracts.runs.RunLookup;
import app.rundun.contracts.runs.RunPreview;
import app.rundun.contracts.runs.RunResource;
import app.rundun.contracts.runs.RunStatus;
import app.rundun.contracts.webhooks.AddressPolicy;
import app.rundun.contracts.webhooks.SecretBox;
import app.rundun.ingest.IngestProperties;
import app.rundun.ingest.auth.Caller;
import app.rundun.ingest.commands.CommandBus;
import app.rundun.ingest.idempotency.IdempotencyKey;
import app.rundun.ingest.queries.Freshness;
import app.rundun.ingest.queries.ProcessorQueries;
import app.rundun.ingest.queries.Read;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code /v1/runs}: exactly the Runs API page. */
@RestController
@RequestMapping(path = "/v1/runs", produces = MediaType.APPLICATION_JSON_VALUE)
class RunsController {

  /** A photo reference in a run's JSON; a run without one is sent on as it is. */
  private static final String PHOTO_REFERENCE = "\"photo_id\"";

  private final CommandBus commands;
  private final ProcessorQueries queries;
  private final String linkBase;

  private final AddressPolicy addresses;
  private final SecretBox secrets;
  private final PhotoLinks photos;

  RunsController(
      CommandBus commands,
      ProcessorQueries queries,
      IngestProperties properties,
      AddressPolicy addresses,
      SecretBox secrets,
      PhotoLinks photos) {
    this.commands = commands;
    this.queries = queries;
    this.addresses = addresses;
    this.secrets = secrets;
    this.photos = photos;
    this.linkBase = properties.publicBaseUrl().replaceAll("/+$", "") + "/r/";
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  RunCreated create(Caller caller, HttpServletRequest http, @RequestBody CreateRunRequest request) {
    CreateRunRequest.Webhook webhook = request.webhook(addresses, secrets);
    OrgCommand.CreateRun command =
        new OrgCommand.CreateRun(
            caller.orgId(),
            RunId.mint(),
            caller.mode(),
            request.template(),
            request.reference(),
            request.validMetadata(),
            Prefill.checkShape(request.prefill()),
            request.expiresInSeconds(),
            webhook == null ? null : webhook.config(),
            caller.keyName(),
            IdempotencyKey.of(http, caller.mode()));
    RunResource run = commands.send(command, RunResource.class);
    return new RunCreated(
        run.runId(),
        linkBase + run.runId(),
        run.expiresAt(),
        run.assignedTo(),
        webhook == null ? null : webhook.generatedSecret());
  }

  /**
   * The organisation's runs of the key's mode, newest first, one page at a time, read from the run
   * list on the run-processor owning the organisation.
   */
  @GetMapping
  ListPage<RunResource> list(
      Caller caller,
      @RequestParam MultiValueMap<String, String> query,
      HttpServletResponse response) {
    return queries
        .runs(caller.orgId(), caller.mode(), ListRunsRequest.parse(query))
        .shownOn(response)
        .map(photos::mint);
  }

  /**
   * The run with every answer. Passed through as the run-processor writes it, unless it has photos,
   * whose references become URLs signed now. Written straight to the response: the bytes are JSON
   * already, and choosing a converter for them cost a read a tenth of the API's time.
   */
  @GetMapping("/{runId}")
  void get(Caller caller, RunId runId, HttpServletResponse response) throws IOException {
    byte[] run = queries.runJson(caller.orgId(), caller.mode(), runId).shownOn(response);
    // Read as Latin-1, the bytes are copied, not decoded: enough to find an ASCII key in UTF-8.
    if (new String(run, StandardCharsets.ISO_8859_1).contains(PHOTO_REFERENCE)) {
      run =
          Json.mapper()
              .writeValueAsBytes(photos.mint(Json.mapper().readValue(run, RunResource.class)));
    }
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setContentLength(run.length);
    response.getOutputStream().write(run);
  }

  /** Changes the expiry, the reference or the metadata of a run; emits {@code run.updated}. */
  @PatchMapping(path = "/{runId}", consumes = MediaType.APPLICATION_JSON_VALUE)
  RunResource update(Caller caller, RunId runId, @RequestBody JsonNode body) {
    RunCommand.RunChanges changes = UpdateRunRequest.parse(body);
    // run-stage refuses another organisation's run (404) in the change's own transaction: no read
    // first, which would cost as much as the change.
    return photos.mint(
        commands.send(
            new RunCommand.UpdateRun(runId, caller.orgId(), caller.mode(), changes),
            RunResource.class));
  }

  /** Calls off an unfinished run; the body, optional, says why. */
  @PostMapping("/{runId}/cancel")
  RunResource cancel(
      Caller caller, RunId runId, @RequestBody(required = false) CancelRunRequest request) {
    String reason = request == null ? null : request.cancellationReason();
    return photos.mint(
        commands.send(
            new RunCommand.CancelRun(runId, caller.orgId(), caller.mode(), reason),
            RunResource.class));
  }

  /** No authentication: the run id is the credential. An expired run is gone. */
  @GetMapping("/{runId}/preview")
  RunPreview preview(RunId runId, HttpServletResponse response) {
    RunPreview preview = lookup(runId).shownOn(response).preview();
    if (preview.status() == RunStatus.EXPIRED) {
      throw ApiException.gone("Run " + runId + " expired at " + preview.expiresAt() + ".");
    }
    return preview;
  }

  private Read<RunLookup> lookup(RunId runId) {
    return queries.run(runId, Freshness.MAY_LAG);
  }
}
