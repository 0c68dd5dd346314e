package app.rundun.contracts.templates;

import app.rundun.contracts.errors.ApiException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import tools.jackson.databind.JsonNode;

/** A calendar date, {@code YYYY-MM-DD}, with optional bounds. */
public record DateStep(
    String id,
    String title,
    String description,
    Boolean required,
    PhotoRule photos,
    GeoRule geo,
    String min,
    String max,
    Condition showIf)
    implements Step {

  public DateStep {
    required = Defaults.required(required);
    photos = Defaults.photos(photos);
    geo = Defaults.geo(geo);
  }

  @Override
  public void validateSettings(String param) {
    LocalDate from = min == null ? null : parse(min, param + ".min");
    LocalDate to = max == null ? null : parse(max, param + ".max");
    if (from != null && to != null && from.isAfter(to)) {
      throw ApiException.invalid(param + ".min", "Step " + id + " has min after max.");
    }
  }

  @Override
  public void checkValue(JsonNode value, String param) {
    LocalDate date = parse(Defaults.text(value, param, id, "a date YYYY-MM-DD"), param);
    if (min != null && date.isBefore(LocalDate.parse(min))) {
      throw ApiException.invalid(param, "Step " + id + " expects a date on or after " + min + ".");
    }
    if (max != null && date.isAfter(LocalDate.parse(max))) {
      throw ApiException.invalid(param, "Step " + id + " expects a date on or before " + max + ".");
    }
  }

  private LocalDate parse(String text, String param) {
    try {
      if (text.length() == 10) {
        return LocalDate.parse(text);
      }
    } catch (DateTimeParseException e) {
      // answered below with the step's own message
    }
    throw ApiException.invalid(
        param, "Step " + id + " expects a date YYYY-MM-DD, not " + text + ".");
  }
}
