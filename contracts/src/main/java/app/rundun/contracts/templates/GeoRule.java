package app.rundun.contracts.templates;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether a step asks for the executor's location with the answer. */
public enum GeoRule {
  @JsonProperty("off")
  OFF,
  @JsonProperty("optional")
  OPTIONAL,
  @JsonProperty("required")
  REQUIRED
}
