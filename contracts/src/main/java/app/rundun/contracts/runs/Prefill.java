package app.rundun.contracts.runs;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.templates.GeoRule;
import app.rundun.contracts.templates.Step;
import app.rundun.contracts.templates.StepVisibility;
import app.rundun.contracts.templates.TemplateDraft;
import app.rundun.contracts.templates.TemplateResource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * An answer the integrator already knows, given on {@code POST /v1/runs}: shown to the executor as
 * answered, and, when {@code locked}, not theirs to change.
 */
public record Prefill(JsonNode value, Boolean locked) {

  public static final int MAX_PREFILLED = TemplateDraft.MAX_STEPS;

  public Prefill {
    locked = locked != null && locked;
  }

  /** The shape of {@code prefill}, before the template is known: ids, and a value for each. */
  public static Map<String, Prefill> checkShape(Map<String, Prefill> prefill) {
    if (prefill == null) {
      return Map.of();
    }
    if (prefill.size() > MAX_PREFILLED) {
      throw ApiException.invalid("prefill", "prefill holds at most " + MAX_PREFILLED + " steps.");
    }
    prefill.forEach((stepId, given) -> {
      if (!Step.STEP_ID.matcher(stepId).matches()) {
        throw ApiException.invalid(
            "prefill", "prefill is keyed by step id; " + stepId + " is not one.");
      }
      if (given == null || given.value() == null || given.value().isNull()) {
        throw ApiException.invalid(
            "prefill." + stepId + ".value", "A prefilled step needs a value.");
      }
    });
    return new LinkedHashMap<>(prefill);
  }

  /**
   * Refuses prefilled answers the template version would refuse from the executor, and those it
   * cannot take without the executor (photos, a location), or that its conditions would hide.
   */
  public static void checkAgainst(Map<String, Prefill> prefill, TemplateResource template) {
    Map<String, Step> steps =
        template.steps().stream().collect(Collectors.toMap(Step::id, Function.identity()));
    prefill.forEach((stepId, given) -> {
      String param = "prefill." + stepId;
      Step step = steps.get(stepId);
      if (step == null) {
        throw ApiException.invalid(param, "The template has no step " + stepId + ".");
      }
      if (!step.answerable() || step.photos().min() > 0 || step.geo() == GeoRule.REQUIRED) {
        throw ApiException.invalid(
            param,
            "Step "
                + stepId
                + " takes a photo, a signature or a location on site; only the executor can answer it.");
      }
      step.checkValue(given.value(), param + ".value");
    });
    Map<String, JsonNode> values = new LinkedHashMap<>();
    prefill.forEach((stepId, given) -> values.put(stepId, given.value()));
    Set<String> hidden = StepVisibility.hidden(template.steps(), values);
    prefill.keySet().stream()
        .filter(hidden::contains)
        .findFirst()
        .ifPresent(stepId -> {
          throw ApiException.invalid(
              "prefill." + stepId,
              "Step " + stepId + " is hidden by its show_if given the other prefilled answers.");
        });
  }
}
