package app.rundun.webhooks.delivery;

import app.rundun.contracts.crypto.Hmac;
import java.util.Base64;

/**
 * {@code webhook-signature: v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">}, keyed with the
 * base64 after {@code whsec_} (standardwebhooks.com).
 */
public final class StandardWebhookSigner {

  private StandardWebhookSigner() {}

  public static String sign(String secret, String id, long timestamp, String body) {
    String encoded = secret.startsWith("whsec_") ? secret.substring(6) : secret;
    byte[] key = Base64.getDecoder().decode(encoded);
    byte[] digest = Hmac.sha256(key, id + "." + timestamp + "." + body);
    return "v1," + Base64.getEncoder().encodeToString(digest);
  }
}
