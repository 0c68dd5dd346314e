package app.rundun.processor.query;

import app.rundun.contracts.errors.ApiError;
import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.errors.ErrorCode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;

/** Answers the internal API's refusals with the same error body the public API uses. */
@RestControllerAdvice
class QueryErrors {

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ApiError> refused(ApiException e) {
    ResponseEntity.BodyBuilder response = ResponseEntity.status(e.status());
    if (e.code() == ErrorCode.UNAVAILABLE) {
      response.header(HttpHeaders.RETRY_AFTER, "1");
    }
    return response.body(ApiError.of(e));
  }

  @ExceptionHandler(JacksonException.class)
  ResponseEntity<ApiError> unreadable() {
    return refused(ApiException.invalid(null, "The body is not the JSON expected."));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ApiError> badParameter(MethodArgumentTypeMismatchException e) {
    return refused(ApiException.invalid(e.getName(), "Bad value for " + e.getName() + "."));
  }
}
