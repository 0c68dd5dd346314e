package app.rundun.contracts.templates;

import app.rundun.contracts.errors.ApiException;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * A step's {@code show_if}: a test of earlier steps' answers, either one test of one step ({@code
 * step} with exactly one of {@code equals}, {@code in}, {@code gt}, {@code gte}, {@code lt}, {@code
 * lte}, {@code answered}) or a combination ({@code all} or {@code any}). A step nobody answered
 * meets no test but {@code "answered": false}. The executor's app decides with the same rules
 * ({@code app/conditions.js}); both are tested against one file of cases.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Condition(
    String step,
    @JsonProperty("equals") JsonNode equalTo,
    @JsonProperty("in") List<String> oneOf,
    BigDecimal gt,
    BigDecimal gte,
    BigDecimal lt,
    BigDecimal lte,
    Boolean answered,
    List<Condition> all,
    List<Condition> any) {

  static final int MAX_DEPTH = 4;
  static final int MAX_TESTS = 20;

  public Condition {
    // An absent equals reads as JSON null: no condition tests for null, so both mean "not given".
    equalTo = equalTo == null || equalTo.isNull() ? null : equalTo;
    oneOf = oneOf == null ? null : List.copyOf(oneOf);
    all = all == null ? null : List.copyOf(all);
    any = any == null ? null : List.copyOf(any);
  }

  /** Whether the answers given so far, by step id, meet this condition. */
  public boolean test(Map<String, JsonNode> answers) {
    if (all != null) {
      return all.stream().allMatch(each -> each.test(answers));
    }
    if (any != null) {
      return any.stream().anyMatch(each -> each.test(answers));
    }
    if (answered != null) {
      return answers.containsKey(step) == answered;
    }
    JsonNode value = answers.get(step);
    if (value == null || value.isNull()) {
      return false;
    }
    if (equalTo != null) {
      return value.isNumber() && equalTo.isNumber()
          ? value.decimalValue().compareTo(equalTo.decimalValue()) == 0
          : value.equals(equalTo);
    }
    if (oneOf != null) {
      return value.isArray()
          ? value.valueStream().anyMatch(chosen -> oneOf.contains(chosen.asString()))
          : value.isString() && oneOf.contains(value.asString());
    }
    if (!value.isNumber()) {
      return false;
    }
    int order = value.decimalValue().compareTo(bound());
    return gt != null ? order > 0 : gte != null ? order >= 0 : lt != null ? order < 0 : order <= 0;
  }

  /**
   * Refuses a condition that names a step not before {@code index}, does not fit the type of the
   * step it names, or could never be met.
   */
  void validate(String param, List<Step> steps, int index) {
    validate(param, steps, index, 1, new int[] {0});
  }

  private void validate(String param, List<Step> steps, int index, int depth, int[] tests) {
    if (depth > MAX_DEPTH) {
      throw ApiException.invalid(param, "Conditions nest at most " + MAX_DEPTH + " deep.");
    }
    List<Condition> group = all != null ? all : any;
    if (group != null) {
      if (all != null && any != null || step != null || operators() > 0) {
        throw ApiException.invalid(
            param, "A condition with all or any has nothing else beside it.");
      }
      if (group.isEmpty()) {
        throw ApiException.invalid(param, "all and any need at least one condition.");
      }
      for (int i = 0; i < group.size(); i++) {
        String at = param + (all != null ? ".all[" : ".any[") + i + "]";
        if (group.get(i) == null) {
          throw ApiException.invalid(at, "A condition cannot be null.");
        }
        group.get(i).validate(at, steps, index, depth + 1, tests);
      }
      return;
    }
    if (++tests[0] > MAX_TESTS) {
      throw ApiException.invalid(param, "A step's show_if has at most " + MAX_TESTS + " tests.");
    }
    if (operators() != 1) {
      throw ApiException.invalid(
          param, "A condition has step and exactly one of equals, in, gt, gte, lt, lte, answered.");
    }
    Step named = earlier(param, steps, index);
    if (answered != null) {
      return;
    }
    if (equalTo != null) {
      fitsEquals(param, named);
    } else if (oneOf != null) {
      fitsIn(param, named);
    } else {
      fitsBound(param, named);
    }
  }

  private Step earlier(String param, List<Step> steps, int index) {
    for (int i = 0; i < index; i++) {
      if (steps.get(i).id().equals(step)) {
        if (!steps.get(i).answerable()) {
          throw ApiException.invalid(
              param + ".step", "Step " + step + " is an instruction: it has no answer to test.");
        }
        return steps.get(i);
      }
    }
    throw ApiException.invalid(
        param + ".step",
        step == null
            ? "A condition names the step it tests."
            : "A condition can only test a step before it; " + step + " is not.");
  }

  private void fitsEquals(String param, Step named) {
    if (named instanceof MultiChoiceStep
        || named instanceof PhotoStep
        || named instanceof SignatureStep) {
      throw ApiException.invalid(
          param + ".equals",
          "Step "
              + step
              + " cannot be tested with equals; use "
              + (named instanceof MultiChoiceStep ? "in." : "answered."));
    }
    try {
      named.checkValue(equalTo, param + ".equals");
    } catch (ApiException e) {
      throw ApiException.invalid(
          param + ".equals", "The condition can never be met: " + e.getMessage());
    }
  }

  private void fitsIn(String param, Step named) {
    List<ChoiceOption> options =
        switch (named) {
          case SingleChoiceStep single -> single.options();
          case MultiChoiceStep multi -> multi.options();
          default ->
              throw ApiException.invalid(
                  param + ".in", "in tests a choice step; " + step + " is not one.");
        };
    if (oneOf.isEmpty()) {
      throw ApiException.invalid(param + ".in", "in needs at least one option id.");
    }
    for (String option : oneOf) {
      if (!Options.contains(options, option)) {
        throw ApiException.invalid(
            param + ".in", "Step " + step + " has no option " + option + ".");
      }
    }
  }

  private void fitsBound(String param, Step named) {
    BigDecimal lowest;
    BigDecimal highest;
    switch (named) {
      case NumberStep number -> {
        lowest = number.min();
        highest = number.max();
      }
      case RatingStep rating -> {
        lowest = BigDecimal.ONE;
        highest = BigDecimal.valueOf(rating.scale());
      }
      default ->
          throw ApiException.invalid(
              param, "gt, gte, lt and lte test a number or rating step; " + step + " is not one.");
    }
    BigDecimal bound = bound();
    boolean never =
        gt != null && highest != null && bound.compareTo(highest) >= 0
            || gte != null && highest != null && bound.compareTo(highest) > 0
            || lt != null && lowest != null && bound.compareTo(lowest) <= 0
            || lte != null && lowest != null && bound.compareTo(lowest) < 0;
    if (never) {
      throw ApiException.invalid(
          param,
          "The condition can never be met: step "
              + step
              + " takes "
              + (lowest == null ? "any number" : lowest)
              + " to "
              + (highest == null ? "any number" : highest)
              + ".");
    }
  }

  private BigDecimal bound() {
    return Stream.of(gt, gte, lt, lte).filter(Objects::nonNull).findFirst().orElseThrow();
  }

  private int operators() {
    return (int)
        Stream.of(equalTo, oneOf, gt, gte, lt, lte, answered).filter(Objects::nonNull).count();
  }
}
