package app.rundun.ingest.apikeys;

import app.rundun.contracts.commands.OrgCommand;
import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.errors.ErrorCode;
import app.rundun.contracts.errors.PrefixedIds;
import app.rundun.contracts.lists.ListPage;
import app.rundun.contracts.lists.Paging;
import app.rundun.contracts.organisations.ApiKeyResource;
import app.rundun.contracts.organisations.ApiKeys;
import app.rundun.contracts.organisations.Mode;
import app.rundun.ingest.auth.ApiKeyCache;
import app.rundun.ingest.auth.Caller;
import app.rundun.ingest.commands.CommandBus;
import app.rundun.ingest.queries.ProcessorQueries;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/api_keys}: the organisation's keys, managed with one of its unrestricted keys. */
@RestController
@RequestMapping(path = "/v1/api_keys", produces = MediaType.APPLICATION_JSON_VALUE)
class ApiKeysController {

  private static final Duration ACTIVE_WITHIN = Duration.ofSeconds(10);

  private final CommandBus commands;
  private final ProcessorQueries queries;
  private final ApiKeyCache keys;
  private final Clock clock;

  ApiKeysController(CommandBus commands, ProcessorQueries queries, ApiKeyCache keys, Clock clock) {
    this.commands = commands;
    this.queries = queries;
    this.keys = keys;
    this.clock = clock;
  }

  @GetMapping
  ListPage<ApiKeyResource> list(
      Caller caller,
      @RequestParam MultiValueMap<String, String> query,
      HttpServletResponse response) {
    return Paging.readOnly(query)
        .page(queries.apiKeys(caller.orgId()).shownOn(response), ApiKeyResource::keyId);
  }

  /** The secret is in this answer only; Rundun keeps its hash. */
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  ApiKeyResource create(Caller caller, @RequestBody ApiKeyRequests.CreateApiKey request) {
    Mode mode = request.modeFor(caller.mode());
    String key = ApiKeys.generate(mode);
    ApiKeyResource issued =
        commands.send(
            new OrgCommand.IssueApiKey(
                caller.orgId(),
                PrefixedIds.mint("key"),
                ApiKeys.hash(key),
                mode,
                request.requiredName(),
                request.validScopes()),
            ApiKeyResource.class);
    return active(key, issued);
  }

  /** A new key in the old one's place; the old one works until the overlap ends. */
  @PostMapping(path = "/{keyId}/roll", consumes = MediaType.APPLICATION_JSON_VALUE)
  ApiKeyResource roll(
      Caller caller,
      @PathVariable String keyId,
      @RequestBody(required = false) ApiKeyRequests.RollApiKey request) {
    Duration overlap = request == null ? ApiKeyRequests.DEFAULT_OVERLAP : request.overlap();
    String key = ApiKeys.generate(caller.mode());
    ApiKeyResource rolled =
        commands.send(
            new OrgCommand.RollApiKey(
                caller.orgId(),
                known(keyId),
                new OrgCommand.NewKey(PrefixedIds.mint("key"), ApiKeys.hash(key)),
                clock.instant().plus(overlap)),
            ApiKeyResource.class);
    return active(key, rolled);
  }

  @PostMapping("/{keyId}/revoke")
  ApiKeyResource revoke(Caller caller, @PathVariable String keyId) {
    return commands.send(
        new OrgCommand.RevokeApiKey(caller.orgId(), known(keyId)), ApiKeyResource.class);
  }

  /** Answers once this instance knows the new key, so it works at once when used here. */
  private ApiKeyResource active(String key, ApiKeyResource issued) {
    if (!keys.awaitKnown(ApiKeys.hash(key), ACTIVE_WITHIN)) {
      throw new ApiException(
          ErrorCode.UNAVAILABLE, "The key was issued but is not active yet; retry shortly.", null);
    }
    return issued.withKey(key);
  }

  private static String known(String keyId) {
    if (!PrefixedIds.isValid("key", keyId)) {
      throw ApiException.notFound("API key", keyId);
    }
    return keyId;
  }
}
