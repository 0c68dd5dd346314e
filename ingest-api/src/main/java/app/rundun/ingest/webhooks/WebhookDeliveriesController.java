package app.rundun.ingest.webhooks;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.lists.ListPage;
import app.rundun.contracts.lists.Paging;
import app.rundun.contracts.runs.RunId;
import app.rundun.contracts.runs.RunLookup;
import app.rundun.contracts.webhooks.Redelivery;
import app.rundun.contracts.webhooks.WebhookAttempt;
import app.rundun.ingest.auth.Caller;
import app.rundun.ingest.commands.CommandBus;
import app.rundun.ingest.queries.Freshness;
import app.rundun.ingest.queries.ProcessorQueries;
import app.rundun.ingest.queries.Read;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/runs/:id/webhook_deliveries}: every attempt, and redelivery of a failed event. */
@RestController
@RequestMapping(
    path = "/v1/runs/{runId}/webhook_deliveries",
    produces = MediaType.APPLICATION_JSON_VALUE)
class WebhookDeliveriesController {

  private final ProcessorQueries queries;
  private final CommandBus commands;

  WebhookDeliveriesController(ProcessorQueries queries, CommandBus commands) {
    this.queries = queries;
    this.commands = commands;
  }

  /** The attempts of the run's deliveries, oldest first, a page at a time. */
  @GetMapping
  ListPage<WebhookAttempt> list(
      Caller caller,
      RunId runId,
      @RequestParam MultiValueMap<String, String> query,
      HttpServletResponse response) {
    Paging paging = Paging.readOnly(query);
    RunId run = owned(caller, runId, Freshness.MAY_LAG).shownOn(response);
    return paging.page(
        queries.webhookAttempts(run, Freshness.MAY_LAG).shownOn(response), WebhookAttempt::id);
  }

  /**
   * Delivers a failed (or stopped) event to the run's own webhook again, from its first attempt; an
   * account endpoint's failures are sent again with its {@code recover}.
   */
  @PostMapping("/{eventId}/redeliver")
  @ResponseStatus(HttpStatus.ACCEPTED)
  RedeliveryAccepted redeliver(Caller caller, RunId runId, @PathVariable String eventId) {
    RunId run = owned(caller, runId, Freshness.CURRENT).value();
    List<WebhookAttempt> attempts =
        queries.webhookAttempts(run, Freshness.CURRENT).value().stream()
            .filter(a -> a.eventId().equals(eventId) && a.endpointId() == null)
            .toList();
    if (attempts.isEmpty()) {
      throw ApiException.notFound("webhook delivery", eventId);
    }
    WebhookAttempt last = attempts.getLast();
    if (last.outcome() != WebhookAttempt.Outcome.FAILED
        && last.outcome() != WebhookAttempt.Outcome.STOPPED) {
      throw ApiException.conflict(
          "Event "
              + eventId
              + " is "
              + last.outcome().name().toLowerCase(java.util.Locale.ROOT)
              + "; only a failed or stopped delivery can be redelivered.");
    }
    commands.publish(new Redelivery(run.value(), eventId));
    return new RedeliveryAccepted(eventId, "scheduled");
  }

  private Read<RunId> owned(Caller caller, RunId runId, Freshness freshness) {
    Read<RunLookup> lookup = queries.ownedRun(caller.orgId(), caller.mode(), runId, freshness);
    return new Read<>(lookup.value().run().runId(), lookup.stale());
  }

  /** A redelivery that is on its way. */
  record RedeliveryAccepted(String eventId, String status) {}
}
