package app.rundun.processor.query;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.events.EventListQuery;
import app.rundun.contracts.events.EventPointer;
import app.rundun.contracts.json.Json;
import app.rundun.contracts.lists.ListPage;
import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.contracts.queries.InternalPaths;
import app.rundun.processor.eventlog.EventLog;
import app.rundun.processor.eventlog.EventReader;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The internal reads of an organisation's event log, on the instance owning the organisation
 * ({@link LocalAnswers}): the page is read from the log, and its events from the topic.
 */
@RestController
class EventQueries {

  private final Owner owner;
  private final LocalAnswers answers;
  private final EventReader reader;

  EventQueries(Owner owner, LocalAnswers answers, EventReader reader) {
    this.owner = owner;
    this.answers = answers;
    this.reader = reader;
  }

  /** A page of the log; the query is the API's parsed {@link EventListQuery}, as JSON. */
  @GetMapping(InternalPaths.ORG_EVENTS)
  Answer events(OrgId org, Mode mode, @RequestParam String query, HttpServletRequest request) {
    EventListQuery parsed = Json.mapper().readValue(query, EventListQuery.class);
    return answers.answer(
        EventLog.STORE,
        org.value(),
        request,
        located -> {
          ListPage<EventPointer> page = log(located).page(org, mode, parsed);
          return new ListPage<>(reader.read(page.data()), page.hasMore());
        });
  }

  @GetMapping(InternalPaths.ORG_EVENT)
  Answer event(OrgId org, @PathVariable String eventId, Mode mode, HttpServletRequest request) {
    return answers.answer(
        EventLog.STORE,
        org.value(),
        request,
        located -> {
          EventPointer pointer =
              log(located)
                  .get(org, mode, eventId)
                  .orElseThrow(() -> ApiException.notFound("event", eventId));
          return reader.read(List.of(pointer)).stream()
              .findFirst()
              .orElseThrow(() -> ApiException.notFound("event", eventId));
        });
  }

  private EventLog log(Owner.Located located) {
    return new EventLog(
        owner.<EventPointer>localStore(EventLog.STORE, located),
        owner.<String>localStore(EventLog.RUNS_STORE, located),
        owner.<String>localStore(EventLog.IDS_STORE, located));
  }
}
