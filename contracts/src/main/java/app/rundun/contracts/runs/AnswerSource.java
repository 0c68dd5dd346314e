package app.rundun.contracts.runs;

import com.fasterxml.jackson.annotation.JsonValue;

/** Who gave an answer: the executor, or the integrator ahead of the run, locked or not. */
public enum AnswerSource {
  EXECUTOR("executor"),
  PREFILL_EDITABLE("prefill_editable"),
  PREFILL_LOCKED("prefill_locked");

  private final String wire;

  AnswerSource(String wire) {
    this.wire = wire;
  }

  @JsonValue
  public String wire() {
    return wire;
  }

  public boolean prefilled() {
    return this != EXECUTOR;
  }

  public boolean locked() {
    return this == PREFILL_LOCKED;
  }

  public static AnswerSource of(Prefill prefill) {
    return prefill.locked() ? PREFILL_LOCKED : PREFILL_EDITABLE;
  }
}
