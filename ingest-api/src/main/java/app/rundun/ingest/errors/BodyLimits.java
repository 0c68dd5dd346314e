package app.rundun.ingest.errors;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.errors.ErrorCode;
import app.rundun.ingest.IngestProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a body over its limit from its declared length, before reading it: photos may be 15 MB,
 * JSON bodies 1 MB. Bodies without a length are bounded where they are read.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
public class BodyLimits extends OncePerRequestFilter {

  private final IngestProperties properties;
  private final ErrorResponses errors;

  public BodyLimits(IngestProperties properties, ErrorResponses errors) {
    this.properties = properties;
    this.errors = errors;
  }

  public static boolean isPhotoUpload(HttpServletRequest request) {
    return request.getRequestURI().endsWith("/photos");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long limit = limitFor(request);
    if (request.getContentLengthLong() > limit) {
      refuse(request, response, limit);
      return;
    }
    chain.doFilter(request, response);
  }

  /** The most bytes the request's body may have. */
  public long limitFor(HttpServletRequest request) {
    return isPhotoUpload(request)
        ? properties.maxPhoto().toBytes()
        : properties.maxJsonBody().toBytes();
  }

  /** Answers 413 with the error body, and closes the connection rather than read the rest. */
  public void refuse(HttpServletRequest request, HttpServletResponse response, long limit)
      throws IOException {
    ApiException tooLarge =
        new ApiException(
            ErrorCode.INVALID_REQUEST,
            413,
            "The request body is over the limit of " + (limit / (1024 * 1024)) + " MB.",
            null);
    response.setHeader("Connection", "close");
    errors.write(tooLarge, request, response);
  }
}
