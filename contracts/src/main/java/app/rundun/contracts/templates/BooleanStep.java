package app.rundun.contracts.templates;

import app.rundun.contracts.errors.ApiException;
import tools.jackson.databind.JsonNode;

/** A yes or no, e.g. "Any damage?". */
public record BooleanStep(
    String id,
    String title,
    String description,
    Boolean required,
    PhotoRule photos,
    GeoRule geo,
    Condition showIf)
    implements Step {

  public BooleanStep {
    required = Defaults.required(required);
    photos = Defaults.photos(photos);
    geo = Defaults.geo(geo);
  }

  @Override
  public void validateSettings(String param) {
    // A yes or no has no settings of its own.
  }

  @Override
  public void checkValue(JsonNode value, String param) {
    if (value == null || !value.isBoolean()) {
      throw ApiException.invalid(param, "Step " + id + " expects true or false.");
    }
  }
}
