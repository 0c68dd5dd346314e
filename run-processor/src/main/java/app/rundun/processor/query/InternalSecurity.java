package app.rundun.processor.query;

import app.rundun.contracts.errors.ApiError;
import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.errors.ErrorCode;
import app.rundun.contracts.json.Json;
import app.rundun.contracts.queries.InternalPaths;
import app.rundun.processor.ProcessorProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The internal API answers only callers holding {@code rundun.internal-token}: the ingest-api and
 * the other run-processor instances forwarding to the owner. It holds run state and member data of
 * every organisation, so without a configured token it refuses everything.
 */
@Configuration
@EnableWebSecurity
class InternalSecurity {

  static final String AUTHORITY = "INTERNAL";
  private static final Logger log = LoggerFactory.getLogger(InternalSecurity.class);

  @Bean
  SecurityFilterChain internalApi(HttpSecurity http, ProcessorProperties properties) {
    if (properties.internalToken().isBlank()) {
      log.warn("rundun.internal-token is not set: the internal API refuses every request");
    }
    http.csrf(csrf -> csrf.disable())
        .formLogin(form -> form.disable())
        .httpBasic(basic -> basic.disable())
        .logout(logout -> logout.disable())
        .requestCache(cache -> cache.disable())
        // Every request carries its credential: no session, no session filters, no request wrapper
        // for the servlet security methods nobody calls; each filter is a cost on every request.
        // Browser security headers mean nothing to the services calling the internal API.
        .headers(headers -> headers.disable())
        .sessionManagement(session -> session.disable())
        .servletApi(servletApi -> servletApi.disable())
        .securityContext(context ->
            context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
        .addFilterBefore(
            new InternalToken(properties.internalToken()), BasicAuthenticationFilter.class)
        .exceptionHandling(handling ->
            handling
                .authenticationEntryPoint((request, response, e) ->
                    write(
                        response,
                        new ApiException(
                            ErrorCode.UNAUTHORIZED,
                            "The internal API needs the internal token.",
                            null)))
                .accessDeniedHandler((request, response, e) ->
                    write(
                        response,
                        new ApiException(
                            ErrorCode.FORBIDDEN, "Not part of the internal API.", null))))
        .authorizeHttpRequests(rules ->
            rules
                .requestMatchers(InternalPaths.ALL)
                .hasAuthority(AUTHORITY)
                .requestMatchers("/error")
                .permitAll()
                .anyRequest()
                .denyAll());
    return http.build();
  }

  /**
   * A path the firewall refuses (an encoded letter, a {@code ;} parameter) gets the internal API's
   * error body, not the servlet container's error page.
   */
  @Bean
  RequestRejectedHandler internalRequestRejected() {
    return (request, response, e) ->
        write(
            response,
            ApiException.invalid(null, "The request is not in canonical form: " + e.getMessage()));
  }

  private static void write(HttpServletResponse response, ApiException e) throws IOException {
    response.setStatus(e.status());
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    Json.mapper().writeValue(response.getOutputStream(), ApiError.of(e));
  }

  /** Authenticates a request whose bearer token is the internal token; others stay anonymous. */
  private static final class InternalToken extends OncePerRequestFilter {

    private final byte[] token;

    InternalToken(String token) {
      this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String header = request.getHeader(HttpHeaders.AUTHORIZATION);
      if (token.length > 0
          && header != null
          && header.startsWith("Bearer ")
          && MessageDigest.isEqual(token, header.substring(7).getBytes(StandardCharsets.UTF_8))) {
        SecurityContextHolder.getContext()
            .setAuthentication(
                new PreAuthenticatedAuthenticationToken(
                    "internal", null, List.of(new SimpleGrantedAuthority(AUTHORITY))));
      }
      chain.doFilter(request, response);
    }
  }
}
