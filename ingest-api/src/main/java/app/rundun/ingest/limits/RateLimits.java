package app.rundun.ingest.limits;

import app.rundun.contracts.organisations.Mode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.stereotype.Component;

/**
 * Which buckets a request draws from. A request with an API key: the key's, sized by its plan in
 * live mode and by the test-mode budget in test mode. A request without one to an endpoint of a run
 * (the executor's, the preview, the link, photos): the run's and the client address's, so one run
 * cannot be hammered and one client cannot hammer many runs. Anything else (the operator API, docs,
 * health) is not limited here.
 */
@Component
@EnableConfigurationProperties(RateLimitProperties.class)
public class RateLimits {

  private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");
  private static final List<PathPatternRequestMatcher> RUN_PATHS =
      List.of(
              "/v1/executor/runs/{runId}",
              "/v1/executor/runs/{runId}/**",
              "/v1/runs/{runId}/preview",
              "/r/{runId}",
              "/media/runs/{runId}/**")
          .stream()
          .map(PathPatternRequestMatcher.withDefaults()::matcher)
          .toList();

  private final RateLimitProperties properties;
  private final RateLimiter limiter;
  private final MeterRegistry registry;

  RateLimits(RateLimitProperties properties, Clock clock, MeterRegistry registry) {
    this.properties = properties;
    this.limiter = new RateLimiter(clock);
    this.registry = registry;
  }

  /** One decision per bucket the request draws from; none when it is not limited. */
  List<RateLimiter.Decision> decide(HttpServletRequest request, Optional<ApiKeySubject> key) {
    if (!properties.enabled()) {
      return List.of();
    }
    RateLimiter.Access access =
        READ_METHODS.contains(request.getMethod())
            ? RateLimiter.Access.READS
            : RateLimiter.Access.WRITES;
    List<RateLimiter.Decision> decisions = new ArrayList<>();
    if (key.isPresent()) {
      ApiKeySubject subject = key.get();
      RateLimitProperties.Budget budget =
          subject.mode() == Mode.TEST
              ? properties.testMode()
              : properties.plans().get(subject.plan());
      decisions.add(limiter.take("key:" + subject.keyId(), access, budget.of(access)));
    } else {
      runOf(request)
          .ifPresent(run -> {
            decisions.add(limiter.take("run:" + run, access, properties.perRun().of(access)));
            decisions.add(
                limiter.take(
                    "client:" + request.getRemoteAddr(),
                    access,
                    properties.perClient().of(access)));
          });
    }
    for (RateLimiter.Decision decision : decisions) {
      if (!decision.allowed()) {
        Counter.builder("rundun.rate_limit.refusals")
            .description("Requests refused with 429, by the policy that refused them")
            .tag("policy", decision.policy())
            .register(registry)
            .increment();
      }
    }
    return decisions;
  }

  private static Optional<String> runOf(HttpServletRequest request) {
    for (PathPatternRequestMatcher path : RUN_PATHS) {
      var match = path.matcher(request);
      if (match.isMatch()) {
        return Optional.of(match.getVariables().get("runId"));
      }
    }
    return Optional.empty();
  }
}
