package app.rundun.contracts.errors;

/** The stable error codes of the API and the HTTP status each answers with by default. */
public enum ErrorCode {
  INVALID_REQUEST("invalid_request", 400),
  UNAUTHORIZED("unauthorized", 401),
  QUOTA_EXCEEDED("quota_exceeded", 402),
  FORBIDDEN("forbidden", 403),
  NOT_FOUND("not_found", 404),
  CONFLICT("conflict", 409),
  GONE("gone", 410),
  RATE_LIMITED("rate_limited", 429),
  INTERNAL_ERROR("internal_error", 500),
  UNAVAILABLE("unavailable", 503);

  private final String code;
  private final int status;

  ErrorCode(String code, int status) {
    this.code = code;
    this.status = status;
  }

  public String code() {
    return code;
  }

  public int status() {
    return status;
  }

  public static ErrorCode fromCode(String code) {
    for (ErrorCode candidate : values()) {
      if (candidate.code.equals(code)) {
        return candidate;
      }
    }
    throw new IllegalArgumentException("Unknown error code " + code);
  }
}
