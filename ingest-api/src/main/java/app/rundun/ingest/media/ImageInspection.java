package app.rundun.ingest.media;

import app.rundun.contracts.errors.ApiException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads an image's structure and size without decoding its pixels: a PNG must be whole chunks
 * ending at {@code IEND} with nothing after it (no HTML riding along), a WebP a RIFF container
 * exactly as long as the upload holding a real VP8, VP8L or VP8X header, and a JPEG or PNG header
 * must be readable by ImageIO. The size is what the pixel budget is checked against, before
 * anything would decode it.
 */
final class ImageInspection {

  static final long MAX_PIXELS = 40_000_000L;

  private ImageInspection() {}

  record Size(long width, long height) {
    long pixels() {
      return width * height;
    }
  }

  static Size size(ImageFormat format, byte[] bytes) {
    return switch (format) {
      case JPEG -> header(bytes);
      case PNG -> {
        requireWholePng(bytes);
        yield header(bytes);
      }
      case WEBP -> webp(bytes);
    };
  }

  private static Size header(byte[] bytes) {
    try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
      if (!readers.hasNext()) {
        throw damaged();
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(input);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (width <= 0 || height <= 0) {
          throw damaged();
        }
        return new Size(width, height);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof ApiException refused) {
        throw refused;
      }
      throw damaged();
    }
  }

  /** Walks the chunks after the 8-byte signature: length, type, data, CRC; IEND must be last. */
  private static void requireWholePng(byte[] b) {
    int at = 8;
    while (at + 12 <= b.length) {
      long length = u32be(b, at);
      String type = new String(b, at + 4, 4, java.nio.charset.StandardCharsets.US_ASCII);
      long end = at + 12 + length;
      if (end > b.length) {
        throw damaged();
      }
      at = (int) end;
      if (type.equals("IEND")) {
        if (at != b.length) {
          throw ApiException.invalid(
              "photo", "The PNG has data after its end; send the image alone.");
        }
        return;
      }
    }
    throw damaged();
  }

  private static Size webp(byte[] b) {
    long riffLength = u32le(b, 4) + 8;
    if (riffLength != b.length) {
      throw ApiException.invalid(
          "photo", "The WebP container's length does not match the upload; send the image alone.");
    }
    String chunk = new String(b, 12, 4, java.nio.charset.StandardCharsets.US_ASCII);
    return switch (chunk) {
      case "VP8X" -> {
        require(b, 30);
        yield new Size(u24le(b, 24) + 1, u24le(b, 27) + 1);
      }
      case "VP8 " -> {
        require(b, 30);
        if ((b[23] & 0xFF) != 0x9D || (b[24] & 0xFF) != 0x01 || (b[25] & 0xFF) != 0x2A) {
          throw damaged();
        }
        yield new Size(u16le(b, 26) & 0x3FFF, u16le(b, 28) & 0x3FFF);
      }
      case "VP8L" -> {
        require(b, 25);
        if ((b[20] & 0xFF) != 0x2F) {
          throw damaged();
        }
        long bits = u32le(b, 21);
        yield new Size((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1);
      }
      default -> throw damaged();
    };
  }

  private static void require(byte[] b, int length) {
    if (b.length < length) {
      throw damaged();
    }
  }

  private static ApiException damaged() {
    return ApiException.invalid("photo", "The photo is damaged: it cannot be read as an image.");
  }

  private static long u32be(byte[] b, int at) {
    return ((long) (b[at] & 0xFF) << 24)
        | ((b[at + 1] & 0xFF) << 16)
        | ((b[at + 2] & 0xFF) << 8)
        | (b[at + 3] & 0xFF);
  }

  private static long u32le(byte[] b, int at) {
    return (b[at] & 0xFF)
        | ((b[at + 1] & 0xFF) << 8)
        | ((b[at + 2] & 0xFF) << 16)
        | ((long) (b[at + 3] & 0xFF) << 24);
  }

  private static long u24le(byte[] b, int at) {
    return (b[at] & 0xFF) | ((b[at + 1] & 0xFF) << 8) | ((b[at + 2] & 0xFF) << 16);
  }

  private static int u16le(byte[] b, int at) {
    return (b[at] & 0xFF) | ((b[at + 1] & 0xFF) << 8);
  }
}
