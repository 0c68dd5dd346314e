package app.rundun.contracts.organisations;

import app.rundun.contracts.crypto.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The API key format: {@code rdk_live_} or {@code rdk_test_}, 40 base62 characters of secret (238
 * bits), then a 6-character base62 CRC32 of prefix and secret so that a leaked key can be
 * recognised by scanners, and a mistyped one refused without a lookup. Keys are stored only as
 * their SHA-256: they are high-entropy, so a slow hash would add nothing but latency to every
 * request.
 */
public final class ApiKeys {

  private static final String ALPHABET =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final int SECRET_LENGTH = 40;
  private static final int CHECKSUM_LENGTH = 6;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Map<Mode, String> PREFIXES = prefixes();

  private ApiKeys() {}

  public static String generate(Mode mode) {
    StringBuilder secret = new StringBuilder(SECRET_LENGTH);
    for (int i = 0; i < SECRET_LENGTH; i++) {
      secret.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return prefix(mode) + secret + checksum(prefix(mode) + secret);
  }

  /**
   * The mode of a well-formed key with a valid checksum, or empty. Every request with a key asks:
   * it checks in place, without the substrings and the stream over the secret it used to cost (a
   * thirtieth of the API's side of a read of a run).
   */
  public static Optional<Mode> parse(String key) {
    if (key == null) {
      return Optional.empty();
    }
    for (Map.Entry<Mode, String> candidate : PREFIXES.entrySet()) {
      String prefix = candidate.getValue();
      int secretEnd = prefix.length() + SECRET_LENGTH;
      if (key.length() == secretEnd + CHECKSUM_LENGTH
          && key.startsWith(prefix)
          && base62(key, prefix.length(), secretEnd)
          && key.regionMatches(
              secretEnd, checksum(key.substring(0, secretEnd)), 0, CHECKSUM_LENGTH)) {
        return Optional.of(candidate.getKey());
      }
    }
    return Optional.empty();
  }

  private static boolean base62(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
        return false;
      }
    }
    return true;
  }

  private static Map<Mode, String> prefixes() {
    Map<Mode, String> prefixes = new EnumMap<>(Mode.class);
    for (Mode mode : Mode.values()) {
      prefixes.put(mode, "rdk_" + mode.wire() + "_");
    }
    return prefixes;
  }

  public static String hash(String key) {
    return Sha256.hex(key);
  }

  private static String prefix(Mode mode) {
    return PREFIXES.get(mode);
  }

  private static String checksum(String prefixAndSecret) {
    CRC32 crc = new CRC32();
    crc.update(prefixAndSecret.getBytes(StandardCharsets.US_ASCII));
    long value = crc.getValue();
    char[] out = new char[CHECKSUM_LENGTH];
    for (int i = CHECKSUM_LENGTH - 1; i >= 0; i--) {
      out[i] = ALPHABET.charAt((int) (value % ALPHABET.length()));
      value /= ALPHABET.length();
    }
    return new String(out);
  }
}
