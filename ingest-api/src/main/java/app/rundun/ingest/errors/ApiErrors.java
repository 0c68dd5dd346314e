package app.rundun.ingest.errors;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.errors.ErrorBody;
import app.rundun.contracts.errors.ErrorCode;
import app.rundun.management.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import java.util.stream.Collectors;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.DisconnectedClientHelper;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidTypeIdException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Turns every exception into the spec's error body with the right status. Bad input is always a 4xx
 * that names the parameter at fault; only a fault of ours is a 500, and it never shows a trace.
 */
@RestControllerAdvice
public class ApiErrors {

  private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);
  private static final DisconnectedClientHelper DISCONNECTED =
      new DisconnectedClientHelper(ApiErrors.class.getName());

  @ExceptionHandler(ApiException.class)
  public ResponseEntity<ErrorBody> refused(ApiException e, HttpServletRequest request) {
    return respond(e, request);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ErrorBody> unreadable(
      HttpMessageNotReadableException e, HttpServletRequest request) {
    return respond(fromJson(e.getCause()), request);
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ErrorBody> mediaType(
      HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
    String supported =
        e.getSupportedMediaTypes().stream()
            .map(MediaType::toString)
            .collect(Collectors.joining(", "));
    return respond(
        new ApiException(
            ErrorCode.INVALID_REQUEST,
            415,
            "Content-Type "
                + e.getContentType()
                + " is not supported here; send "
                + supported
                + ".",
            null),
        request);
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<ErrorBody> notAcceptable(HttpServletRequest request) {
    return respond(
        new ApiException(
            ErrorCode.INVALID_REQUEST, 406, "This API answers application/json.", null),
        request);
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ErrorBody> method(
      HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
    return respond(
        new ApiException(
            ErrorCode.INVALID_REQUEST,
            405,
            e.getMethod() + " is not allowed on " + request.getRequestURI() + ".",
            null),
        request);
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ErrorBody> noPath(HttpServletRequest request) {
    return respond(
        new ApiException(ErrorCode.NOT_FOUND, "Nothing at " + request.getRequestURI() + ".", null),
        request);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ErrorBody> argument(
      MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    // A converter that knows better (an id in the path that names nothing) says why itself.
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof ApiException refusal) {
        return respond(refusal, request);
      }
    }
    return respond(
        ApiException.invalid(e.getName(), "Bad value for " + e.getName() + "."), request);
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ErrorBody> missingParameter(
      MissingServletRequestParameterException e, HttpServletRequest request) {
    return respond(
        ApiException.invalid(e.getParameterName(), e.getParameterName() + " is required."),
        request);
  }

  /**
   * A query string Tomcat cannot decode, met where a handler reads the parameters: the filter in
   * front leaves the query of a form-encoded request to the handler, as it must not read the body.
   */
  @ExceptionHandler(InvalidParameterException.class)
  ResponseEntity<ErrorBody> unreadableQuery(HttpServletRequest request) {
    return respond(
        ApiException.invalid(
            null, "The query string cannot be read: bad encoding, or too many parameters."),
        request);
  }

  /**
   * The firewall checks parameter names and values only when something reads them: a form body with
   * one it refuses is met inside the handler, so it arrives here rather than at the firewall's own
   * refusal. Its words are not echoed back.
   */
  @ExceptionHandler(RequestRejectedException.class)
  ResponseEntity<ErrorBody> rejectedParameter(HttpServletRequest request) {
    return respond(
        ApiException.invalid(
            null,
            "The request's parameters are not in canonical form: a name or value is refused."),
        request);
  }

  @ExceptionHandler(MissingRequestHeaderException.class)
  ResponseEntity<ErrorBody> missingHeader(
      MissingRequestHeaderException e, HttpServletRequest request) {
    return respond(
        ApiException.invalid(
            e.getHeaderName(), "The " + e.getHeaderName() + " header is required."),
        request);
  }

  /**
   * A client that went away mid-answer (wrk at the end of a run, a phone losing signal) is not our
   * failure and there is no one to answer: one line at DEBUG, not an error with a stack trace.
   */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ErrorBody> unexpected(Exception e, HttpServletRequest request) {
    if (DISCONNECTED.checkAndLogClientDisconnectedException(e)) {
      return null;
    }
    log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
    return respond(
        new ApiException(
            ErrorCode.INTERNAL_ERROR,
            "Something went wrong on our side; it has been logged.",
            null),
        request);
  }

  static ResponseEntity<ErrorBody> respond(ApiException e, HttpServletRequest request) {
    ResponseEntity.BodyBuilder response =
        ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON);
    if (e.code() == ErrorCode.UNAVAILABLE || e.code() == ErrorCode.RATE_LIMITED) {
      response.header(HttpHeaders.RETRY_AFTER, "1");
    }
    return response.body(ErrorBody.of(e, RequestIds.of(request)));
  }

  /** Names what is wrong with a JSON body, and where, without echoing parser internals. */
  static ApiException fromJson(Throwable cause) {
    if (cause == null) {
      return ApiException.invalid(null, "A JSON body is required.");
    }
    if (cause instanceof ValueInstantiationException v
        && v.getCause() instanceof ApiException api) {
      String path = path(v);
      return ApiException.invalid(path == null ? api.param() : path, api.getMessage());
    }
    if (cause instanceof UnrecognizedPropertyException u) {
      return ApiException.invalid(path(u), "Unknown parameter: " + path(u) + ".");
    }
    if (cause instanceof InvalidTypeIdException t) {
      return ApiException.invalid(
          path(t) == null ? "type" : path(t) + ".type", "Unknown type " + t.getTypeId() + ".");
    }
    if (cause instanceof MismatchedInputException m) {
      String path = path(m);
      if (path == null) {
        return ApiException.invalid(null, "The body must be a JSON object.");
      }
      return ApiException.invalid(path, "Wrong type or value for " + path + ".");
    }
    if (cause instanceof StreamReadException) {
      return ApiException.invalid(null, "The body is not valid JSON.");
    }
    if (cause instanceof DatabindException d) {
      return ApiException.invalid(path(d), "Invalid value for " + path(d) + ".");
    }
    if (cause instanceof JacksonException) {
      return ApiException.invalid(null, "The body is not valid JSON.");
    }
    return ApiException.invalid(null, "The body could not be read.");
  }

  /** {@code steps[2].options[0].id}, from Jackson's reference path. */
  private static String path(DatabindException e) {
    StringBuilder out = new StringBuilder();
    for (JacksonException.Reference ref : e.getPath()) {
      if (ref.getPropertyName() != null) {
        if (!out.isEmpty()) {
          out.append('.');
        }
        out.append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        out.append('[').append(ref.getIndex()).append(']');
      }
    }
    return out.isEmpty() ? null : out.toString();
  }
}
