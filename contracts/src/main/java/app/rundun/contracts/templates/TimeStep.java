package app.rundun.contracts.templates;

import app.rundun.contracts.errors.ApiException;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** A time of day, {@code HH:MM}, 24-hour. */
public record TimeStep(
    String id,
    String title,
    String description,
    Boolean required,
    PhotoRule photos,
    GeoRule geo,
    Condition showIf)
    implements Step {

  private static final Pattern HH_MM = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

  public TimeStep {
    required = Defaults.required(required);
    photos = Defaults.photos(photos);
    geo = Defaults.geo(geo);
  }

  @Override
  public void validateSettings(String param) {
    // A time of day has no settings of its own.
  }

  @Override
  public void checkValue(JsonNode value, String param) {
    String text = Defaults.text(value, param, id, "a time HH:MM");
    if (!HH_MM.matcher(text).matches()) {
      throw ApiException.invalid(param, "Step " + id + " expects a time HH:MM, not " + text + ".");
    }
  }
}
