package app.rundun.ingest.errors;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.errors.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Enumeration;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything reads them, requests whose headers or query cannot be read one way: a
 * single-valued header sent twice (two credentials, two idempotency keys or two content types leave
 * it ambiguous which one a part of the server reads), a {@code Content-Type} that is not one
 * concrete media type, a query string that does not decode or has too many parameters.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class WellFormedRequests extends OncePerRequestFilter {

  static final List<String> SINGLE =
      List.of(
          "Authorization",
          "Idempotency-Key",
          "Content-Type",
          "Content-Length",
          "Host",
          "Rundun-Device",
          "Rundun-Member");

  private final ErrorResponses errors;

  WellFormedRequests(ErrorResponses errors) {
    this.errors = errors;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    for (String name : SINGLE) {
      Enumeration<String> values = request.getHeaders(name);
      if (values != null && values.hasMoreElements()) {
        values.nextElement();
        if (values.hasMoreElements()) {
          errors.write(
              ApiException.invalid(name, "Send the " + name + " header once."), request, response);
          return;
        }
      }
    }
    String contentType = request.getContentType();
    if (contentType != null && !concrete(contentType)) {
      errors.write(
          new ApiException(
              ErrorCode.INVALID_REQUEST,
              415,
              "Content-Type " + contentType + " is not a media type; send application/json.",
              "Content-Type"),
          request,
          response);
      return;
    }
    if (request.getQueryString() != null && !readableQuery(request)) {
      errors.write(
          ApiException.invalid(
              null, "The query string cannot be read: bad encoding, or too many parameters."),
          request,
          response);
      return;
    }
    chain.doFilter(request, response);
  }

  private static boolean concrete(String contentType) {
    try {
      MediaType type = MediaType.parseMediaType(contentType);
      return !type.isWildcardType() && !type.isWildcardSubtype();
    } catch (InvalidMediaTypeException e) {
      return false;
    }
  }

  /** Whether Tomcat parses the query; a form body is never read here, as no endpoint takes one. */
  private static boolean readableQuery(HttpServletRequest request) {
    if (MediaType.APPLICATION_FORM_URLENCODED_VALUE.equals(request.getContentType())) {
      return true;
    }
    try {
      request.getParameterMap();
      return true;
    } catch (IllegalStateException | IllegalArgumentException e) {
      return false;
    }
  }
}
