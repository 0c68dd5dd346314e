package app.rundun.contracts.idempotency;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.errors.ErrorCode;
import java.util.regex.Pattern;

/**
 * The {@code Idempotency-Key} header's rules and refusals, the same wherever a key is checked: by
 * the API as a request comes in, by the claim stage, and by the create-time guard in org-stage.
 */
public final class IdempotencyKeys {

  public static final String HEADER = "Idempotency-Key";
  private static final Pattern VALID = Pattern.compile("[\\x21-\\x7E]{1,255}");

  private IdempotencyKeys() {}

  /** Refuses a header that is not 1 to 255 visible ASCII characters. */
  public static void check(String header) {
    if (!VALID.matcher(header).matches()) {
      throw ApiException.invalid(HEADER, HEADER + " is 1 to 255 visible ASCII characters.");
    }
  }

  /** The key came with a request other than the one that first used it. */
  public static ApiException otherRequest(String key) {
    return ApiException.invalid(
        HEADER,
        HEADER + " " + key + " was used with other parameters; use a new key for a new request.");
  }

  /** The key's first request has not answered yet. */
  public static ApiException inFlight() {
    return new ApiException(
        ErrorCode.CONFLICT,
        "A request with this Idempotency-Key is still being processed; retry once it has"
            + " answered.",
        HEADER);
  }
}
