package app.rundun.ingest.auth;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.errors.ErrorCode;
import app.rundun.contracts.organisations.ApiKeyRecord;
import app.rundun.contracts.organisations.ApiKeys;
import app.rundun.contracts.organisations.Mode;
import app.rundun.ingest.IngestProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Authenticates {@code /v1} with API keys and {@code /admin/v1} with the operator token. Paths
 * whose credential is the run id itself (the preview and the executor's calls) are left open.
 * Controllers receive the {@link Caller} as a parameter.
 */
@Component
public class Authentication implements HandlerInterceptor, HandlerMethodArgumentResolver {

  private static final String CALLER = Caller.class.getName();

  private final ApiKeyCache keys;
  private final byte[] operatorToken;

  Authentication(ApiKeyCache keys, IngestProperties properties) {
    this.keys = keys;
    this.operatorToken = properties.operatorToken().getBytes(StandardCharsets.UTF_8);
  }

  /** The caller of an authenticated request, once this interceptor has run; empty on open paths. */
  public static Optional<Caller> caller(HttpServletRequest request) {
    return Optional.ofNullable((Caller) request.getAttribute(CALLER));
  }

  public static boolean isOpen(String path) {
    return path.startsWith("/v1/executor/")
        || path.matches("/v1/runs/[^/]+/preview")
        || path.equals("/v1/openapi.yaml")
        || path.equals("/v1/invites/accept");
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    String path = request.getRequestURI();
    if (path.startsWith("/admin/")) {
      requireOperator(request);
    } else if (path.startsWith("/v1/") && !isOpen(path)) {
      request.setAttribute(CALLER, authenticate(request));
    }
    return true;
  }

  private Caller authenticate(HttpServletRequest request) {
    String key = bearer(request);
    Optional<Mode> mode = ApiKeys.parse(key);
    if (mode.isEmpty()) {
      throw unauthorized("The API key is malformed: expected rdk_live_… or rdk_test_….");
    }
    ApiKeyRecord record =
        keys.find(ApiKeys.hash(key))
            .orElseThrow(() -> unauthorized("The API key is not valid, or has been revoked."));
    return new Caller(record.orgId(), record.mode(), record.name());
  }

  private void requireOperator(HttpServletRequest request) {
    byte[] given = bearer(request).getBytes(StandardCharsets.UTF_8);
    if (operatorToken.length == 0 || !MessageDigest.isEqual(operatorToken, given)) {
      throw unauthorized("The operator token is not valid.");
    }
  }

  private static String bearer(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw unauthorized("Send your API key as Authorization: Bearer <key>.");
    }
    return header.substring(7).strip();
  }

  private static ApiException unauthorized(String message) {
    return new ApiException(ErrorCode.UNAUTHORIZED, message, null);
  }

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == Caller.class;
  }

  @Override
  public Caller resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer mav,
      NativeWebRequest request,
      WebDataBinderFactory binders) {
    Object caller = request.getAttribute(CALLER, NativeWebRequest.SCOPE_REQUEST);
    if (caller == null) {
      throw new IllegalStateException("No caller on an authenticated path");
    }
    return (Caller) caller;
  }
}
