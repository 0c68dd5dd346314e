package app.rundun.contracts.templates;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Which steps of a template the answers so far hide. Steps are decided in order, and a hidden
 * step's answer counts for nothing: a condition on it sees it unanswered, so hiding cascades.
 */
public final class StepVisibility {

  private StepVisibility() {}

  /** The ids of the steps hidden by {@code answers} (answer values by step id), in step order. */
  public static Set<String> hidden(List<Step> steps, Map<String, JsonNode> answers) {
    Map<String, JsonNode> shown = new HashMap<>();
    Set<String> hidden = new LinkedHashSet<>();
    for (Step step : steps) {
      if (step.showIf() != null && !step.showIf().test(shown)) {
        hidden.add(step.id());
      } else if (answers.containsKey(step.id())) {
        shown.put(step.id(), answers.get(step.id()));
      }
    }
    return hidden;
  }
}
