package app.rundun.ingest.auth;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.errors.ErrorCode;
import app.rundun.contracts.organisations.ApiKeyScope;
import app.rundun.ingest.IngestProperties;
import app.rundun.ingest.errors.ErrorResponses;
import app.rundun.ingest.limits.ApiKeySubject;
import app.rundun.ingest.limits.RateLimitFilter;
import app.rundun.ingest.limits.RateLimits;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Who may call what, decided once, by Spring Security, on the decoded and normalised path: the
 * firewall first refuses any path that is not in canonical form, then each path rule names the
 * credential it needs. An API key's scopes are authorities: every GET needs {@code runs:read}, each
 * kind of write its own scope, and anything not listed a key without restrictions, so a new
 * endpoint is closed to restricted keys until it is given a scope.
 */
@Configuration
@EnableWebSecurity
class SecurityWiring implements WebMvcConfigurer {

  /** Open to anyone: the run id or invite token in the path, or nothing at all, is the key. */
  private static final String[] OPEN =
      new String[] {
        "/v1/executor/runs/*",
        "/v1/executor/runs/*/**",
        "/v1/runs/*/preview",
        "/v1/openapi.yaml",
        "/schemas/events/*/*",
        "/v1/invites/accept",
        "/health",
        "/error",
        "/docs",
        "/docs/**",
        "/webjars/**",
        "/r/*",
        "/invite/*",
        "/media/runs/**",
        "/media/reports/*",
        "/.well-known/apple-app-site-association",
        "/.well-known/assetlinks.json",
        "/app/**",
        "/sw.js"
      };

  private static final PathPatternRequestMatcher ADMIN =
      PathPatternRequestMatcher.withDefaults().matcher("/admin/**");

  @Bean
  SecurityFilterChain securityFilterChain(
      HttpSecurity http,
      ApiKeyCache keys,
      IngestProperties properties,
      MemberTokens memberTokens,
      ErrorResponses errors,
      RateLimits rateLimits,
      KeyUsage usage,
      Clock clock) {
    http.csrf(csrf -> csrf.disable())
        .formLogin(form -> form.disable())
        .httpBasic(basic -> basic.disable())
        .logout(logout -> logout.disable())
        .requestCache(cache -> cache.disable())
        // Every request carries its credential: no session, no session filters, no request wrapper
        // for the servlet security methods nobody calls; each filter is a cost on every request.
        .sessionManagement(session -> session.disable())
        .servletApi(servletApi -> servletApi.disable())
        .securityContext(context ->
            context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
        .headers(headers -> headers.cacheControl(cache -> cache.disable()))
        .addFilterBefore(
            new CredentialFilter(
                keys, properties.operatorToken(), memberTokens, errors, usage, clock),
            BasicAuthenticationFilter.class)
        .addFilterAfter(
            new RateLimitFilter(
                rateLimits,
                errors,
                request ->
                    Caller.current()
                        .map(caller ->
                            new ApiKeySubject(caller.keyId(), caller.mode(), caller.plan()))),
            CredentialFilter.class)
        .exceptionHandling(handling ->
            handling
                .authenticationEntryPoint((request, response, e) ->
                    errors.write(missingCredential(request), request, response))
                .accessDeniedHandler((request, response, e) ->
                    errors.write(
                        new ApiException(
                            ErrorCode.FORBIDDEN,
                            "This credential does not give access to "
                                + request.getRequestURI()
                                + ".",
                            null),
                        request,
                        response)))
        .authorizeHttpRequests(rules ->
            rules
                .requestMatchers(ADMIN)
                .hasAuthority(Authorities.OPERATOR.name())
                .requestMatchers(OPEN)
                .permitAll()
                .requestMatchers("/v1/api_keys", "/v1/api_keys/**")
                .hasAuthority(Authorities.KEY_ADMIN.name())
                .requestMatchers(HttpMethod.GET, "/v1/**")
                .hasAuthority(Authorities.scope(ApiKeyScope.RUNS_READ))
                // A link to read a report is a read, whoever forwards it.
                .requestMatchers(HttpMethod.POST, "/v1/runs/*/report_link")
                .hasAuthority(Authorities.scope(ApiKeyScope.RUNS_READ))
                .requestMatchers(HttpMethod.POST, "/v1/runs/*/webhook_deliveries/*/redeliver")
                .hasAuthority(Authorities.scope(ApiKeyScope.WEBHOOKS_WRITE))
                .requestMatchers("/v1/runs", "/v1/runs/**")
                .hasAuthority(Authorities.scope(ApiKeyScope.RUNS_WRITE))
                .requestMatchers("/v1/templates", "/v1/templates/**")
                .hasAuthority(Authorities.scope(ApiKeyScope.TEMPLATES_WRITE))
                .requestMatchers("/v1/webhook_endpoints", "/v1/webhook_endpoints/**")
                .hasAuthority(Authorities.scope(ApiKeyScope.WEBHOOKS_WRITE))
                .requestMatchers("/v1/members", "/v1/members/**")
                .hasAuthority(Authorities.scope(ApiKeyScope.MEMBERS_WRITE))
                // Anything else only a key without restrictions: a new endpoint is closed to
                // restricted keys until it is given a scope.
                .anyRequest()
                .hasAuthority(Authorities.KEY_ADMIN.name()));
    return http.build();
  }

  @Bean
  WebSecurityCustomizer canonicalPathsOnly(ErrorResponses errors) {
    RequestRejectedHandler rejected =
        (request, response, e) ->
            errors.write(
                ApiException.invalid(
                    null,
                    "The request is not in canonical form: " + CanonicalFirewall.reason(e) + "."),
                request,
                response);
    return web -> web.httpFirewall(new CanonicalFirewall()).requestRejectedHandler(rejected);
  }

  private static ApiException missingCredential(HttpServletRequest request) {
    return new ApiException(
        ErrorCode.UNAUTHORIZED,
        ADMIN.matches(request)
            ? "Send the operator token as Authorization: Bearer <token>."
            : "Send your API key as Authorization: Bearer <key>.",
        null);
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new CallerArgument());
  }

  /** Gives controllers the {@link Caller} the path rules guarantee on API-key paths. */
  private static final class CallerArgument implements HandlerMethodArgumentResolver {
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
      return Caller.current()
          .orElseThrow(() -> new IllegalStateException("No API key caller on this path"));
    }
  }
}
