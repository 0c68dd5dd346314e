package app.rundun.contracts.runs;

import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.contracts.templates.TemplateId;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run without its template snapshot: everything its run object shows, with photos as object keys
 * (URLs are minted when it is read). The run stage sends one on {@code rundun.runs-by-org} after
 * every change, and the organisation's run list keeps the latest.
 *
 * @param sequence the run's place among the organisation's runs, counted by the organisation stage
 *     at creation: the list's order, so that runs created during a walk never land behind it
 * @param answers in the template's step order
 * @param skippedSteps in the template's step order
 * @param hiddenSteps the steps to answer that the answers so far hide by their {@code show_if}, in
 *     step order (empty for entries written before conditions existed)
 */
public record ListedRun(
    RunId runId,
    OrgId orgId,
    Mode mode,
    long sequence,
    TemplateId templateId,
    int templateV,
    int answerableSteps,
    RunStatus status,
    String executorRef,
    Metadata metadata,
    Instant createdAt,
    Instant updatedAt,
    Instant completedAt,
    Instant expiresAt,
    String assignedTo,
    ExecutorIdentity executorIdentity,
    Map<String, RecordedAnswer> answers,
    List<String> skippedSteps,
    List<String> hiddenSteps,
    CancelledBy cancelledBy,
    String cancellationReason) {

  public ListedRun {
    answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    skippedSteps = List.copyOf(skippedSteps);
    hiddenSteps = hiddenSteps == null ? List.of() : List.copyOf(hiddenSteps);
    metadata = metadata == null ? Metadata.NONE : metadata;
  }

  /** The status as of {@code now}: expiry holds at its exact time on every read. */
  public RunStatus statusAt(Instant now) {
    return status.at(expiresAt, now);
  }
}
