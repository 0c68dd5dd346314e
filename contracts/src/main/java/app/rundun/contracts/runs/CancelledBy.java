package app.rundun.contracts.runs;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Who called a cancelled run off: the executor leaving it, or the integrator cancelling it. */
public enum CancelledBy {
  @JsonProperty("executor")
  EXECUTOR,
  @JsonProperty("integrator")
  INTEGRATOR
}
