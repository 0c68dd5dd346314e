package app.rundun.ingest.executor;

import app.rundun.contracts.commands.RunCommand;
import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.errors.ErrorCode;
import app.rundun.contracts.media.PhotoLinks;
import app.rundun.contracts.runs.ExecutorRunView;
import app.rundun.contracts.runs.PhotoRef;
import app.rundun.contracts.runs.RunId;
import app.rundun.contracts.runs.RunLookup;
import app.rundun.contracts.runs.RunStatus;
import app.rundun.contracts.templates.Step;
import app.rundun.ingest.IngestProperties;
import app.rundun.ingest.auth.SignedInMember;
import app.rundun.ingest.commands.CommandBus;
import app.rundun.ingest.media.Photos;
import app.rundun.ingest.members.SignIn;
import app.rundun.ingest.queries.Freshness;
import app.rundun.ingest.queries.ProcessorQueries;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/executor/runs/:run_id}: what the executor's app calls. No API key: the run id in the
 * link is the credential, which is why run ids are random v4 UUIDs.
 */
@RestController
@RequestMapping(path = "/v1/executor/runs/{runId}", produces = MediaType.APPLICATION_JSON_VALUE)
class ExecutorController {

  private final CommandBus commands;
  private final ProcessorQueries queries;
  private final Photos photos;
  private final long maxPhotoBytes;

  private final SignIn signIn;
  private final PhotoLinks links;

  ExecutorController(
      CommandBus commands,
      ProcessorQueries queries,
      Photos photos,
      IngestProperties properties,
      SignIn signIn,
      PhotoLinks links) {
    this.commands = commands;
    this.links = links;
    this.queries = queries;
    this.photos = photos;
    this.signIn = signIn;
    this.maxPhotoBytes = properties.maxPhoto().toBytes();
  }

  @GetMapping
  ExecutorRunView get(RunId runId, HttpServletResponse response) {
    ExecutorRunView view = queries.run(runId, Freshness.MAY_LAG).shownOn(response).executor();
    if (view.status() == RunStatus.EXPIRED) {
      throw ApiException.gone("Run " + runId + " expired at " + view.expiresAt() + ".");
    }
    return links.mint(view);
  }

  /** A member of the run's organisation signs in; the answer's token goes with every call. */
  @PostMapping(path = "/sign_in", consumes = MediaType.APPLICATION_JSON_VALUE)
  SignIn.SignedIn signIn(
      RunId runId, @RequestBody ExecutorRequests.SignIn body, HttpServletRequest request) {
    return signIn.signIn(runId, body.email(), body.password(), request.getRemoteAddr());
  }

  @PostMapping("/open")
  ExecutorRunView open(
      RunId runId, Holder holder, @RequestBody(required = false) ExecutorRequests.Open body) {
    ExecutorRequests.Open open = body == null ? new ExecutorRequests.Open(null, null) : body;
    String memberId = SignedInMember.current().map(SignedInMember::userId).orElse(null);
    return send(
        new RunCommand.OpenRun(runId, open.name(), open.email(), memberId, holder.required()));
  }

  @PutMapping(path = "/steps/{stepId}/answer", consumes = MediaType.APPLICATION_JSON_VALUE)
  ExecutorRunView answer(
      RunId runId,
      @PathVariable String stepId,
      Holder holder,
      @RequestBody ExecutorRequests.Answer answer) {
    List<PhotoRef> refs = new ArrayList<>();
    List<String> photoIds = answer.photos() == null ? List.of() : answer.photos();
    for (int i = 0; i < photoIds.size(); i++) {
      refs.add(photos.resolve(runId, stepId, photoIds.get(i), i));
    }
    return send(
        new RunCommand.AnswerStep(runId, stepId, answer.value(), refs, answer.geo(), holder.id()));
  }

  @PostMapping("/steps/{stepId}/skip")
  ExecutorRunView skip(RunId runId, @PathVariable String stepId, Holder holder) {
    return send(new RunCommand.SkipStep(runId, stepId, holder.id()));
  }

  /** The raw image as the body, e.g. {@code Content-Type: image/jpeg}; up to 15 MB. */
  @PostMapping(
      path = "/steps/{stepId}/photos",
      consumes = {"image/jpeg", "image/png", "image/webp"})
  @ResponseStatus(HttpStatus.CREATED)
  Photos.UploadedPhoto upload(
      RunId runId, @PathVariable String stepId, Holder holder, HttpServletRequest request)
      throws IOException {
    RunLookup lookup = queries.run(runId, Freshness.CURRENT).value();
    ExecutorRunView run = lookup.executor();
    if (run.status() == RunStatus.EXPIRED) {
      throw ApiException.gone("Run " + runId + " expired at " + run.expiresAt() + ".");
    }
    if (run.status() != RunStatus.IN_PROGRESS) {
      throw ApiException.conflict(
          "Run " + runId + " is " + run.status().wire() + "; photos go to a run in progress.");
    }
    if (!lookup.heldBy(holder.id())) {
      throw ApiException.conflict("This run is already in progress on another device.");
    }
    Step step =
        run.steps().stream()
            .filter(s -> s.id().equals(stepId))
            .findFirst()
            .orElseThrow(() -> ApiException.notFound("step", stepId));
    if (step.photos().max() == 0) {
      throw ApiException.invalid("step_id", "Step " + stepId + " takes no photos.");
    }
    byte[] bytes;
    try (InputStream body = request.getInputStream()) {
      bytes = body.readNBytes((int) maxPhotoBytes + 1);
    }
    if (bytes.length > maxPhotoBytes) {
      throw new ApiException(
          ErrorCode.INVALID_REQUEST,
          413,
          "A photo is at most " + (maxPhotoBytes / (1024 * 1024)) + " MB.",
          "photo");
    }
    if (bytes.length == 0) {
      throw ApiException.invalid("photo", "The body is the photo; it was empty.");
    }
    return photos.store(runId, stepId, bytes);
  }

  @PostMapping("/submit")
  ExecutorRunView submit(RunId runId, Holder holder) {
    return send(new RunCommand.SubmitRun(runId, holder.id()));
  }

  @PostMapping("/exit")
  ExecutorRunView exit(RunId runId, Holder holder) {
    return send(new RunCommand.ExitRun(runId, holder.id()));
  }

  /** Applies an executor's command; the run comes back with its photos as URLs signed now. */
  private ExecutorRunView send(RunCommand command) {
    return links.mint(commands.send(command, ExecutorRunView.class));
  }
}
