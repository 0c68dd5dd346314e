package app.rundun.contracts.runs;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The five statuses of the spec. */
public enum RunStatus {
  @JsonProperty("pending")
  PENDING,
  @JsonProperty("in_progress")
  IN_PROGRESS,
  @JsonProperty("completed")
  COMPLETED,
  @JsonProperty("cancelled")
  CANCELLED,
  @JsonProperty("expired")
  EXPIRED;

  public boolean finished() {
    return this == COMPLETED || this == CANCELLED || this == EXPIRED;
  }

  /**
   * The status as of {@code now}: an unfinished run whose link has expired reads as expired at
   * once, whether or not the expiry has been recorded yet.
   */
  public RunStatus at(java.time.Instant expiresAt, java.time.Instant now) {
    return !finished() && expiresAt != null && !now.isBefore(expiresAt) ? EXPIRED : this;
  }

  public String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
