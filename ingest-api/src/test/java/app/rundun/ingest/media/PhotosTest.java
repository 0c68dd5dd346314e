package app.rundun.ingest.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.runs.PhotoRef;
import app.rundun.contracts.runs.RunId;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Uploaded photos: stored once under their SHA-256, and named by answers only when uploaded. */
class PhotosTest {

  private static final RunId RUN = new RunId("r-7c9e6679-7425-40de-944b-e07fc1f90ae7");

  private final CountingStorage storage = new CountingStorage();
  private final Photos photos = new Photos(storage);

  @Test
  void anUploadRetriedIsStoredOnceUnderTheSameId() throws IOException {
    byte[] png = png(3, 2);

    Photos.UploadedPhoto first = photos.store(RUN, "s-ph01", png);
    Photos.UploadedPhoto again = photos.store(RUN, "s-ph01", png);

    assertThat(again).isEqualTo(first);
    assertThat(first.photoId()).isEqualTo(first.sha256() + ".png");
    assertThat(first.contentType()).isEqualTo("image/png");
    assertThat(first.size()).isEqualTo(png.length);
    assertThat(storage.puts).isEqualTo(1);
    assertThat(photos.bytes(RUN, "s-ph01", first.photoId())).contains(png);
  }

  @Test
  void anAnswerNamesAPhotoUploadedForItsStep() throws IOException {
    Photos.UploadedPhoto uploaded = photos.store(RUN, "s-ph01", png(2, 2));

    PhotoRef ref = photos.resolve(RUN, "s-ph01", uploaded.photoId(), 0);

    assertThat(ref.sha256()).isEqualTo(uploaded.sha256());
    assertThat(ref.contentType()).isEqualTo("image/png");
    assertThat(Photos.contentTypeOf(ref.key())).isEqualTo("image/png");
    assertThat(Photos.contentDispositionOf(ref.key()))
        .isEqualTo("inline; filename=\"" + uploaded.photoId() + "\"");
  }

  @Test
  void aPhotoOfAnotherStepOrNeverUploadedIsRefusedNamingItsPlace() throws IOException {
    Photos.UploadedPhoto uploaded = photos.store(RUN, "s-ph01", png(2, 2));

    assertThatThrownBy(() -> photos.resolve(RUN, "s-ph02", uploaded.photoId(), 1))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.param()).isEqualTo("photos[1]");
            });
    assertThatThrownBy(() -> photos.resolve(RUN, "s-ph01", "../../etc/passwd", 0))
        .isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> photos.resolve(RUN, "s-ph01", null, 0))
        .isInstanceOf(ApiException.class);
  }

  @Test
  void bytesThatAreNoImageAreRefused() {
    assertThatThrownBy(() -> photos.store(RUN, "s-ph01", "not an image".getBytes()))
        .isInstanceOf(ApiException.class);
    assertThat(storage.puts).isZero();
  }

  private static byte[] png(int width, int height) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
    return out.toByteArray();
  }

  private static final class CountingStorage implements MediaStorage {
    private final Map<String, byte[]> stored = new HashMap<>();
    private int puts;

    @Override
    public void put(String key, byte[] bytes) {
      puts++;
      stored.put(key, bytes);
    }

    @Override
    public Optional<byte[]> get(String key) {
      return Optional.ofNullable(stored.get(key));
    }

    @Override
    public boolean exists(String key) {
      return stored.containsKey(key);
    }
  }
}
