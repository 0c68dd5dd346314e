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

  /**
   * The refusal a bare HTTP status stands for, where the container or the framework refused a
   * request before any handler of ours could say more: every port answers it in the same words.
   */
  public static ApiException forStatus(int status) {
    return switch (status) {
      case 401 -> new ApiException(ErrorCode.UNAUTHORIZED, "Not authenticated.", null);
      case 403 -> new ApiException(ErrorCode.FORBIDDEN, "Not allowed.", null);
      case 404 -> new ApiException(ErrorCode.NOT_FOUND, "Nothing here.", null);
      case 405 ->
          new ApiException(ErrorCode.INVALID_REQUEST, 405, "This method is not allowed.", null);
      case 413 ->
          new ApiException(ErrorCode.INVALID_REQUEST, 413, "The request is too large.", null);
      case 414 ->
          new ApiException(ErrorCode.INVALID_REQUEST, 414, "The request URI is too long.", null);
      case 429 -> new ApiException(ErrorCode.RATE_LIMITED, "Too many requests.", null);
      case 431 ->
          new ApiException(
              ErrorCode.INVALID_REQUEST, 431, "The request's headers are over the limit.", null);
      case 501 ->
          new ApiException(
              ErrorCode.INVALID_REQUEST,
              501,
              "The request uses a transfer encoding this server does not implement.",
              null);
      case 503 ->
          new ApiException(ErrorCode.UNAVAILABLE, "The server is not ready; retry shortly.", null);
      default ->
          status >= 500
              ? new ApiException(
                  ErrorCode.INTERNAL_ERROR,
                  "Something went wrong on our side; it has been logged.",
                  null)
              : new ApiException(
                  ErrorCode.INVALID_REQUEST,
                  status < 400 ? 400 : status,
                  "The request is malformed: its request line, path, headers or framing cannot"
                      + " be read.",
                  null);
    };
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
