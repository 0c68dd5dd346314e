package app.rundun.processor.runs;

import app.rundun.contracts.commands.RunCommand;
import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.runs.CancelledBy;
import app.rundun.contracts.runs.Metadata;
import java.time.Duration;
import java.time.Instant;

/** What the integrator sets on a run, and who called it off: what {@code PATCH} may change. */
record IntegratorFields(
    String executorRef,
    Metadata metadata,
    Instant expiresAt,
    CancelledBy cancelledBy,
    String cancellationReason) {

  static final int MAX_REFERENCE = 200;
  static final Duration MAX_EXPIRY = Duration.ofDays(365);

  static IntegratorFields of(Run run) {
    return new IntegratorFields(
        run.executorRef(),
        run.metadata(),
        run.expiresAt(),
        run.cancelledBy(),
        run.cancellationReason());
  }

  /** These fields of a run called off, by whom and why. */
  IntegratorFields cancelledBy(CancelledBy by, String reason) {
    return new IntegratorFields(executorRef, metadata, expiresAt, by, reason);
  }

  /**
   * These fields with the integrator's changes: a new expiry only to a time ahead of now (at most a
   * year), a new reference ({@code ""} removes it), metadata ({@code ""} removes a key). Whether
   * the run may still take a new expiry is the run's to say.
   */
  IntegratorFields apply(RunCommand.RunChanges changes, Instant now) {
    Instant nextExpiry = expiresAt;
    if (changes.expiry() != null) {
      nextExpiry = changes.expiry().at();
      if (nextExpiry != null
          && (!nextExpiry.isAfter(now) || nextExpiry.isAfter(now.plus(MAX_EXPIRY)))) {
        throw ApiException.invalid(
            "expires_at", "expires_at is a time after now and at most a year ahead.");
      }
    }
    String nextReference = executorRef;
    if (changes.executorRef() != null) {
      if (changes.executorRef().length() > MAX_REFERENCE) {
        throw ApiException.invalid(
            "executor_ref", "executor_ref is up to " + MAX_REFERENCE + " characters.");
      }
      nextReference = changes.executorRef().isEmpty() ? null : changes.executorRef();
    }
    return new IntegratorFields(
        nextReference,
        metadata.with(changes.metadata()),
        nextExpiry,
        cancelledBy,
        cancellationReason);
  }
}
