package app.rundun.ingest.errors;

import app.rundun.contracts.errors.ApiException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Enumeration;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request that sends a single-valued header twice: two credentials, two idempotency
 * keys or two content types leave it ambiguous which one a part of the server reads, so none is
 * read.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class SingleValuedHeaders extends OncePerRequestFilter {

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

  SingleValuedHeaders(ErrorResponses errors) {
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
    chain.doFilter(request, response);
  }
}
