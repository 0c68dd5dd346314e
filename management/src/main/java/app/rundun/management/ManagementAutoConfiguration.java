package app.rundun.management;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.errors.ErrorBody;
import app.rundun.contracts.errors.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may use a service's management endpoints: the health probes are open, because an
 * orchestrator's probe carries no credential and they say nothing but UP or DOWN; everything else
 * (the Prometheus scrape) needs HTTP Basic as {@value #SCRAPER} with {@code rundun.metrics-token}.
 * Without a token configured the scrape is refused to everyone. This chain is first and matches
 * actuator endpoints only, so each service's own chain still decides everything else.
 *
 * <p>Every port of every service gives each request an id ({@link RequestIds}), and what the
 * framework or the container refuses itself there is answered in the spec's error body ({@link
 * ErrorBodies}, {@link ContainerErrors}, and {@link ErrorEndpoint} where the service has no error
 * page of its own).
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(MetricsAccess.class)
public class ManagementAutoConfiguration {

  /** The user name Prometheus sends with the metrics token as its password. */
  public static final String SCRAPER = "prometheus";

  private static final String AUTHORITY = "METRICS";
  private static final Logger log = LoggerFactory.getLogger(ManagementAutoConfiguration.class);

  /**
   * A request is observed once, by the server's own observation (its metric and its trace span).
   * Spring Security would also observe each filter of its chain and each decision: measured, a
   * fifth of the CPU of an internal read, for spans that say nothing the request's span does not.
   */
  @Bean
  SecurityObservationSettings securityObservations() {
    return SecurityObservationSettings.noObservations();
  }

  @Bean
  FilterRegistrationBean<RequestIds> requestIds() {
    return firstFilter(new RequestIds());
  }

  @Bean
  ContainerErrors containerErrors() {
    return new ContainerErrors();
  }

  @Bean
  ErrorAttributes errorBodies() {
    return new ErrorBodies();
  }

  @Bean
  @ConditionalOnMissingBean(ErrorController.class)
  ErrorEndpoint errorEndpoint(ErrorAttributes errorBodies) {
    return new ErrorEndpoint(errorBodies);
  }

  /** Before every other filter, security's included, so that a refusal has the request's id. */
  static FilterRegistrationBean<RequestIds> firstFilter(RequestIds filter) {
    FilterRegistrationBean<RequestIds> registration = new FilterRegistrationBean<>(filter);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  SecurityFilterChain managementEndpoints(HttpSecurity http, MetricsAccess access) {
    InMemoryUserDetailsManager scrapers = new InMemoryUserDetailsManager();
    // In memory only, so the cost factor guards nothing stored; it keeps a scrape cheap. Its own
    // encoder and manager: a service's password encoder bean (for members) must not apply here.
    BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(4);
    if (access.metricsToken().isBlank()) {
      log.warn("rundun.metrics-token is not set: the metrics endpoint refuses every request");
    } else {
      scrapers.createUser(
          User.withUsername(SCRAPER)
              .password(encoder.encode(access.metricsToken()))
              .authorities(AUTHORITY)
              .build());
    }
    DaoAuthenticationProvider provider = new DaoAuthenticationProvider(scrapers);
    provider.setPasswordEncoder(encoder);
    http.securityMatcher(EndpointRequest.toAnyEndpoint())
        .csrf(csrf -> csrf.disable())
        .formLogin(form -> form.disable())
        .logout(logout -> logout.disable())
        .requestCache(cache -> cache.disable())
        .sessionManagement(session -> session.disable())
        .httpBasic(basic -> basic.authenticationEntryPoint(ManagementAutoConfiguration::refuse))
        .exceptionHandling(
            handling -> handling.authenticationEntryPoint(ManagementAutoConfiguration::refuse))
        .authenticationManager(new ProviderManager(provider))
        .authorizeHttpRequests(rules ->
            rules
                .requestMatchers(EndpointRequest.to(HealthEndpoint.class))
                .permitAll()
                .anyRequest()
                .hasAuthority(AUTHORITY));
    return http.build();
  }

  /**
   * A scrape without the metrics token gets the API's error shape and the Basic challenge, not the
   * container's error page.
   */
  private static void refuse(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"rundun-metrics\"");
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    ApiException refusal =
        new ApiException(
            ErrorCode.UNAUTHORIZED,
            "The metrics need HTTP Basic as " + SCRAPER + " with rundun.metrics-token.",
            null);
    JsonMapper.shared()
        .writeValue(
            response.getOutputStream(),
            ErrorBody.of(refusal, RequestIds.ensure(request, response)));
  }
}
