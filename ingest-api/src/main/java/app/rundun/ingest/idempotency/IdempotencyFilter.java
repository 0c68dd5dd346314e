package app.rundun.ingest.idempotency;

import app.rundun.contracts.idempotency.IdempotencyKeys;
import app.rundun.ingest.errors.BodyLimits;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * For a POST that carries an Idempotency-Key: reads the body ahead, within its limit, so the
 * request can be digested before it runs, and holds the response back until {@link IdempotentPosts}
 * has recorded it, so a retry that follows the answer always finds it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 4)
class IdempotencyFilter extends OncePerRequestFilter {

  private final BodyLimits limits;

  IdempotencyFilter(BodyLimits limits) {
    this.limits = limits;
  }

  static boolean applies(HttpServletRequest request) {
    return "POST".equals(request.getMethod())
        && request.getRequestURI().startsWith("/v1/")
        && request.getHeader(IdempotencyKeys.HEADER) != null;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !applies(request);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long limit = limits.limitFor(request);
    byte[] body = request.getInputStream().readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE));
    if (body.length > limit) {
      limits.refuse(request, response, limit);
      return;
    }
    ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
    try {
      chain.doFilter(new RepeatableBody(request, body), held);
    } finally {
      held.copyBodyToResponse();
    }
  }
}
