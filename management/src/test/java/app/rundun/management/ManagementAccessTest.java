package app.rundun.management;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The probes are open; the scrape needs the metrics token, as HTTP Basic for {@code prometheus}.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "rundun.metrics-token=rdm_unit_token",
      "management.endpoints.web.exposure.include=health,prometheus",
      "management.endpoint.health.probes.enabled=true",
      "spring.autoconfigure.exclude="
          + "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration"
    })
class ManagementAccessTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;

  @Test
  void theProbesAnswerWithoutACredential() throws Exception {
    assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
    assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
  }

  @Test
  void theScrapeNeedsTheMetricsToken() throws Exception {
    HttpResponse<String> refused = get("/actuator/prometheus", null);
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.headers().firstValue("WWW-Authenticate"))
        .contains("Basic realm=\"rundun-metrics\"");
    assertThat(refused.body()).startsWith("{\"error\":\"unauthorized\",\"message\":");
    assertThat(get("/actuator/prometheus", "prometheus:wrong").statusCode()).isEqualTo(401);
    assertThat(get("/actuator/prometheus", "someone:rdm_unit_token").statusCode()).isEqualTo(401);

    HttpResponse<String> scraped = get("/actuator/prometheus", "prometheus:rdm_unit_token");
    assertThat(scraped.statusCode()).isEqualTo(200);
    assertThat(scraped.body()).contains("jvm_memory_used_bytes");
  }

  private HttpResponse<String> get(String path, String userAndPassword) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (userAndPassword != null) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8)));
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @SpringBootApplication
  static class Service {}
}
