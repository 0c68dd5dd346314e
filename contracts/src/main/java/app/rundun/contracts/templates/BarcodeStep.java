package app.rundun.contracts.templates;

import app.rundun.contracts.errors.ApiException;
import tools.jackson.databind.JsonNode;

/** A barcode or QR code, as scanned or typed. */
public record BarcodeStep(
    String id,
    String title,
    String description,
    Boolean required,
    PhotoRule photos,
    GeoRule geo,
    Condition showIf)
    implements Step {

  public static final int MAX_LENGTH = 2000;

  public BarcodeStep {
    required = Defaults.required(required);
    photos = Defaults.photos(photos);
    geo = Defaults.geo(geo);
  }

  @Override
  public void validateSettings(String param) {
    // A barcode has no settings of its own.
  }

  @Override
  public void checkValue(JsonNode value, String param) {
    String code = Defaults.text(value, param, id, "the scanned or typed code");
    if (code.isEmpty() || code.length() > MAX_LENGTH) {
      throw ApiException.invalid(
          param, "Step " + id + " expects a code of 1 to " + MAX_LENGTH + " characters.");
    }
  }
}
