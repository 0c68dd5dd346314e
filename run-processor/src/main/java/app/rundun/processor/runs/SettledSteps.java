package app.rundun.processor.runs;

import app.rundun.contracts.runs.RecordedAnswer;
import app.rundun.contracts.templates.Step;
import app.rundun.contracts.templates.StepVisibility;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A run's answers and skipped steps after a change, in the template's step order, with the steps
 * the answers now hide taken out: the server decides with {@link StepVisibility}, as the app does.
 *
 * @param hidden the answerable steps the answers hide: neither asked, required nor counted
 * @param dropped the hidden steps that had been answered or skipped: each is announced, never lost
 *     silently
 */
record SettledSteps(
    Map<String, RecordedAnswer> answers,
    Set<String> skipped,
    Set<String> hidden,
    List<String> dropped) {

  SettledSteps {
    answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    skipped = Collections.unmodifiableSet(new LinkedHashSet<>(skipped));
    hidden = Collections.unmodifiableSet(new LinkedHashSet<>(hidden));
    dropped = List.copyOf(dropped);
  }

  static SettledSteps of(
      List<Step> steps, Map<String, RecordedAnswer> answers, Set<String> skipped) {
    Map<String, JsonNode> values = new LinkedHashMap<>();
    answers.forEach((stepId, answer) -> values.put(stepId, answer.value()));
    Set<String> hiding = StepVisibility.hidden(steps, values);
    Map<String, RecordedAnswer> keptAnswers = new LinkedHashMap<>();
    Set<String> keptSkipped = new LinkedHashSet<>();
    Set<String> hidden = new LinkedHashSet<>();
    List<String> dropped = new ArrayList<>();
    for (Step step : steps) {
      String id = step.id();
      boolean done = answers.containsKey(id) || skipped.contains(id);
      if (hiding.contains(id)) {
        if (step.answerable()) {
          hidden.add(id);
        }
        if (done) {
          dropped.add(id);
        }
        continue;
      }
      if (answers.containsKey(id)) {
        keptAnswers.put(id, answers.get(id));
      }
      if (skipped.contains(id)) {
        keptSkipped.add(id);
      }
    }
    return new SettledSteps(keptAnswers, keptSkipped, hidden, dropped);
  }
}
