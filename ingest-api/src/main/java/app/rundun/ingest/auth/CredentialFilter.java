package app.rundun.ingest.auth;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.errors.ErrorCode;
import app.rundun.contracts.organisations.ApiKeyRecord;
import app.rundun.contracts.organisations.ApiKeys;
import app.rundun.ingest.errors.ErrorResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns the credential a request carries into who it is: an API key or the operator token as {@code
 * Authorization: Bearer}, a member's sign-in token as {@code Rundun-Member} on the run it names. A
 * credential that is presented but not valid is refused here, wherever it is sent; a request with
 * none goes on unauthenticated, and the path rules decide whether that is enough.
 */
final class CredentialFilter extends OncePerRequestFilter {

  static final String MEMBER_HEADER = "Rundun-Member";

  private static final PathPatternRequestMatcher EXECUTOR_RUN =
      PathPatternRequestMatcher.withDefaults().matcher("/v1/executor/runs/{runId}/**");

  private final ApiKeyCache keys;
  private final byte[] operatorToken;
  private final MemberTokens memberTokens;
  private final ErrorResponses errors;
  private final KeyUsage usage;
  private final Clock clock;

  CredentialFilter(
      ApiKeyCache keys,
      String operatorToken,
      MemberTokens memberTokens,
      ErrorResponses errors,
      KeyUsage usage,
      Clock clock) {
    this.keys = keys;
    this.usage = usage;
    this.clock = clock;
    this.operatorToken = operatorToken.getBytes(StandardCharsets.UTF_8);
    this.memberTokens = memberTokens;
    this.errors = errors;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<Authentication> authenticated;
    try {
      authenticated = bearer(request).or(() -> member(request));
    } catch (ApiException refused) {
      errors.write(refused, request, response);
      return;
    }
    authenticated.ifPresent(SecurityContextHolder.getContext()::setAuthentication);
    chain.doFilter(request, response);
  }

  private Optional<Authentication> bearer(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null) {
      return Optional.empty();
    }
    if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw unauthorized("Send your credential as Authorization: Bearer <key>.");
    }
    String token = header.substring(7).strip();
    if (ApiKeys.parse(token).isPresent()) {
      ApiKeyRecord record =
          keys.find(ApiKeys.hash(token))
              .orElseThrow(() -> unauthorized("The API key is not valid, or has been revoked."));
      if (record.expiredAt(clock.instant())) {
        throw unauthorized("The API key has expired: it was rolled. Use the key that replaced it.");
      }
      usage.used(record);
      return Optional.of(
          new PreAuthenticatedAuthenticationToken(
              new Caller(record), null, Authorities.of(record)));
    }
    if (operatorToken.length > 0
        && MessageDigest.isEqual(operatorToken, token.getBytes(StandardCharsets.UTF_8))) {
      return Optional.of(authenticated("operator", Authorities.OPERATOR));
    }
    throw unauthorized(
        "The credential is not valid: expected an API key (rdk_live_… or rdk_test_…) or the"
            + " operator token.");
  }

  private Optional<Authentication> member(HttpServletRequest request) {
    String token = request.getHeader(MEMBER_HEADER);
    if (token == null) {
      return Optional.empty();
    }
    var run = EXECUTOR_RUN.matcher(request);
    if (!run.isMatch()) {
      return Optional.empty();
    }
    String runId = run.getVariables().get("runId");
    MemberTokens.Claims claims =
        memberTokens
            .verify(token, runId)
            .orElseThrow(() -> unauthorized("The sign-in has expired; sign in again."));
    return Optional.of(
        authenticated(
            new SignedInMember(claims.orgId(), claims.userId(), runId), Authorities.MEMBER));
  }

  private static Authentication authenticated(Object principal, Authorities authority) {
    return new PreAuthenticatedAuthenticationToken(principal, null, List.of(authority.granted()));
  }

  private static ApiException unauthorized(String message) {
    return new ApiException(ErrorCode.UNAUTHORIZED, message, null);
  }
}
