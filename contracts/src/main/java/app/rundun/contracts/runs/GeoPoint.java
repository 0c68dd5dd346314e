package app.rundun.contracts.runs;

import app.rundun.contracts.errors.ApiException;

/** Where an answer was given: WGS84 degrees and the device's accuracy radius in metres. */
public record GeoPoint(Double lat, Double lng, Double accuracyM) {

  public GeoPoint {
    if (lat == null || lat < -90 || lat > 90 || lat.isNaN()) {
      throw ApiException.invalid("geo.lat", "lat is a number from -90 to 90.");
    }
    if (lng == null || lng < -180 || lng > 180 || lng.isNaN()) {
      throw ApiException.invalid("geo.lng", "lng is a number from -180 to 180.");
    }
    if (accuracyM != null && (accuracyM < 0 || accuracyM.isNaN() || accuracyM.isInfinite())) {
      throw ApiException.invalid("geo.accuracy_m", "accuracy_m is a number of metres, 0 or more.");
    }
  }
}
