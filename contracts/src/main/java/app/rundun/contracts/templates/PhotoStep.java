package app.rundun.contracts.templates;

import app.rundun.contracts.errors.ApiException;
import tools.jackson.databind.JsonNode;

/** Photos are the answer; by default one to ten of them. */
public record PhotoStep(
    String id,
    String title,
    String description,
    Boolean required,
    PhotoRule photos,
    GeoRule geo,
    Condition showIf)
    implements Step {

  public PhotoStep {
    required = Defaults.required(required);
    photos = photos == null ? new PhotoRule(1, PhotoRule.MAX_PHOTOS) : photos;
    geo = Defaults.geo(geo);
  }

  @Override
  public void validateSettings(String param) {
    if (photos.min() < 1) {
      throw ApiException.invalid(param + ".photos", "Step " + id + " needs photos.min of 1+.");
    }
  }

  @Override
  public void checkValue(JsonNode value, String param) {
    Defaults.expectNull(value, param, id);
  }
}
