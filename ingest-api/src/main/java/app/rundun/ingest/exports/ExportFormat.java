package app.rundun.ingest.exports;

import java.util.Arrays;
import java.util.Optional;

/** What a template's runs are exported as, by the file extension of the request. */
enum ExportFormat {
  NDJSON("ndjson", "application/x-ndjson"),
  CSV("csv", "text/csv; charset=utf-8"),
  GEOJSON("geojson", "application/geo+json");

  private final String extension;
  private final String contentType;

  ExportFormat(String extension, String contentType) {
    this.extension = extension;
    this.contentType = contentType;
  }

  String extension() {
    return extension;
  }

  String contentType() {
    return contentType;
  }

  static Optional<ExportFormat> ofExtension(String extension) {
    return Arrays.stream(values()).filter(f -> f.extension.equals(extension)).findFirst();
  }
}
