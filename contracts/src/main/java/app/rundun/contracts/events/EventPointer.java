package app.rundun.contracts.events;

import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.contracts.runs.RunId;
import java.time.Instant;
import java.util.Objects;

/**
 * Where a run event lies on {@code rundun.run-events}, with what the events API lists and filters
 * it by. The organisation's event log keeps these, not the events: a page is read from the index,
 * and the events themselves from the topic, exactly as written.
 *
 * @param partition the event's partition of {@code rundun.run-events}
 * @param offset the event's offset in that partition
 */
public record EventPointer(
    String eventId,
    String type,
    RunId runId,
    OrgId orgId,
    Mode mode,
    Instant time,
    int partition,
    long offset) {

  public EventPointer {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(time, "time");
    if (partition < 0 || offset < 0) {
      throw new IllegalArgumentException("An event lies at a partition and an offset of 0 or more");
    }
  }
}
