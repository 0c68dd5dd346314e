package app.rundun.ingest.idempotency;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.idempotency.ClaimOutcome;
import app.rundun.contracts.idempotency.IdempotencyCommand;
import app.rundun.contracts.idempotency.IdempotencyKeys;
import app.rundun.contracts.webhooks.SecretBox;
import app.rundun.ingest.IngestProperties;
import app.rundun.ingest.auth.Caller;
import app.rundun.ingest.commands.CommandBus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.WebUtils;

/**
 * Stripe's Idempotency-Key semantics on every POST of the public API. Before the handler runs the
 * key is claimed; a retry of a finished request gets its response again (with {@code
 * Idempotent-Replayed: true}), a request while the first is still running gets 409, and the key on
 * a different request gets 400. Keys belong to the API key's organisation and mode, or, for the
 * executor's calls, to the run. A response with an unknown outcome (5xx) is not kept: the key is
 * released and a retry runs the request again, where creates are deduplicated once more by the
 * stage that applies them.
 */
@Component
class IdempotentPosts implements HandlerInterceptor {

  static final String REPLAYED_HEADER = "Idempotent-Replayed";
  private static final String CLAIM = IdempotentPosts.class.getName();
  private static final Pattern EXECUTOR_RUN = Pattern.compile("^/v1/executor/runs/([^/]+)/");
  private static final Logger log = LoggerFactory.getLogger(IdempotentPosts.class);

  private final CommandBus commands;
  private final Clock clock;
  private final Duration commandTimeout;
  private final SecretBox seal;

  /**
   * {@code seal}: a kept response may carry a secret shown once (a generated webhook secret, an
   * invite link), so it is kept, in the claims store and on the replies topic, sealed.
   */
  IdempotentPosts(CommandBus commands, Clock clock, IngestProperties properties, SecretBox seal) {
    this.commands = commands;
    this.clock = clock;
    this.commandTimeout = properties.commandTimeout();
    this.seal = seal;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws IOException {
    RepeatableBody body = WebUtils.getNativeRequest(request, RepeatableBody.class);
    if (body == null || !IdempotencyFilter.applies(request)) {
      return true;
    }
    String key = request.getHeader(IdempotencyKeys.HEADER);
    IdempotencyKeys.check(key);
    String digest = RequestDigest.of(request, body.body());
    request.setAttribute(IdempotencyKey.DIGEST_ATTRIBUTE, digest);
    var claim =
        new IdempotencyCommand.Claim(
            scope(request), key, digest, clock.instant().plus(commandTimeout));
    ClaimOutcome outcome = commands.send(claim);
    switch (outcome.state()) {
      case CLAIMED -> {
        request.setAttribute(CLAIM, claim);
        return true;
      }
      case IN_FLIGHT -> throw IdempotencyKeys.inFlight();
      case OTHER_REQUEST -> throw IdempotencyKeys.otherRequest(key);
      case DONE -> {
        response.setStatus(outcome.status());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setHeader(REPLAYED_HEADER, "true");
        response
            .getOutputStream()
            .write(seal.open(outcome.body()).getBytes(StandardCharsets.UTF_8));
        return false;
      }
    }
    throw new IllegalStateException("Unknown claim outcome " + outcome.state());
  }

  @Override
  public void afterCompletion(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
    if (!(request.getAttribute(CLAIM) instanceof IdempotencyCommand.Claim claim)) {
      return;
    }
    ContentCachingResponseWrapper held =
        WebUtils.getNativeResponse(response, ContentCachingResponseWrapper.class);
    int status = response.getStatus();
    try {
      if (held == null || status >= 500) {
        commands.publish(
            new IdempotencyCommand.Release(claim.scope(), claim.key(), claim.requestHash()));
      } else {
        String answer = new String(held.getContentAsByteArray(), StandardCharsets.UTF_8);
        commands.publish(
            new IdempotencyCommand.Complete(
                claim.scope(), claim.key(), claim.requestHash(), status, seal.seal(answer)));
      }
    } catch (ApiException e) {
      // Kafka could not take it: the claim is abandoned and frees the key after 30 s.
      log.warn(
          "Idempotency-Key {} of {} not recorded: {}", claim.key(), claim.scope(), e.getMessage());
    }
  }

  /** Whose key it is: the API key's organisation and mode, or the run an executor acts on. */
  private static String scope(HttpServletRequest request) {
    var caller = Caller.current();
    if (caller.isPresent()) {
      return "org/" + caller.get().orgId().value() + "/" + caller.get().mode().wire();
    }
    Matcher run = EXECUTOR_RUN.matcher(request.getRequestURI());
    if (run.find()) {
      return "run/" + run.group(1);
    }
    return "open" + request.getRequestURI();
  }
}
