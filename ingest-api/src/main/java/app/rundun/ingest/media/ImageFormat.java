package app.rundun.ingest.media;

import app.rundun.contracts.errors.ApiException;
import java.util.Arrays;
import java.util.Optional;

/** The three image formats an answer may carry, recognised by their bytes, not by their name. */
enum ImageFormat {
  JPEG("image/jpeg", "jpg"),
  PNG("image/png", "png"),
  WEBP("image/webp", "webp");

  private final String contentType;
  private final String extension;

  ImageFormat(String contentType, String extension) {
    this.contentType = contentType;
    this.extension = extension;
  }

  String contentType() {
    return contentType;
  }

  String extension() {
    return extension;
  }

  static Optional<ImageFormat> ofExtension(String extension) {
    return Arrays.stream(values()).filter(f -> f.extension.equals(extension)).findFirst();
  }

  /**
   * The format of the bytes, once they are known to be one image of that format within the pixel
   * budget and nothing else; refuses anything that is not one of the three, or is damaged.
   */
  static ImageFormat sniff(byte[] bytes) {
    ImageFormat format = magic(bytes);
    ImageInspection.Size size = ImageInspection.size(format, bytes);
    if (size.pixels() > ImageInspection.MAX_PIXELS) {
      throw ApiException.invalid(
          "photo",
          "The photo is "
              + size.width()
              + " × "
              + size.height()
              + " pixels; at most 40 megapixels are taken.");
    }
    return format;
  }

  private static ImageFormat magic(byte[] b) {
    if (b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
      return JPEG;
    }
    if (b.length > 8
        && (b[0] & 0xFF) == 0x89
        && b[1] == 'P'
        && b[2] == 'N'
        && b[3] == 'G'
        && b[4] == 0x0D
        && b[5] == 0x0A) {
      return PNG;
    }
    if (b.length > 16
        && b[0] == 'R'
        && b[1] == 'I'
        && b[2] == 'F'
        && b[3] == 'F'
        && b[8] == 'W'
        && b[9] == 'E'
        && b[10] == 'B'
        && b[11] == 'P'
        && b[12] == 'V'
        && b[13] == 'P'
        && b[14] == '8') {
      return WEBP;
    }
    throw ApiException.invalid("photo", "A photo is a JPEG, PNG or WebP image.");
  }
}
