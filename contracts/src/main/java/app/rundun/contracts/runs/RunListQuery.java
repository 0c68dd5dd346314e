package app.rundun.contracts.runs;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.lists.TimeRange;
import app.rundun.contracts.templates.TemplateId;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /v1/runs}, parsed: a page size, at most one cursor, and filters that must all hold.
 * The API builds it from the query string; the run-processor owning the organisation's run list
 * answers it.
 *
 * @param statuses any of these (the status as of the read); empty for any status
 */
public record RunListQuery(
    int limit,
    RunId startingAfter,
    RunId endingBefore,
    Set<RunStatus> statuses,
    TemplateId templateId,
    String executorRef,
    String assignedTo,
    TimeRange created,
    TimeRange updated,
    Map<String, String> metadata) {

  public static final int DEFAULT_LIMIT = 10;
  public static final int MAX_LIMIT = 100;

  public RunListQuery {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ApiException.invalid("limit", "limit is a whole number from 1 to " + MAX_LIMIT + ".");
    }
    if (startingAfter != null && endingBefore != null) {
      throw ApiException.invalid(
          "ending_before", "Give starting_after or ending_before, not both.");
    }
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
