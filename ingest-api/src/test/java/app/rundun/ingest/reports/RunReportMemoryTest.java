package app.rundun.ingest.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A report of 50 photos of 12 megapixels is written in a JVM whose whole heap (64 MB) is smaller
 * than one such photo decoded at full size (48 MB) plus the next: memory does not grow with the
 * photos, because each is decoded at a reduced size and the document's pages and pictures wait on
 * disk, not in memory.
 */
class RunReportMemoryTest {

  private static final String HEAP = "-Xmx48m";

  @Test
  void aReportOfFiftyCameraPhotosIsWrittenInA64MegabyteHeap(@TempDir Path dir) throws Exception {
    Path photo = dir.resolve("camera.jpg");
    ImageIO.write(cameraPhoto(4000, 3000), "jpg", photo.toFile());
    Path report = dir.resolve("report.pdf");

    Process probe =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    HEAP,
                    "-Djava.awt.headless=true",
                    "-cp",
                    System.getProperty("java.class.path"),
                    ReportMemoryProbe.class.getName(),
                    photo.toString(),
                    report.toString()))
            .redirectErrorStream(true)
            .start();
    String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(probe.waitFor(120, TimeUnit.SECONDS)).isTrue();

    assertThat(probe.exitValue()).as(output).isZero();
    Matcher peak = Pattern.compile("heap-peak-bytes=(\\d+)").matcher(output);
    assertThat(peak.find()).as(output).isTrue();
    System.out.printf(
        "Report of %d photos: heap peak %d MB with %s%n",
        ReportMemoryProbe.STEPS * ReportMemoryProbe.PHOTOS_PER_STEP,
        Long.parseLong(peak.group(1)) >> 20,
        HEAP);
    byte[] pdf = Files.readAllBytes(report);
    String text = new String(pdf, StandardCharsets.ISO_8859_1);
    assertThat(text).startsWith("%PDF-").contains("/adbe.pkcs7.detached");
    assertThat(Pattern.compile("/Subtype\\s*/Image").matcher(text).results().count())
        .isEqualTo(ReportMemoryProbe.STEPS * ReportMemoryProbe.PHOTOS_PER_STEP);
  }

  /** Detail everywhere (noise): it compresses as badly as a real photo, or worse. */
  private static BufferedImage cameraPhoto(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(7);
    int[] row = new int[width];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        row[x] = random.nextInt(0x1000000);
      }
      image.setRGB(0, y, width, 1, row, 0, width);
    }
    return image;
  }
}
