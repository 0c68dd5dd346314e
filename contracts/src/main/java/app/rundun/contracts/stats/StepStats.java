package app.rundun.contracts.stats;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One step over the completed runs of a period: how often it was answered or skipped, the options
 * chosen (a choice or yes/no step; bounded by the step's options), the numbers given (a number or
 * rating step), and the photos per answer.
 *
 * @param skipRate skipped among answered and skipped; null before either
 * @param photosPerAnswer photos taken per answer; null before any answer
 */
public record StepStats(
    long answered,
    long skipped,
    Double skipRate,
    Map<String, Long> choices,
    NumberSummary numbers,
    long photos,
    Double photosPerAnswer) {

  public static final StepStats NONE =
      new StepStats(0, 0, null, Map.of(), NumberSummary.NONE, 0, null);

  public StepStats {
    choices = Collections.unmodifiableMap(new TreeMap<>(choices));
  }

  StepStats plus(RunFact.StepFact step) {
    long nextAnswered = answered + (step.skipped() ? 0 : 1);
    long nextSkipped = skipped + (step.skipped() ? 1 : 0);
    Map<String, Long> nextChoices = new TreeMap<>(choices);
    step.choices().forEach(choice -> nextChoices.merge(choice, 1L, Long::sum));
    NumberSummary nextNumbers = step.number() == null ? numbers : numbers.plus(step.number());
    long nextPhotos = photos + step.photos();
    return new StepStats(
        nextAnswered,
        nextSkipped,
        (double) nextSkipped / (nextAnswered + nextSkipped),
        nextChoices,
        nextNumbers,
        nextPhotos,
        nextAnswered == 0 ? null : (double) nextPhotos / nextAnswered);
  }
}
