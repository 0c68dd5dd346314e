package app.rundun.ingest.media;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.errors.ErrorCode;
import app.rundun.contracts.media.MediaUrlSigner;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves a photo to whoever holds its signed URL, until the URL expires: from the API itself, or by
 * a redirect to a short-lived URL of the object store, so that the bytes do not pass through here.
 */
@RestController
class MediaController {

  private final MediaStorage storage;
  private final MediaUrlSigner signer;

  MediaController(MediaStorage storage, MediaUrlSigner signer) {
    this.storage = storage;
    this.signer = signer;
  }

  @GetMapping("/media/runs/**")
  ResponseEntity<byte[]> photo(
      HttpServletRequest request,
      @RequestParam(required = false) Long expires,
      @RequestParam(required = false) String signature) {
    String key = request.getRequestURI().substring("/media/".length());
    if (expires == null || !signer.verify(key, expires, signature)) {
      throw new ApiException(
          ErrorCode.FORBIDDEN, "This photo URL is not valid or has expired.", null);
    }
    // A valid signature names a photo a run holds, stored once and never rewritten: the store is
    // not asked first whether it is there.
    Optional<URI> direct = storage.directUrl(key);
    if (direct.isPresent()) {
      return ResponseEntity.status(HttpStatus.FOUND)
          .location(direct.get())
          .cacheControl(CacheControl.noStore().cachePrivate())
          .build();
    }
    byte[] bytes = storage.get(key).orElseThrow(() -> ApiException.notFound("photo", key));
    // An image is never run as a page: no sniffing (sent on every answer), a sandbox, no sources.
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(Photos.contentTypeOf(key)))
        .cacheControl(CacheControl.noStore().cachePrivate())
        .header(HttpHeaders.CONTENT_DISPOSITION, Photos.contentDispositionOf(key))
        .header("Content-Security-Policy", "default-src 'none'; sandbox")
        .body(bytes);
  }
}
