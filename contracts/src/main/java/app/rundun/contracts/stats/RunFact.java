package app.rundun.contracts.stats;

import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.contracts.templates.TemplateId;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Something that happened to a run, as the template statistics count it: the run stage sends one,
 * keyed by template id, in the transaction of the change.
 *
 * @param at when it happened: the day it is counted on
 * @param dispatchedAt when the run was dispatched, for the time to completion
 * @param steps what each step of the version came to; only for {@link Kind#COMPLETED}
 */
public record RunFact(
    TemplateId templateId,
    int templateV,
    OrgId orgId,
    Mode mode,
    Kind kind,
    Instant at,
    Instant dispatchedAt,
    List<StepFact> steps) {

  public RunFact {
    Objects.requireNonNull(templateId, "templateId");
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(dispatchedAt, "dispatchedAt");
    if (templateV < 1) {
      throw new IllegalArgumentException("Template versions start at 1");
    }
    steps = steps == null ? List.of() : List.copyOf(steps);
  }

  /** What happened. */
  public enum Kind {
    @JsonProperty("dispatched")
    DISPATCHED,
    @JsonProperty("opened")
    OPENED,
    @JsonProperty("completed")
    COMPLETED,
    @JsonProperty("cancelled")
    CANCELLED,
    @JsonProperty("expired")
    EXPIRED
  }

  /**
   * One step of a completed run: skipped, or answered with a number, choices, and photos.
   *
   * @param number the answer of a number or rating step; null otherwise
   * @param choices the options chosen on a choice or yes/no step; empty otherwise
   */
  public record StepFact(
      String stepId, boolean skipped, Double number, List<String> choices, int photos) {

    public StepFact {
      Objects.requireNonNull(stepId, "stepId");
      choices = choices == null ? List.of() : List.copyOf(choices);
      if (photos < 0) {
        throw new IllegalArgumentException("A step has 0 photos or more");
      }
    }
  }
}
