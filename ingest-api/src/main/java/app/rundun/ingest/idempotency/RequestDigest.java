package app.rundun.ingest.idempotency;

import app.rundun.contracts.crypto.Sha256;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.springframework.http.MediaType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What makes two requests "the same request" for an Idempotency-Key: the method, the path and
 * query, and the body, a JSON body with its members sorted so that another order or spacing is the
 * same request. The one digest both guards compare.
 */
final class RequestDigest {

  private static final JsonMapper CANONICAL =
      JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

  private RequestDigest() {}

  static String of(HttpServletRequest request, byte[] body) {
    MessageDigest sha = Sha256.digest();
    sha.update(
        (request.getMethod() + " " + request.getRequestURI()).getBytes(StandardCharsets.UTF_8));
    if (request.getQueryString() != null) {
      sha.update(("?" + request.getQueryString()).getBytes(StandardCharsets.UTF_8));
    }
    sha.update((byte) '\n');
    sha.update(canonical(request.getContentType(), body));
    return HexFormat.of().formatHex(sha.digest());
  }

  /** A JSON body with its members sorted; any other body (a photo, malformed JSON) as it is. */
  private static byte[] canonical(String contentType, byte[] body) {
    if (body.length == 0
        || contentType == null
        || !contentType.startsWith(MediaType.APPLICATION_JSON_VALUE)) {
      return body;
    }
    try {
      return CANONICAL.writeValueAsBytes(CANONICAL.readValue(body, Object.class));
    } catch (JacksonException e) {
      return body;
    }
  }
}
