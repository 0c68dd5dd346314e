package app.rundun.contracts.organisations;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.OptionalInt;

/** The plans and the runs each includes per calendar month (UTC). */
public enum Plan {
  @JsonProperty("starter")
  STARTER("Starter", 30),
  @JsonProperty("team")
  TEAM("Team", 500),
  @JsonProperty("business")
  BUSINESS("Business", 5_000),
  @JsonProperty("enterprise")
  ENTERPRISE("Enterprise", -1);

  private final String displayName;
  private final int runsIncluded;

  Plan(String displayName, int runsIncluded) {
    this.displayName = displayName;
    this.runsIncluded = runsIncluded;
  }

  public String displayName() {
    return displayName;
  }

  /** Empty for a plan without a limit. */
  public OptionalInt runsIncluded() {
    return runsIncluded < 0 ? OptionalInt.empty() : OptionalInt.of(runsIncluded);
  }
}
