package app.rundun.contracts.media;

import app.rundun.contracts.crypto.Hmac;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * Signs {@code {base}/media/{key}?expires={epoch}&signature={hmac}} with HMAC-SHA256. The API and
 * the webhook dispatcher sign as a run leaves them ({@link PhotoLinks}); the API checks the
 * signature when it serves the bytes.
 */
public final class MediaUrlSigner {

  private final String publicBaseUrl;
  private final byte[] key;
  private final Duration ttl;
  private final Clock clock;

  public MediaUrlSigner(String publicBaseUrl, String secret, Duration ttl, Clock clock) {
    if (secret == null || secret.length() < 16) {
      throw new IllegalArgumentException("The media signing secret needs 16+ characters.");
    }
    this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
    this.key = secret.getBytes(StandardCharsets.UTF_8);
    this.ttl = ttl;
    this.clock = clock;
  }

  public String sign(String objectKey) {
    long expires = clock.instant().plus(ttl).getEpochSecond();
    return publicBaseUrl
        + "/media/"
        + objectKey
        + "?expires="
        + expires
        + "&signature="
        + signature(objectKey, expires);
  }

  public boolean verify(String objectKey, long expires, String signature) {
    if (clock.instant().getEpochSecond() > expires) {
      return false;
    }
    return Hmac.same(signature(objectKey, expires), signature);
  }

  private String signature(String objectKey, long expires) {
    byte[] digest = Hmac.sha256(key, objectKey + "\n" + expires);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
  }
}
