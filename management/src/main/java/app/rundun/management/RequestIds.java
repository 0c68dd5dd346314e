package app.rundun.management;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id, sent as {@code Request-Id} and in every error body and log line. It
 * runs on the API's port and on every management port; a refusal made where it did not run (the
 * container's own, before any filter) takes an id with {@link #ensure}.
 */
public final class RequestIds extends OncePerRequestFilter {

  public static final String HEADER = "Request-Id";
  private static final String ATTRIBUTE = RequestIds.class.getName();
  private static final SecureRandom RANDOM = new SecureRandom();

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    MDC.put("request_id", ensure(request, response));
    try {
      chain.doFilter(request, response);
    } finally {
      MDC.remove("request_id");
    }
  }

  @Override
  protected boolean shouldNotFilterErrorDispatch() {
    return true;
  }

  /** The request's id, given to it (as an attribute and the response's header) if it had none. */
  public static String ensure(HttpServletRequest request, HttpServletResponse response) {
    String assigned = of(request);
    if (assigned != null) {
      return assigned;
    }
    String id = newId();
    request.setAttribute(ATTRIBUTE, id);
    response.setHeader(HEADER, id);
    return id;
  }

  /** A new id, for a response written where there is no servlet request to hold it. */
  public static String newId() {
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    return "req_" + HexFormat.of().formatHex(bytes);
  }

  /** The request's id, or {@code null} if none was given. */
  public static String of(HttpServletRequest request) {
    Object id = request.getAttribute(ATTRIBUTE);
    return id == null ? null : id.toString();
  }
}
