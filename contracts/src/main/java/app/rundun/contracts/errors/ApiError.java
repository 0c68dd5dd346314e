package app.rundun.contracts.errors;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The error body of the spec: {@code {"error", "message"}} plus {@code param} where one input is at
 * fault and {@code request_id}. {@code status} travels between services only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, String message, String param, Integer status) {

  public static ApiError of(ApiException e) {
    return new ApiError(e.code().code(), e.getMessage(), e.param(), e.status());
  }

  public ApiException toException() {
    ErrorCode code = ErrorCode.fromCode(error);
    return new ApiException(code, status == null ? code.status() : status, message, param);
  }
}
