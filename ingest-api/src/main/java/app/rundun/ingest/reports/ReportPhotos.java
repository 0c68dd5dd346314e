package app.rundun.ingest.reports;

import app.rundun.contracts.runs.PhotoResource;
import app.rundun.contracts.runs.RunId;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * A run's photos for its report, each read and decoded at a reduced size (every n-th pixel), so a
 * 40-megapixel photo never becomes a 40-megapixel picture in memory.
 */
final class ReportPhotos {

  /** About 300 dpi at the 240 points wide a report shows a photo. */
  static final int MAX_SIDE = 1000;

  private final PhotoBytes photos;

  ReportPhotos(PhotoBytes photos) {
    this.photos = photos;
  }

  /** Where a photo's bytes are read from: the media store, by run, step and photo id. */
  @FunctionalInterface
  interface PhotoBytes {
    Optional<byte[]> read(RunId run, String stepId, String photoId) throws IOException;
  }

  /** The photo as an RGB picture at most {@link #MAX_SIDE} wide or high; empty if unreadable. */
  Optional<BufferedImage> downscaled(RunId run, String stepId, PhotoResource photo)
      throws IOException {
    Optional<byte[]> bytes = photos.read(run, stepId, photo.photoId());
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    try (ImageInputStream in =
        ImageIO.createImageInputStream(new ByteArrayInputStream(bytes.get()))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        return Optional.empty();
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        int side = Math.max(reader.getWidth(0), reader.getHeight(0));
        int step = Math.max(1, (int) Math.ceil((double) side / MAX_SIDE));
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceSubsampling(step, step, 0, 0);
        return Optional.of(opaque(reader.read(0, param)));
      } finally {
        reader.dispose();
      }
    }
  }

  /** A signature's transparent background becomes white paper. */
  private static BufferedImage opaque(BufferedImage image) {
    if (image.getType() == BufferedImage.TYPE_INT_RGB
        || image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
      return image;
    }
    BufferedImage rgb =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = rgb.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
    g.drawImage(image, 0, 0, null);
    g.dispose();
    return rgb;
  }
}
