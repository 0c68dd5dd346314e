package app.rundun.contracts.templates;

import app.rundun.contracts.errors.ApiException;
import java.math.BigDecimal;
import tools.jackson.databind.JsonNode;

/** A number, e.g. an odometer reading, with optional bounds, integrality and unit. */
public record NumberStep(
    String id,
    String title,
    String description,
    Boolean required,
    PhotoRule photos,
    GeoRule geo,
    BigDecimal min,
    BigDecimal max,
    Boolean integer,
    String unit,
    Condition showIf)
    implements Step {

  public NumberStep {
    required = Defaults.required(required);
    photos = Defaults.photos(photos);
    geo = Defaults.geo(geo);
    integer = integer != null && integer;
  }

  @Override
  public void validateSettings(String param) {
    if (min != null && max != null && min.compareTo(max) > 0) {
      throw ApiException.invalid(param + ".min", "Step " + id + " has min greater than max.");
    }
    if (unit != null && (unit.isBlank() || unit.length() > 20)) {
      throw ApiException.invalid(param + ".unit", "Step " + id + " has a unit of 1 to 20 chars.");
    }
  }

  @Override
  public void checkValue(JsonNode value, String param) {
    if (value == null || !value.isNumber()) {
      throw ApiException.invalid(param, "Step " + id + " expects a number.");
    }
    BigDecimal number = value.decimalValue();
    if (integer && number.stripTrailingZeros().scale() > 0) {
      throw ApiException.invalid(param, "Step " + id + " expects a whole number.");
    }
    if (min != null && number.compareTo(min) < 0) {
      throw ApiException.invalid(
          param, "Step " + id + " expects a number of at least " + min + ".");
    }
    if (max != null && number.compareTo(max) > 0) {
      throw ApiException.invalid(param, "Step " + id + " expects a number of at most " + max + ".");
    }
  }
}
