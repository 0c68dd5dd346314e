package app.rundun.webhooks.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code webhook-signature: v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">}, keyed with the
 * base64 after {@code whsec_} (standardwebhooks.com).
 */
public final class StandardWebhookSigner {

  private StandardWebhookSigner() {}

  public static String sign(String secret, String id, long timestamp, String body) {
    String encoded = secret.startsWith("whsec_") ? secret.substring(6) : secret;
    byte[] key = Base64.getDecoder().decode(encoded);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] digest =
          mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      return "v1," + Base64.getEncoder().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
