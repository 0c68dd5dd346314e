package app.rundun.ingest.media;

import app.rundun.contracts.errors.ApiException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

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

  /** The format of the bytes; refuses anything that is not one of the three, or is damaged. */
  static ImageFormat sniff(byte[] bytes) {
    ImageFormat format = magic(bytes);
    if (format != WEBP && !decodable(bytes)) {
      throw ApiException.invalid("photo", "The photo is damaged: it cannot be read as an image.");
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

  /** Reads the image header and its dimensions: enough to tell an image from a renamed file. */
  private static boolean decodable(byte[] bytes) {
    try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
      if (!readers.hasNext()) {
        return false;
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(input);
        return reader.getWidth(0) > 0 && reader.getHeight(0) > 0;
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
