package app.rundun.contracts.events;

import app.rundun.contracts.lists.Paging;
import app.rundun.contracts.lists.TimeRange;
import java.util.Set;

/**
 * {@code GET /v1/events}, parsed: a page (its cursors are event ids) and filters that must all
 * hold. The API builds it from the query string; the run-processor owning the organisation's event
 * log answers it.
 *
 * @param types any of these event types; empty for every type
 * @param runId only the events of this run, when given
 */
public record EventListQuery(Paging paging, Set<String> types, String runId, TimeRange created) {

  public EventListQuery {
    paging = paging == null ? new Paging(Paging.DEFAULT_LIMIT, null, null) : paging;
    types = types == null ? Set.of() : Set.copyOf(types);
    created = created == null ? TimeRange.ANY : created;
  }

  public boolean matches(EventPointer event) {
    return (types.isEmpty() || types.contains(event.type()))
        && (runId == null || runId.equals(event.runId().value()))
        && created.contains(event.time());
  }
}
