package app.rundun.ingest.limits;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.errors.ErrorCode;
import app.rundun.ingest.errors.ErrorResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Draws a token for each request once its credential is known, answers {@code 429 rate_limited}
 * with {@code Retry-After} when a bucket is empty, and on every limited answer sends the IETF
 * headers (draft-ietf-httpapi-ratelimit-headers): {@code RateLimit-Policy: "key-writes";q=50;w=1}
 * and {@code RateLimit: "key-writes";r=49;t=1}, one item per bucket drawn from.
 */
public final class RateLimitFilter extends OncePerRequestFilter {

  public static final String POLICY_HEADER = "RateLimit-Policy";
  public static final String LIMIT_HEADER = "RateLimit";

  private final RateLimits limits;
  private final ErrorResponses errors;
  private final Function<HttpServletRequest, Optional<ApiKeySubject>> keyOf;

  /** {@code keyOf} gives the API key the security chain authenticated, if any. */
  public RateLimitFilter(
      RateLimits limits,
      ErrorResponses errors,
      Function<HttpServletRequest, Optional<ApiKeySubject>> keyOf) {
    this.limits = limits;
    this.errors = errors;
    this.keyOf = keyOf;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    List<RateLimiter.Decision> decisions = limits.decide(request, keyOf.apply(request));
    if (!decisions.isEmpty()) {
      response.setHeader(
          POLICY_HEADER,
          decisions.stream()
              .map(d -> "\"" + d.policy() + "\";q=" + d.quota() + ";w=1")
              .collect(Collectors.joining(", ")));
      response.setHeader(
          LIMIT_HEADER,
          decisions.stream()
              .map(d -> "\"" + d.policy() + "\";r=" + d.remaining() + ";t=" + d.resetSeconds())
              .collect(Collectors.joining(", ")));
      Optional<RateLimiter.Decision> refused =
          decisions.stream()
              .filter(d -> !d.allowed())
              .max(Comparator.comparingLong(RateLimiter.Decision::retryAfterSeconds));
      if (refused.isPresent()) {
        RateLimiter.Decision decision = refused.get();
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(decision.retryAfterSeconds()));
        errors.write(
            new ApiException(
                ErrorCode.RATE_LIMITED,
                "Too many requests: the limit "
                    + decision.policy()
                    + " allows "
                    + decision.quota()
                    + " a second. Retry after "
                    + decision.retryAfterSeconds()
                    + " s.",
                null),
            request,
            response);
        return;
      }
    }
    chain.doFilter(request, response);
  }
}
