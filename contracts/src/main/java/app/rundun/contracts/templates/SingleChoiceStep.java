package app.rundun.contracts.templates;

import app.rundun.contracts.errors.ApiException;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** One option out of several, e.g. the fuel level. */
public record SingleChoiceStep(
    String id,
    String title,
    String description,
    Boolean required,
    PhotoRule photos,
    GeoRule geo,
    List<ChoiceOption> options,
    Condition showIf)
    implements Step {

  public SingleChoiceStep {
    required = Defaults.required(required);
    photos = Defaults.photos(photos);
    geo = Defaults.geo(geo);
    options = options == null ? null : List.copyOf(options);
  }

  @Override
  public void validateSettings(String param) {
    Options.validate(options, param, id);
  }

  @Override
  public void checkValue(JsonNode value, String param) {
    String choice = Defaults.text(value, param, id, "one option id");
    if (!Options.contains(options, choice)) {
      throw ApiException.invalid(param, "Step " + id + " has no option " + choice + ".");
    }
  }
}
