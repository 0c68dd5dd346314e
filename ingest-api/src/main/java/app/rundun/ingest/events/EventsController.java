package app.rundun.ingest.events;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.errors.PrefixedIds;
import app.rundun.contracts.events.RunEvent;
import app.rundun.contracts.lists.ListPage;
import app.rundun.ingest.auth.Caller;
import app.rundun.ingest.queries.ProcessorQueries;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/events} and {@code GET /v1/events/:id}: the organisation's run events of the key's
 * mode, kept 30 days, each exactly the CloudEvent on {@code rundun.run-events} (photos as stable
 * references). Read from the event log on the run-processor owning the organisation.
 */
@RestController
@RequestMapping(path = "/v1/events", produces = MediaType.APPLICATION_JSON_VALUE)
class EventsController {

  private final ProcessorQueries queries;

  EventsController(ProcessorQueries queries) {
    this.queries = queries;
  }

  @GetMapping
  ListPage<RunEvent> list(
      Caller caller,
      @RequestParam MultiValueMap<String, String> query,
      HttpServletResponse response) {
    return queries
        .events(caller.orgId(), caller.mode(), ListEventsRequest.parse(query))
        .shownOn(response);
  }

  @GetMapping("/{eventId}")
  RunEvent get(Caller caller, @PathVariable String eventId, HttpServletResponse response) {
    if (!PrefixedIds.isValid("e", eventId)) {
      throw ApiException.notFound("event", eventId);
    }
    return queries.event(caller.orgId(), caller.mode(), eventId).shownOn(response);
  }
}
