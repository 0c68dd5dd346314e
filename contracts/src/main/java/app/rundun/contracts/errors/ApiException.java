package app.rundun.contracts.errors;

/** A refusal that the caller can act on; the API turns it into the spec's error body. */
public class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final int status;
  private final String param;

  public ApiException(ErrorCode code, int status, String message, String param) {
    super(message, null, false, false);
    this.code = code;
    this.status = status;
    this.param = param;
  }

  public ApiException(ErrorCode code, String message, String param) {
    this(code, code.status(), message, param);
  }

  public static ApiException invalid(String param, String message) {
    return new ApiException(ErrorCode.INVALID_REQUEST, message, param);
  }

  public static ApiException notFound(String what, String id) {
    return new ApiException(ErrorCode.NOT_FOUND, "No such " + what + ": " + id, null);
  }

  public static ApiException conflict(String message) {
    return new ApiException(ErrorCode.CONFLICT, message, null);
  }

  public static ApiException gone(String message) {
    return new ApiException(ErrorCode.GONE, message, null);
  }

  public ErrorCode code() {
    return code;
  }

  public int status() {
    return status;
  }

  public String param() {
    return param;
  }
}
