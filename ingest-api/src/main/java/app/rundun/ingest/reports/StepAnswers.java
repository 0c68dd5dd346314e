package app.rundun.ingest.reports;

import app.rundun.contracts.templates.BooleanStep;
import app.rundun.contracts.templates.ChoiceOption;
import app.rundun.contracts.templates.MultiChoiceStep;
import app.rundun.contracts.templates.NumberStep;
import app.rundun.contracts.templates.PhotoStep;
import app.rundun.contracts.templates.RatingStep;
import app.rundun.contracts.templates.SignatureStep;
import app.rundun.contracts.templates.SingleChoiceStep;
import app.rundun.contracts.templates.Step;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/** An answer as a person reads it: option labels rather than ids, the unit after a number. */
final class StepAnswers {

  private StepAnswers() {}

  static String text(Step step, JsonNode value) {
    return switch (step) {
      case NumberStep number ->
          value.asString() + (number.unit() == null ? "" : " " + number.unit());
      case BooleanStep yesOrNo -> value.asBoolean() ? "Yes" : "No";
      case SingleChoiceStep single -> label(single.options(), value.asString());
      case MultiChoiceStep multi ->
          value
              .valueStream()
              .map(chosen -> label(multi.options(), chosen.asString()))
              .collect(Collectors.joining(", "));
      case RatingStep rating -> value.asInt() + " of " + rating.scale();
      case PhotoStep photo -> "Photos below";
      case SignatureStep signature -> "Signed (below)";
      default -> value.asString();
    };
  }

  private static String label(List<ChoiceOption> options, String id) {
    return options.stream()
        .filter(option -> option.id().equals(id))
        .map(ChoiceOption::label)
        .findFirst()
        .orElse(id);
  }
}
