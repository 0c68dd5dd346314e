package app.rundun.ingest.admin;

import app.rundun.contracts.commands.OrgCommand;
import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.errors.ErrorCode;
import app.rundun.contracts.errors.PrefixedIds;
import app.rundun.contracts.organisations.ApiKeyResource;
import app.rundun.contracts.organisations.ApiKeys;
import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.contracts.organisations.OrganisationResource;
import app.rundun.contracts.organisations.UsageResource;
import app.rundun.ingest.auth.ApiKeyCache;
import app.rundun.ingest.commands.CommandBus;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /admin/v1}: what the operator does, with the operator token. */
@RestController
@RequestMapping(path = "/admin/v1/organisations", produces = MediaType.APPLICATION_JSON_VALUE)
class AdminController {

  private final CommandBus commands;
  private final ApiKeyCache keys;

  AdminController(CommandBus commands, ApiKeyCache keys) {
    this.commands = commands;
    this.keys = keys;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  OrganisationResource create(@RequestBody AdminRequests.CreateOrganisation request) {
    return commands.send(
        new OrgCommand.CreateOrganisation(OrgId.mint(), request.name(), request.planOrDefault()),
        OrganisationResource.class);
  }

  @PutMapping(path = "/{orgId}/plan", consumes = MediaType.APPLICATION_JSON_VALUE)
  OrganisationResource changePlan(
      @PathVariable String orgId, @RequestBody AdminRequests.ChangePlan request) {
    return commands.send(
        new OrgCommand.ChangePlan(org(orgId), request.required()), OrganisationResource.class);
  }

  @PostMapping(path = "/{orgId}/run_packs", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  UsageResource addRunPack(
      @PathVariable String orgId, @RequestBody AdminRequests.AddRunPack request) {
    return commands.send(
        new OrgCommand.AddRunPack(org(orgId), request.required()), UsageResource.class);
  }

  /** The key is in this answer only; Rundun keeps its hash. */
  @PostMapping(path = "/{orgId}/api_keys", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  ApiKeyResource issueKey(@PathVariable String orgId, @RequestBody AdminRequests.IssueKey request) {
    Mode mode = request.modeOrLive();
    String key = ApiKeys.generate(mode);
    String hash = ApiKeys.hash(key);
    ApiKeyResource issued =
        commands.send(
            new OrgCommand.IssueApiKey(
                org(orgId), PrefixedIds.mint("key"), hash, mode, request.requiredName(), null),
            ApiKeyResource.class);
    if (!keys.awaitKnown(hash, Duration.ofSeconds(10))) {
      throw new ApiException(
          ErrorCode.UNAVAILABLE, "The key was issued but is not active yet; retry shortly.", null);
    }
    return issued.withKey(key);
  }

  @DeleteMapping("/{orgId}/api_keys/{keyId}")
  ApiKeyResource revokeKey(@PathVariable String orgId, @PathVariable String keyId) {
    return commands.send(new OrgCommand.RevokeApiKey(org(orgId), keyId), ApiKeyResource.class);
  }

  private static OrgId org(String orgId) {
    if (!PrefixedIds.isValid("org", orgId)) {
      throw ApiException.notFound("organisation", orgId);
    }
    return new OrgId(orgId);
  }
}
