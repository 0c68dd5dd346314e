package app.rundun.contracts.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256, from a digest found once and cloned for each use: looking one up among the security
 * providers on every request was a twentieth of the API's side of a read of a run (an API key is
 * hashed per request).
 */
public final class Sha256 {

  private static final MessageDigest PROTOTYPE = find();

  private Sha256() {}

  /** A fresh digest, for input given in parts. */
  public static MessageDigest digest() {
    try {
      return (MessageDigest) PROTOTYPE.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("The JDK's SHA-256 can be cloned", e);
    }
  }

  /** The digest of {@code bytes}, in lower-case hex. */
  public static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  /** The digest of {@code text}'s UTF-8, in lower-case hex. */
  public static String hex(String text) {
    return hex(text.getBytes(StandardCharsets.UTF_8));
  }

  private static MessageDigest find() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
