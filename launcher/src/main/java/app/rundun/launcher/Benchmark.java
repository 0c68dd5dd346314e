package app.rundun.launcher;

import app.rundun.contracts.json.Json;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code ./run-local benchmark}: starts a throwaway system and measures {@code POST /v1/runs} over
 * real HTTP and a real broker, one caller at a time (latency) and many at once (throughput).
 */
final class Benchmark {

  private static final int WARMUP = 300;
  private static final int SEQUENTIAL = 1_000;
  private static final int PARALLEL = 4_000;
  private static final int CALLERS = 32;

  private final HttpClient http = HttpClient.newHttpClient();
  private String base;
  private String key;

  private Benchmark() {}

  static void run() throws Exception {
    new Benchmark().measure();
  }

  private void measure() throws Exception {
    Path dataDir = Files.createTempDirectory("rundun-benchmark");
    String operatorToken = "rdo_benchmark";
    try (RundunSystem system =
        RundunSystem.start(
            new RundunSystem.Settings(
                dataDir,
                freePort(),
                0,
                freePort(),
                freePort(),
                null,
                operatorToken,
                "benchmark-media-signing-secret",
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
                "127.0.0.0/8,::1/128",
                null,
                Map.of()))) {
      base = system.apiBaseUrl();
      key = setUp(operatorToken);
      String template = templateId();
      for (int i = 0; i < WARMUP; i++) {
        createRun(template);
      }
      long[] sequential = new long[SEQUENTIAL];
      long started = System.nanoTime();
      for (int i = 0; i < SEQUENTIAL; i++) {
        sequential[i] = createRun(template);
      }
      double sequentialSeconds = (System.nanoTime() - started) / 1e9;

      ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
      List<Future<Long>> futures = new ArrayList<>();
      started = System.nanoTime();
      for (int i = 0; i < PARALLEL; i++) {
        futures.add(callers.submit(() -> createRun(template)));
      }
      long[] parallel = new long[PARALLEL];
      for (int i = 0; i < PARALLEL; i++) {
        parallel[i] = futures.get(i).get();
      }
      double parallelSeconds = (System.nanoTime() - started) / 1e9;
      callers.shutdown();

      System.out.printf(
          "%nPOST /v1/runs, real HTTP and an in-process KRaft broker, exactly-once, %d cores%n",
          Runtime.getRuntime().availableProcessors());
      report("1 caller  ", sequential, sequentialSeconds);
      report(CALLERS + " callers", parallel, parallelSeconds);
    }
  }

  private static void report(String label, long[] nanos, double seconds) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    System.out.printf(
        "  %s  %6d runs  %8.1f runs/s  p50 %6.1f ms  p99 %6.1f ms%n",
        label,
        nanos.length,
        nanos.length / seconds,
        sorted[sorted.length / 2] / 1e6,
        sorted[(int) (sorted.length * 0.99)] / 1e6);
  }

  private long createRun(String template) throws IOException, InterruptedException {
    long start = System.nanoTime();
    HttpResponse<String> response =
        post("/v1/runs", key, Map.of("template_id", template, "executor_ref", "bench"));
    long elapsed = System.nanoTime() - start;
    if (response.statusCode() != 201) {
      throw new IllegalStateException("POST /v1/runs answered " + response.body());
    }
    return elapsed;
  }

  private String setUp(String operatorToken) throws IOException, InterruptedException {
    String org =
        json(post(
                "/admin/v1/organisations",
                operatorToken,
                Map.of("name", "Bench", "plan", "enterprise")))
            .get("organisation_id")
            .asString();
    return json(post(
            "/admin/v1/organisations/" + org + "/api_keys",
            operatorToken,
            Map.of("name", "Benchmark")))
        .get("key")
        .asString();
  }

  private String templateId() throws IOException, InterruptedException {
    Map<String, Object> step = Map.of("id", "s-od01", "type", "number", "title", "Odometer");
    return json(post("/v1/templates", key, Map.of("name", "Bench", "steps", List.of(step))))
        .get("template_id")
        .asString();
  }

  private HttpResponse<String> post(String path, String bearer, Object body)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Bearer " + bearer)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(body)))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static tools.jackson.databind.JsonNode json(HttpResponse<String> response) {
    return Json.mapper().readTree(response.body());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
