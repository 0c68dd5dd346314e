package app.rundun.contracts.templates;

import app.rundun.contracts.errors.ApiException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The body of {@code POST} and {@code PUT /v1/templates}. {@link #validate()} checks every rule of
 * every step before anything is published, so a refused template leaves no trace.
 */
public record TemplateDraft(String name, List<Step> steps, Execution execution) {

  public static final int MAX_STEPS = 200;
  public static final int MAX_NAME = 200;

  public TemplateDraft {
    execution = execution == null ? Execution.DEFAULT : execution;
  }

  public TemplateDraft validate() {
    if (name == null || name.isBlank()) {
      throw ApiException.invalid("name", "A template needs a name.");
    }
    if (name.length() > MAX_NAME) {
      throw ApiException.invalid("name", "A template name is at most " + MAX_NAME + " characters.");
    }
    if (steps == null || steps.isEmpty()) {
      throw ApiException.invalid("steps", "A template needs at least one step.");
    }
    if (steps.size() > MAX_STEPS) {
      throw ApiException.invalid("steps", "A template has at most " + MAX_STEPS + " steps.");
    }
    Set<String> ids = new HashSet<>();
    boolean answerable = false;
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      String param = "steps[" + i + "]";
      if (step == null) {
        throw ApiException.invalid(param, "A step cannot be null.");
      }
      step.validateDefinition(param);
      if (!ids.add(step.id())) {
        throw ApiException.invalid(param + ".id", "Step id " + step.id() + " is used twice.");
      }
      answerable |= step.answerable();
      if (step.showIf() != null) {
        step.showIf().validate(param + ".show_if", steps, i);
      }
    }
    if (!answerable) {
      throw ApiException.invalid("steps", "A template needs at least one step to answer.");
    }
    return this;
  }
}
