package app.rundun.ingest.webhooks;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.events.RunEventType;
import app.rundun.contracts.webhooks.AddressPolicy;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;

/**
 * The rules a webhook's fields follow, the run's own and an account endpoint's alike; {@code param}
 * names the field in a refusal ({@code webhook.url} for a run, {@code url} for an endpoint).
 */
public final class WebhookFields {

  /** In an account endpoint's {@code events}: every event type delivered by default. */
  public static final String ALL_EVENTS = "*";

  private static final SecureRandom RANDOM = new SecureRandom();

  private WebhookFields() {}

  public static String url(String url, String param, AddressPolicy policy) {
    if (url == null || url.length() > 2048) {
      throw ApiException.invalid(param, param + " is required, up to 2048 chars.");
    }
    String refusal = policy.refusal(url);
    if (refusal != null) {
      throw ApiException.invalid(param, param + ": " + refusal);
    }
    return url;
  }

  /** The secret given, checked; or, given none, a new one. */
  public static String secretOrNew(String secret, String param) {
    if (secret == null) {
      byte[] bytes = new byte[32];
      RANDOM.nextBytes(bytes);
      return "whsec_" + Base64.getEncoder().encodeToString(bytes);
    }
    if (!isValidSecret(secret)) {
      throw ApiException.invalid(param, param + " is whsec_ followed by base64 (at least 1 byte).");
    }
    return secret;
  }

  /** Distinct, known event types; {@code null} when not given. */
  public static List<RunEventType> events(List<String> names, String param) {
    if (names == null) {
      return null;
    }
    if (names.isEmpty() || new HashSet<>(names).size() != names.size()) {
      throw ApiException.invalid(param, param + " lists distinct event types; omit it for all.");
    }
    return names.stream()
        .map(name ->
            RunEventType.fromWire(name)
                .orElseThrow(() ->
                    ApiException.invalid(
                        param,
                        "Unknown event type "
                            + name
                            + "; known: "
                            + RunEventType.wireNames()
                            + ".")))
        .toList();
  }

  private static boolean isValidSecret(String candidate) {
    if (!candidate.startsWith("whsec_") || candidate.length() > 200) {
      return false;
    }
    try {
      return Base64.getDecoder().decode(candidate.substring(6)).length > 0;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
