package app.rundun.contracts.templates;

import app.rundun.contracts.errors.ApiException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Any number of distinct options, e.g. the damaged areas of a car. */
public record MultiChoiceStep(
    String id,
    String title,
    String description,
    Boolean required,
    PhotoRule photos,
    GeoRule geo,
    List<ChoiceOption> options,
    Integer minSelected,
    Integer maxSelected,
    Condition showIf)
    implements Step {

  public MultiChoiceStep {
    required = Defaults.required(required);
    photos = Defaults.photos(photos);
    geo = Defaults.geo(geo);
    options = options == null ? null : List.copyOf(options);
    minSelected = minSelected == null ? 1 : minSelected;
  }

  private int upperBound() {
    return maxSelected == null ? options.size() : maxSelected;
  }

  @Override
  public void validateSettings(String param) {
    Options.validate(options, param, id);
    if (minSelected < 0 || minSelected > upperBound() || upperBound() > options.size()) {
      throw ApiException.invalid(
          param + ".min_selected",
          "Step " + id + " needs 0 <= min_selected <= max_selected <= the number of options.");
    }
  }

  @Override
  public void checkValue(JsonNode value, String param) {
    if (value == null || !value.isArray()) {
      throw ApiException.invalid(param, "Step " + id + " expects an array of option ids.");
    }
    Set<String> seen = new HashSet<>();
    for (JsonNode element : value) {
      String choice = Defaults.text(element, param, id, "an array of option ids");
      if (!Options.contains(options, choice)) {
        throw ApiException.invalid(param, "Step " + id + " has no option " + choice + ".");
      }
      if (!seen.add(choice)) {
        throw ApiException.invalid(param, "Step " + id + " got option " + choice + " twice.");
      }
    }
    if (seen.size() < minSelected || seen.size() > upperBound()) {
      throw ApiException.invalid(
          param, "Step " + id + " takes " + minSelected + " to " + upperBound() + " options.");
    }
  }
}
