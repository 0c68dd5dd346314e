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

  public String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
