package app.rundun.contracts.templates;

import app.rundun.contracts.errors.ApiException;
import tools.jackson.databind.JsonNode;

/** Free text, on one line or several. */
public record TextStep(
    String id,
    String title,
    String description,
    Boolean required,
    PhotoRule photos,
    GeoRule geo,
    Integer maxLength,
    Boolean multiline,
    Condition showIf)
    implements Step {

  public static final int DEFAULT_MAX_LENGTH = 2000;
  public static final int LIMIT = 20_000;

  public TextStep {
    required = Defaults.required(required);
    photos = Defaults.photos(photos);
    geo = Defaults.geo(geo);
    maxLength = maxLength == null ? DEFAULT_MAX_LENGTH : maxLength;
    multiline = multiline != null && multiline;
  }

  @Override
  public void validateSettings(String param) {
    if (maxLength < 1 || maxLength > LIMIT) {
      throw ApiException.invalid(
          param + ".max_length", "Step " + id + " needs max_length from 1 to " + LIMIT + ".");
    }
  }

  @Override
  public void checkValue(JsonNode value, String param) {
    String text = Defaults.text(value, param, id, "text");
    if (text.isBlank()) {
      throw ApiException.invalid(param, "Step " + id + " expects text; skip it to leave it empty.");
    }
    if (text.codePointCount(0, text.length()) > maxLength) {
      throw ApiException.invalid(
          param, "Step " + id + " takes at most " + maxLength + " characters.");
    }
    if (!multiline && text.indexOf('\n') >= 0) {
      throw ApiException.invalid(param, "Step " + id + " takes a single line of text.");
    }
  }
}
