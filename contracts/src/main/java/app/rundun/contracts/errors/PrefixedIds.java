package app.rundun.contracts.errors;

import java.util.UUID;

/**
 * Checks and mints the {@code x-{uuid}} identifiers. Ids are random (v4) because a run id is the
 * credential of the executor link and of the unauthenticated preview.
 */
public final class PrefixedIds {

  private static final int UUID_LENGTH = 36;

  private PrefixedIds() {}

  public static String mint(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }

  public static String check(String prefix, String value, String what) {
    if (!isValid(prefix, value)) {
      throw ApiException.invalid(
          null, "'" + value + "' is not a valid " + what + " id (" + prefix + "-{uuid}).");
    }
    return value;
  }

  public static boolean isValid(String prefix, String value) {
    return value != null
        && value.length() == prefix.length() + 1 + UUID_LENGTH
        && value.startsWith(prefix)
        && value.charAt(prefix.length()) == '-'
        && isLowerCaseUuid(value, prefix.length() + 1);
  }

  /**
   * Whether the text from {@code start} is a UUID in its canonical lower-case form (8-4-4-4-12 hex
   * digits). Every request checks ids this way; a regular expression was 3% of a read of a run.
   */
  private static boolean isLowerCaseUuid(String value, int start) {
    for (int i = 0; i < UUID_LENGTH; i++) {
      char c = value.charAt(start + i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
      if (dash ? c != '-' : !hex) {
        return false;
      }
    }
    return true;
  }
}
