package app.rundun.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import app.rundun.contracts.json.Json;
import app.rundun.launcher.RundunSystem.ManagementTarget;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * An operator's Prometheus (Debian's {@code prometheus}, a real server) scrapes every service of a
 * running system with the metrics token and finds the series the dashboards and alerts are built
 * on: HTTP requests, Kafka Streams lag and state, commands, webhook attempts, RocksDB memory.
 */
class MetricsScrapeTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path workDir;

  @Test
  void aRealPrometheusScrapesEveryServiceAndFindsTheDocumentedSeries() throws Exception {
    RundunSystem system = TestSystem.get();
    List<ManagementTarget> targets = system.managementTargets();

    // Step 1: the probes are open to an orchestrator; the scrape needs the metrics token; what a
    // management port refuses is the spec's error body with the request's id, on every service.
    for (ManagementTarget target : targets) {
      assertRefusal(get(target.url() + "/actuator/prometheus", null), 401, "unauthorized");
      assertRefusal(
          get(target.url() + "/actuator/prometheus/", TestSystem.METRICS_TOKEN), 404, "not_found");
      assertThat(get(target.url() + "/actuator/health/liveness", null).statusCode())
          .as("liveness of %s", target)
          .isEqualTo(200);
      assertThat(get(target.url() + "/actuator/health/readiness", null).statusCode())
          .as("readiness of %s", target)
          .isEqualTo(200);
      assertThat(get(target.url() + "/actuator/prometheus", null).statusCode())
          .as("scrape of %s without the token", target)
          .isEqualTo(401);
      assertThat(get(target.url() + "/actuator/prometheus", "not-the-token").statusCode())
          .as("scrape of %s with a wrong token", target)
          .isEqualTo(401);
      HttpResponse<String> scraped =
          get(target.url() + "/actuator/prometheus", TestSystem.METRICS_TOKEN);
      assertThat(scraped.statusCode())
          .as("scrape of %s with the token: %s", target, scraped.body())
          .isEqualTo(200);
    }

    // Step 2: traffic that touches each service: a run with a webhook, opened and delivered.
    try (Receiver receiver = Receiver.alwaysOk()) {
      Api live = TestSystem.newOrganisation("business");
      String template = Fixtures.oneStepTemplate(live, "Scraped");
      String run =
          live.post(
                  "/v1/runs",
                  Map.of(
                      "template_id",
                      template,
                      "webhook",
                      Map.of("url", receiver.url("/hook"), "events", List.of("run.opened"))))
              .expect(201)
              .json()
              .get("run_id")
              .asString();
      live.anonymous().post("/v1/executor/runs/" + run + "/open", Map.of()).expect(200);
      assertThat(receiver.await(1, Duration.ofSeconds(30))).as("webhooks received").hasSize(1);
    }

    // Step 3: Prometheus scrapes all of them, authenticated, every second.
    int port = SystemSettings.freePort();
    Process prometheus = startPrometheus(targets, port);
    try {
      String api = "http://127.0.0.1:" + port;
      Eventually.until(
          "Prometheus ready (its log: " + workDir.resolve("prometheus.log") + ")",
          Duration.ofSeconds(30),
          () -> readiness(api),
          status -> status == 200);
      boolean allUp =
          Eventually.holds(
              Duration.ofSeconds(60),
              () -> {
                JsonNode up = queryQuietly(api, "up");
                return up.size() == targets.size() && allValuesAre(up, "1");
              });
      assertThat(allUp)
          .as("every target up; Prometheus says: %s", get(api + "/api/v1/targets", null).body())
          .isTrue();

      // Step 4: the series the dashboard and the alert rules use are there, per service.
      Map<String, String> expected =
          Map.of(
              "http_server_requests_seconds_bucket{job=\"ingest-api\",uri=\"/v1/runs\"}",
              "HTTP latency histogram per route",
              "rundun_commands_seconds_count{job=\"ingest-api\",command=\"CreateRun\",outcome=\"ok\"}",
              "commands by type and outcome",
              "rundun_api_keys_cached{job=\"ingest-api\"}",
              "API key cache size",
              "kafka_consumer_fetch_manager_records_lag{job=\"run-processor\"}",
              "Kafka Streams consumer lag per partition",
              "kafka_stream_thread_process_rate{job=\"run-processor\"}",
              "Kafka Streams process rate",
              "rundun_streams_state{job=\"run-processor\",state=\"RUNNING\"} == 1",
              "Streams state",
              "rundun_rocksdb_memory_used_bytes{job=\"run-processor\"}",
              "RocksDB memory in use",
              "rundun_webhook_attempts_seconds_count{job=\"webhook-dispatcher\",outcome=\"delivered\",host=\"127.0.0.1\"}",
              "webhook attempts by outcome and host");
      for (var series : expected.entrySet()) {
        boolean found =
            Eventually.holds(
                Duration.ofSeconds(30), () -> !queryQuietly(api, series.getKey()).isEmpty());
        assertThat(found)
            .as(
                "%s: %s, among %s",
                series.getValue(),
                series.getKey(),
                query(api, "count by (__name__) ({__name__=~\"rundun_.*|kafka_.*\"})"))
            .isTrue();
      }

      // Step 5: the run-processor's series per task are there, those per state store are not
      // (some thirty for each store of each task, most of them always zero).
      assertThat(
              Eventually.holds(
                  Duration.ofSeconds(30),
                  () ->
                      !queryQuietly(api, "kafka_stream_task_process_rate{job=\"run-processor\"}")
                          .isEmpty()))
          .as("a series per task")
          .isTrue();
      assertThat(
              query(
                  api,
                  "{job=\"run-processor\",__name__=~\"kafka_stream_state_.+\","
                      + "__name__!~\"kafka_stream_state_updater_.+\"}"))
          .as("series per state store")
          .isEmpty();

      // Step 6: every query of the shipped dashboard and alert rules is valid PromQL here, and
      // names only series that Rundun really exports.
      JsonNode names = TestSystem.json(get(api + "/api/v1/label/__name__/values", null).body());
      List<String> exported = new java.util.ArrayList<>();
      names.get("data").forEach(name -> exported.add(name.asString()));
      for (String expression : OpsDocs.expressions()) {
        query(api, expression);
        assertThat(exported)
            .as("series named by %s", expression)
            .containsAll(OpsDocs.seriesNamedBy(expression));
      }
    } finally {
      prometheus.destroy();
      prometheus.waitFor();
    }
  }

  private Process startPrometheus(List<ManagementTarget> targets, int port) throws IOException {
    Path token = Files.writeString(workDir.resolve("metrics-token"), TestSystem.METRICS_TOKEN);
    Map<String, List<ManagementTarget>> byService =
        targets.stream().collect(Collectors.groupingBy(ManagementTarget::service));
    StringBuilder config = new StringBuilder("global:\n  scrape_interval: 1s\nscrape_configs:\n");
    for (var service : byService.entrySet()) {
      config
          .append("  - job_name: ")
          .append(service.getKey())
          .append("\n    metrics_path: /actuator/prometheus\n    basic_auth:\n")
          .append("      username: prometheus\n      password_file: ")
          .append(token)
          .append("\n    static_configs:\n      - targets: [")
          .append(
              service.getValue().stream()
                  .map(t -> "'" + URI.create(t.url()).getAuthority() + "'")
                  .collect(Collectors.joining(", ")))
          .append("]\n");
    }
    Path file = Files.writeString(workDir.resolve("prometheus.yml"), config);
    return new ProcessBuilder(
            "prometheus",
            "--config.file=" + file,
            "--storage.tsdb.path=" + workDir.resolve("tsdb"),
            "--web.listen-address=127.0.0.1:" + port)
        .redirectErrorStream(true)
        .redirectOutput(workDir.resolve("prometheus.log").toFile())
        .start();
  }

  private static JsonNode query(String api, String promql) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        api
                            + "/api/v1/query?query="
                            + URLEncoder.encode(promql, StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode body = TestSystem.json(response.body());
    assertThat(body.get("status").asString()).as("query %s", promql).isEqualTo("success");
    return body.get("data").get("result");
  }

  private static JsonNode queryQuietly(String api, String promql) {
    try {
      return query(api, promql);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Prometheus' own readiness; 0 while it does not listen yet. */
  private static int readiness(String api) throws Exception {
    try {
      return get(api + "/-/ready", null).statusCode();
    } catch (java.net.ConnectException e) {
      return 0;
    }
  }

  private static boolean allValuesAre(JsonNode result, String value) {
    for (JsonNode sample : result) {
      if (!sample.get("value").get(1).asString().equals(value)) {
        return false;
      }
    }
    return true;
  }

  private static void assertRefusal(HttpResponse<String> response, int status, String code) {
    String where = response.request().uri().toString();
    assertThat(response.statusCode()).as("status of %s", where).isEqualTo(status);
    JsonNode body = Json.mapper().readTree(response.body());
    assertThat(body.path("error").asString()).as("error of %s", where).isEqualTo(code);
    assertThat(body.path("message").asString()).as("message of %s", where).isNotBlank();
    assertThat(body.path("request_id").asString())
        .as("request_id of %s", where)
        .matches("req_[0-9a-f]{24}")
        .isEqualTo(response.headers().firstValue("Request-Id").orElse(null));
    assertThat(body.has("timestamp")).as("Spring Boot's own body at %s", where).isFalse();
  }

  private static HttpResponse<String> get(String url, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
    if (token != null) {
      request.header(
          "Authorization",
          "Basic "
              + java.util.Base64.getEncoder()
                  .encodeToString(("prometheus:" + token).getBytes(StandardCharsets.UTF_8)));
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
