package app.rundun.contracts.templates;

import app.rundun.contracts.errors.ApiException;
import tools.jackson.databind.JsonNode;

/** A whole-number rating from 1 to {@code scale}. */
public record RatingStep(
    String id,
    String title,
    String description,
    Boolean required,
    PhotoRule photos,
    GeoRule geo,
    Integer scale,
    Condition showIf)
    implements Step {

  public static final int DEFAULT_SCALE = 5;

  public RatingStep {
    required = Defaults.required(required);
    photos = Defaults.photos(photos);
    geo = Defaults.geo(geo);
    scale = scale == null ? DEFAULT_SCALE : scale;
  }

  @Override
  public void validateSettings(String param) {
    if (scale < 2 || scale > 10) {
      throw ApiException.invalid(param + ".scale", "Step " + id + " needs a scale from 2 to 10.");
    }
  }

  @Override
  public void checkValue(JsonNode value, String param) {
    if (value == null
        || !value.isIntegralNumber()
        || value.asLong() < 1
        || value.asLong() > scale) {
      throw ApiException.invalid(
          param, "Step " + id + " expects a whole number from 1 to " + scale + ".");
    }
  }
}
