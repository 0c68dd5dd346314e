package app.rundun.contracts.organisations;

import app.rundun.contracts.crypto.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
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

  private ApiKeys() {}

  public static String generate(Mode mode) {
    StringBuilder secret = new StringBuilder(SECRET_LENGTH);
    for (int i = 0; i < SECRET_LENGTH; i++) {
      secret.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return prefix(mode) + secret + checksum(prefix(mode) + secret);
  }

  /** The mode of a well-formed key with a valid checksum, or empty. */
  public static Optional<Mode> parse(String key) {
    if (key == null) {
      return Optional.empty();
    }
    for (Mode mode : Mode.values()) {
      String prefix = prefix(mode);
      if (key.startsWith(prefix) && key.length() == prefix.length() + SECRET_LENGTH + 6) {
        String secret = key.substring(prefix.length(), prefix.length() + SECRET_LENGTH);
        String sum = key.substring(prefix.length() + SECRET_LENGTH);
        if (secret.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)
            && checksum(prefix + secret).equals(sum)) {
          return Optional.of(mode);
        }
      }
    }
    return Optional.empty();
  }

  public static String hash(String key) {
    return Sha256.hex(key);
  }

  private static String prefix(Mode mode) {
    return "rdk_" + mode.wire() + "_";
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
