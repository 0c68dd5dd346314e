package app.rundun.contracts.errors;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Checks and mints the {@code x-{uuid}} identifiers. Ids are random (v4) because a run id is the
 * credential of the executor link and of the unauthenticated preview.
 */
public final class PrefixedIds {

  private static final Pattern UUID_PATTERN =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

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
        && value.length() == prefix.length() + 37
        && value.startsWith(prefix + "-")
        && UUID_PATTERN.matcher(value.substring(prefix.length() + 1)).matches();
  }
}
