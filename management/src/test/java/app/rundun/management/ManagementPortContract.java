package app.rundun.management;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * What a management port promises, wherever it is: the probes are open; the scrape needs the
 * metrics token, as HTTP Basic for {@code prometheus}; and every refusal there is the spec's error
 * body with the request's id, the one sent as {@code Request-Id}.
 */
// Closed after its tests: a service left running keeps the logging system it started, and the
// structured-logs test must start its own.
@DirtiesContext
@SpringBootTest(
    classes = ManagementPortContract.Service.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "rundun.metrics-token=rdm_unit_token",
      "management.endpoints.web.exposure.include=health,prometheus",
      "management.endpoint.health.probes.enabled=true",
      "spring.autoconfigure.exclude="
          + "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration"
    })
abstract class ManagementPortContract {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String SCRAPER = "prometheus:rdm_unit_token";

  abstract int managementPort();

  @Test
  void theProbesAnswerWithoutACredential() throws Exception {
    assertThat(send("GET", "/actuator/health/liveness", null).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/actuator/health/readiness", null).statusCode()).isEqualTo(200);
  }

  @Test
  void theScrapeNeedsTheMetricsToken() throws Exception {
    HttpResponse<String> refused = send("GET", "/actuator/prometheus", null);
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.headers().firstValue("WWW-Authenticate"))
        .contains("Basic realm=\"rundun-metrics\"");
    assertSpecBody(
        refused,
        "unauthorized",
        "The metrics need HTTP Basic as prometheus with rundun.metrics-token.");
    assertThat(send("GET", "/actuator/prometheus", "prometheus:wrong").statusCode()).isEqualTo(401);
    assertThat(send("GET", "/actuator/prometheus", "someone:rdm_unit_token").statusCode())
        .isEqualTo(401);

    HttpResponse<String> scraped = send("GET", "/actuator/prometheus", SCRAPER);
    assertThat(scraped.statusCode()).isEqualTo(200);
    assertThat(scraped.body()).contains("jvm_memory_used_bytes");
    assertThat(requestId(scraped)).isNotEqualTo(requestId(refused));
  }

  @Test
  void aPathThatIsNotThereIsTheSpecsNotFound() throws Exception {
    HttpResponse<String> missing = send("GET", "/actuator/prometheus/", SCRAPER);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertSpecBody(missing, "not_found", "Nothing here.");
  }

  @Test
  void aBrowserIsAnsweredTheSameBody() throws Exception {
    HttpResponse<String> missing =
        send("GET", "/actuator/prometheus/", SCRAPER, "Accept", "text/html");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("Content-Type")).contains("application/json");
    assertThat(missing.body()).startsWith("{\"error\":\"not_found\",");
  }

  @Test
  void whatTomcatRefusesItselfIsTheSpecsBodyToo() throws Exception {
    HttpResponse<String> tooBig = send("GET", "/actuator/health", null, "X-Big", "a".repeat(9_000));
    assertThat(tooBig.statusCode()).isEqualTo(431);
    assertSpecBody(tooBig, "invalid_request", "The request's headers are over the limit.");
  }

  @Test
  void aMethodTheEndpointDoesNotTakeIsTheSpecsInvalidRequest() throws Exception {
    HttpResponse<String> posted = send("POST", "/actuator/prometheus", SCRAPER);
    assertThat(posted.statusCode()).isEqualTo(405);
    assertSpecBody(posted, "invalid_request", "This method is not allowed.");
  }

  /** The spec's error body, to the letter, with the id the response's header gives. */
  private static void assertSpecBody(HttpResponse<String> response, String code, String message) {
    assertThat(response.body())
        .isEqualTo(
            "{\"error\":\""
                + code
                + "\",\"message\":\""
                + message
                + "\",\"request_id\":\""
                + requestId(response)
                + "\"}");
  }

  private static String requestId(HttpResponse<String> response) {
    String id = response.headers().firstValue("Request-Id").orElseThrow();
    assertThat(id).matches("req_[0-9a-f]{24}");
    return id;
  }

  /** Sends a request with HTTP Basic if {@code userAndPassword} is given, and more headers. */
  private HttpResponse<String> send(
      String method, String path, String userAndPassword, String... headerNamesAndValues)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort() + path))
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (headerNamesAndValues.length > 0) {
      request.headers(headerNamesAndValues);
    }
    if (userAndPassword != null) {
      request.header("Authorization", basic(userAndPassword));
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * A service of nothing but its management: no component scan, as a service's own never sees this
   * package.
   */
  private static String basic(String userAndPassword) {
    return "Basic "
        + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class Service {}
}
