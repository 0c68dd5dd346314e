package app.rundun.contracts.templates;

import app.rundun.contracts.errors.ApiException;
import tools.jackson.databind.JsonNode;

/** A signature drawn on the screen: exactly one image. */
public record SignatureStep(
    String id,
    String title,
    String description,
    Boolean required,
    PhotoRule photos,
    GeoRule geo,
    Condition showIf)
    implements Step {

  private static final PhotoRule ONE_IMAGE = new PhotoRule(1, 1);

  public SignatureStep {
    required = Defaults.required(required);
    photos = photos == null ? ONE_IMAGE : photos;
    geo = Defaults.geo(geo);
  }

  @Override
  public void validateSettings(String param) {
    if (!ONE_IMAGE.equals(photos)) {
      throw ApiException.invalid(
          param + ".photos", "Step " + id + " is a signature: exactly one image.");
    }
  }

  @Override
  public void checkValue(JsonNode value, String param) {
    Defaults.expectNull(value, param, id);
  }
}
