package app.rundun.contracts.runs;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A photo of an answer, in one of two forms. As a run is stored, published on the event topic and
 * answered by the run-processor, it is a stable reference that never goes stale: the photo's id,
 * SHA-256 and content type, and {@code path}, the API path (with an API key) that redirects to the
 * photo. As it leaves Rundun to an integrator (a read, a webhook attempt), it is {@code
 * {photo_index, url}}, the URL signed at that moment.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PhotoResource(
    int photoIndex, String url, String photoId, String sha256, String contentType, String path) {

  /** The stable form: what the photo is, and where the API serves it. */
  public static PhotoResource reference(int photoIndex, PhotoRef photo, String path) {
    String key = photo.key();
    return new PhotoResource(
        photoIndex,
        null,
        key.substring(key.lastIndexOf('/') + 1),
        photo.sha256(),
        photo.contentType(),
        path);
  }

  /** The form an integrator reads: a URL signed now. */
  public static PhotoResource link(int photoIndex, String url) {
    return new PhotoResource(photoIndex, url, null, null, null, null);
  }
}
