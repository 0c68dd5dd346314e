package app.rundun.contracts.runs;

import app.rundun.contracts.lists.Paging;
import app.rundun.contracts.lists.TimeRange;
import app.rundun.contracts.templates.TemplateId;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /v1/runs}, parsed: a page (its cursors are run ids) and filters that must all hold.
 * The API builds it from the query string; the run-processor owning the organisation's run list
 * answers it.
 *
 * @param statuses any of these (the status as of the read); empty for any status
 */
public record RunListQuery(
    Paging paging,
    Set<RunStatus> statuses,
    TemplateId templateId,
    String executorRef,
    String assignedTo,
    TimeRange created,
    TimeRange updated,
    Map<String, String> metadata) {

  public RunListQuery {
    paging = paging == null ? new Paging(Paging.DEFAULT_LIMIT, null, null) : paging;
    statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    created = created == null ? TimeRange.ANY : created;
    updated = updated == null ? TimeRange.ANY : updated;
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
  }

  /** Whether the run passes every filter, its status taken as of {@code now}. */
  public boolean matches(ListedRun run, Instant now) {
    return (statuses.isEmpty() || statuses.contains(run.statusAt(now)))
        && (templateId == null || templateId.equals(run.templateId()))
        && (executorRef == null || executorRef.equals(run.executorRef()))
        && (assignedTo == null || assignedTo.equals(run.assignedTo()))
        && created.contains(run.createdAt())
        && updated.contains(run.updatedAt())
        && run.metadata().containsAll(metadata);
  }
}
