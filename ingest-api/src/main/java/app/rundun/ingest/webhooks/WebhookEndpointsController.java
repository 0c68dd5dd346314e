package app.rundun.ingest.webhooks;

import app.rundun.contracts.commands.OrgCommand;
import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.errors.PrefixedIds;
import app.rundun.contracts.lists.ListPage;
import app.rundun.contracts.lists.Paging;
import app.rundun.contracts.webhooks.AddressPolicy;
import app.rundun.contracts.webhooks.DeletedWebhookEndpoint;
import app.rundun.contracts.webhooks.Recovery;
import app.rundun.contracts.webhooks.SecretBox;
import app.rundun.contracts.webhooks.WebhookEndpointResource;
import app.rundun.ingest.auth.Caller;
import app.rundun.ingest.commands.CommandBus;
import app.rundun.ingest.queries.ProcessorQueries;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/webhook_endpoints}: the organisation's account webhooks, per mode. Every matching
 * event of the organisation's runs goes to each enabled endpoint, beside a run's own webhook. A
 * secret is shown once, when it is made.
 */
@RestController
@RequestMapping(path = "/v1/webhook_endpoints", produces = MediaType.APPLICATION_JSON_VALUE)
class WebhookEndpointsController {

  private static final String ID_PREFIX = "we";

  private final CommandBus commands;
  private final ProcessorQueries queries;
  private final AddressPolicy addresses;
  private final SecretBox secrets;
  private final Clock clock;

  WebhookEndpointsController(
      CommandBus commands,
      ProcessorQueries queries,
      AddressPolicy addresses,
      SecretBox secrets,
      Clock clock) {
    this.clock = clock;
    this.commands = commands;
    this.queries = queries;
    this.addresses = addresses;
    this.secrets = secrets;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  WebhookEndpointResource create(Caller caller, @RequestBody EndpointRequests.Create request) {
    String secret = WebhookFields.secretOrNew(request.secret(), "secret");
    WebhookEndpointResource created =
        commands.send(
            new OrgCommand.CreateWebhookEndpoint(
                caller.orgId(),
                caller.mode(),
                PrefixedIds.mint(ID_PREFIX),
                request.fields(addresses),
                secrets.seal(secret)),
            WebhookEndpointResource.class);
    return created.showing(secret);
  }

  /** The organisation's endpoints in the key's mode, newest first, a page at a time. */
  @GetMapping
  ListPage<WebhookEndpointResource> list(
      Caller caller,
      @RequestParam MultiValueMap<String, String> query,
      HttpServletResponse response) {
    Paging paging = Paging.readOnly(query);
    return paging.page(
        queries.webhookEndpoints(caller.orgId(), caller.mode()).shownOn(response),
        WebhookEndpointResource::id);
  }

  @GetMapping("/{endpointId}")
  WebhookEndpointResource get(
      Caller caller, @PathVariable String endpointId, HttpServletResponse response) {
    return queries
        .webhookEndpoint(caller.orgId(), caller.mode(), known(endpointId))
        .shownOn(response);
  }

  @PatchMapping(path = "/{endpointId}", consumes = MediaType.APPLICATION_JSON_VALUE)
  WebhookEndpointResource update(
      Caller caller,
      @PathVariable String endpointId,
      @RequestBody EndpointRequests.Update request) {
    return commands.send(
        new OrgCommand.UpdateWebhookEndpoint(
            caller.orgId(), caller.mode(), known(endpointId), request.changes(addresses)),
        WebhookEndpointResource.class);
  }

  @DeleteMapping("/{endpointId}")
  DeletedWebhookEndpoint delete(Caller caller, @PathVariable String endpointId) {
    return commands.send(
        new OrgCommand.DeleteWebhookEndpoint(caller.orgId(), caller.mode(), known(endpointId)),
        DeletedWebhookEndpoint.class);
  }

  /**
   * A new secret, shown in the answer. Until the old one expires ({@code
   * previous_secret_expires_in}, default a day, 0 at once) deliveries are signed with both.
   */
  @PostMapping("/{endpointId}/rotate_secret")
  WebhookEndpointResource rotateSecret(
      Caller caller,
      @PathVariable String endpointId,
      @RequestBody(required = false) EndpointRequests.Rotate request) {
    EndpointRequests.Rotate rotation =
        request == null ? new EndpointRequests.Rotate(null, null) : request;
    String secret = WebhookFields.secretOrNew(rotation.secret(), "secret");
    WebhookEndpointResource rotated =
        commands.send(
            new OrgCommand.RotateWebhookSecret(
                caller.orgId(),
                caller.mode(),
                known(endpointId),
                secrets.seal(secret),
                rotation.previousSecretSeconds()),
            WebhookEndpointResource.class);
    return rotated.showing(secret);
  }

  /**
   * Sends again every delivery to the endpoint that failed for good in the window, each with its
   * original {@code webhook-id}; the dispatchers do it from their schedules, so the answer is 202.
   */
  @PostMapping(path = "/{endpointId}/recover", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  EndpointRequests.RecoveryAccepted recover(
      Caller caller,
      @PathVariable String endpointId,
      @RequestBody EndpointRequests.Recover request,
      HttpServletResponse response) {
    Recovery recovery = request.recovery(caller.orgId(), known(endpointId), clock.instant());
    WebhookEndpointResource endpoint =
        queries.webhookEndpoint(caller.orgId(), caller.mode(), endpointId).shownOn(response);
    if (!endpoint.enabled()) {
      throw ApiException.conflict(
          "Endpoint " + endpointId + " is disabled; enable it before recovering its deliveries.");
    }
    commands.publish(recovery);
    return EndpointRequests.RecoveryAccepted.of(recovery);
  }

  /** An id that is not an endpoint's names nothing: 404, like one that names nothing. */
  private static String known(String endpointId) {
    if (!PrefixedIds.isValid(ID_PREFIX, endpointId)) {
      throw ApiException.notFound("webhook endpoint", endpointId);
    }
    return endpointId;
  }
}
