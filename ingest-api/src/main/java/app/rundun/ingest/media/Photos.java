package app.rundun.ingest.media;

import app.rundun.contracts.crypto.Sha256;
import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.media.PhotoLinks;
import app.rundun.contracts.runs.PhotoRef;
import app.rundun.contracts.runs.RunId;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Stores an uploaded photo under its SHA-256, so an upload retried over a bad connection stores it
 * once, and resolves the photo ids an answer refers to.
 */
@Component
public class Photos {

  private static final Pattern PHOTO_ID = Pattern.compile("[0-9a-f]{64}\\.(jpg|png|webp)");

  private final MediaStorage storage;

  Photos(MediaStorage storage) {
    this.storage = storage;
  }

  public UploadedPhoto store(RunId run, String stepId, byte[] bytes) {
    ImageFormat format = ImageFormat.sniff(bytes);
    String sha256 = Sha256.hex(bytes);
    String photoId = sha256 + "." + format.extension();
    String key = key(run, stepId, photoId);
    if (!storage.exists(key)) {
      storage.put(key, bytes);
    }
    return new UploadedPhoto(photoId, sha256, format.contentType(), bytes.length);
  }

  /** The stored photo an answer names, or a refusal naming the photo that is not there. */
  public PhotoRef resolve(RunId run, String stepId, String photoId, int index) {
    String param = "photos[" + index + "]";
    if (photoId == null || !PHOTO_ID.matcher(photoId).matches()) {
      throw ApiException.invalid(param, "A photo id is what the photo upload answered.");
    }
    String key = key(run, stepId, photoId);
    if (!storage.exists(key)) {
      throw ApiException.invalid(
          param, "Photo " + photoId + " was not uploaded for step " + stepId + ".");
    }
    String extension = photoId.substring(photoId.indexOf('.') + 1);
    String contentType = ImageFormat.ofExtension(extension).orElseThrow().contentType();
    return new PhotoRef(key, photoId.substring(0, 64), contentType);
  }

  /** The bytes of a photo an answer holds; empty if the store no longer has it. */
  public Optional<byte[]> bytes(RunId run, String stepId, String photoId) {
    return storage.get(key(run, stepId, photoId));
  }

  static String contentTypeOf(String key) {
    String extension = key.substring(key.lastIndexOf('.') + 1);
    return ImageFormat.ofExtension(extension)
        .map(ImageFormat::contentType)
        .orElse("application/octet-stream");
  }

  /** Shown in the browser as the image it is, and saved under its own id, never another name. */
  static String contentDispositionOf(String key) {
    return "inline; filename=\"" + key.substring(key.lastIndexOf('/') + 1) + "\"";
  }

  private static String key(RunId run, String stepId, String photoId) {
    return PhotoLinks.objectKey(run.value(), stepId, photoId);
  }

  /** The answer to a photo upload: the id to put in the answer, and what was stored. */
  public record UploadedPhoto(String photoId, String sha256, String contentType, int size) {}
}
