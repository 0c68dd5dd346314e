package app.rundun.contracts.members;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Invited (no password yet), active, or deactivated (can no longer sign in). */
public enum MemberStatus {
  @JsonProperty("invited")
  INVITED,
  @JsonProperty("active")
  ACTIVE,
  @JsonProperty("deactivated")
  DEACTIVATED
}
