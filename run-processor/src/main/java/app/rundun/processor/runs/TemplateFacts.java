package app.rundun.processor.runs;

import app.rundun.contracts.events.RunEventType;
import app.rundun.contracts.runs.ListedRun;
import app.rundun.contracts.runs.RecordedAnswer;
import app.rundun.contracts.stats.RunFact;
import app.rundun.contracts.templates.BooleanStep;
import app.rundun.contracts.templates.MultiChoiceStep;
import app.rundun.contracts.templates.NumberStep;
import app.rundun.contracts.templates.RatingStep;
import app.rundun.contracts.templates.SingleChoiceStep;
import app.rundun.contracts.templates.Step;
import app.rundun.contracts.templates.TemplateResource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/** What a run's event means to its template's statistics, if anything. */
final class TemplateFacts {

  private TemplateFacts() {}

  /**
   * The fact of {@code type} about {@code run} at {@code now}; {@code version} gives the steps,
   * asked for only when the run completed. An expiry counts at the run's {@code expires_at},
   * however late the sweep found it.
   */
  static Optional<RunFact> of(
      RunEventType type, ListedRun run, Instant now, Supplier<TemplateResource> version) {
    RunFact.Kind kind =
        switch (type) {
          case RUN_CREATED -> RunFact.Kind.DISPATCHED;
          case RUN_OPENED -> RunFact.Kind.OPENED;
          case RUN_COMPLETED -> RunFact.Kind.COMPLETED;
          case RUN_CANCELLED -> RunFact.Kind.CANCELLED;
          case RUN_EXPIRED -> RunFact.Kind.EXPIRED;
          default -> null;
        };
    if (kind == null) {
      return Optional.empty();
    }
    Instant at =
        switch (kind) {
          case DISPATCHED -> run.createdAt();
          case COMPLETED -> run.completedAt() == null ? now : run.completedAt();
          case EXPIRED -> run.expiresAt() == null ? now : run.expiresAt();
          default -> now;
        };
    List<RunFact.StepFact> steps =
        kind == RunFact.Kind.COMPLETED ? steps(run, version.get()) : List.of();
    return Optional.of(
        new RunFact(
            run.templateId(),
            run.templateV(),
            run.orgId(),
            run.mode(),
            kind,
            at,
            run.createdAt(),
            steps));
  }

  /** Each step answered or skipped; steps hidden by a condition, or with nothing to answer, not. */
  private static List<RunFact.StepFact> steps(ListedRun run, TemplateResource version) {
    List<RunFact.StepFact> facts = new ArrayList<>();
    for (Step step : version.steps()) {
      RecordedAnswer answer = run.answers().get(step.id());
      if (answer != null) {
        facts.add(
            new RunFact.StepFact(
                step.id(),
                false,
                number(step, answer.value()),
                choices(step, answer.value()),
                answer.photos() == null ? 0 : answer.photos().size()));
      } else if (run.skippedSteps().contains(step.id())) {
        facts.add(new RunFact.StepFact(step.id(), true, null, List.of(), 0));
      }
    }
    return facts;
  }

  private static Double number(Step step, JsonNode value) {
    boolean numeric = step instanceof NumberStep || step instanceof RatingStep;
    return numeric && value != null && value.isNumber() ? value.asDouble() : null;
  }

  private static List<String> choices(Step step, JsonNode value) {
    if (value == null) {
      return List.of();
    }
    return switch (step) {
      case SingleChoiceStep single when value.isString() -> List.of(value.asString());
      case BooleanStep yesNo when value.isBoolean() -> List.of(Boolean.toString(value.asBoolean()));
      case MultiChoiceStep multi when value.isArray() -> {
        List<String> chosen = new ArrayList<>();
        value.forEach(option -> chosen.add(option.asString()));
        yield chosen;
      }
      default -> List.of();
    };
  }
}
