package app.rundun.launcher;

import app.rundun.contracts.json.Json;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./run-local benchmark}: starts a throwaway system and measures {@code POST /v1/runs} over
 * real HTTP and a real broker, one caller at a time (latency) and many at once (throughput).
 */
final class Benchmark {

  private static final int WARMUP = 300;
  private static final int SEQUENTIAL = 1_000;
  private static final int PARALLEL = 4_000;
  private static final int CALLERS = 32;
  private static final int WEBHOOK_RUNS = 1_000;
  private static final int WEBHOOK_WARMUP = 300;

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
                "benchmark-member-token-secret",
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

      System.out.printf(
          "%nWebhooks: open request sent -> delivery received, local receiver, %d callers%n",
          CALLERS);
      webhooks(template, null, 0, WEBHOOK_WARMUP);
      webhooks(template, "all endpoints healthy    ", 0, WEBHOOK_RUNS);
      webhooks(template, "1 in 10 never answers    ", 10, WEBHOOK_RUNS);
    }
  }

  /**
   * Dispatches runs with a webhook on {@code run.opened}, opens them all, and times each from the
   * open request being sent to its delivery arriving. With {@code deadEvery} > 0, every such run
   * points at an endpoint that accepts connections and never answers; only the others are timed.
   * Without a label it is a warm-up, and prints nothing.
   */
  private void webhooks(String template, String label, int deadEvery, int runs) throws Exception {
    Map<String, Long> arrived = new ConcurrentHashMap<>();
    Pattern runId = Pattern.compile("\"run_id\":\"(r-[0-9a-f-]{36})\"");
    HttpServer receiver =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    receiver.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          Matcher match = runId.matcher(body);
          if (match.find()) {
            arrived.putIfAbsent(match.group(1), System.nanoTime());
          }
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
    try (ServerSocket dead = new ServerSocket(0, 1_000, InetAddress.getLoopbackAddress())) {
      List<Socket> held = new CopyOnWriteArrayList<>();
      Thread.ofVirtual()
          .start(() -> {
            try {
              while (true) {
                held.add(dead.accept());
              }
            } catch (IOException closed) {
              // the benchmark is over
            }
          });
      String live = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
      String never = "http://localhost:" + dead.getLocalPort() + "/hook";
      List<String> healthy = new ArrayList<>();
      List<String> all = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        boolean isDead = deadEvery > 0 && i % deadEvery == 0;
        String run = createRunWithWebhook(template, isDead ? never : live);
        all.add(run);
        if (!isDead) {
          healthy.add(run);
        }
      }
      Map<String, Long> sent = new ConcurrentHashMap<>();
      ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
      List<Future<?>> opens = new ArrayList<>();
      for (String run : all) {
        opens.add(
            callers.submit(() -> {
              sent.put(run, System.nanoTime());
              return post("/v1/executor/runs/" + run + "/open", null, Map.of());
            }));
      }
      for (Future<?> open : opens) {
        open.get();
      }
      callers.shutdown();
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (!arrived.keySet().containsAll(healthy) && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      long[] latencies =
          healthy.stream()
              .filter(arrived::containsKey)
              .mapToLong(run -> arrived.get(run) - sent.get(run))
              .toArray();
      long first = healthy.stream().mapToLong(sent::get).min().orElseThrow();
      long last =
          healthy.stream().filter(arrived::containsKey).mapToLong(arrived::get).max().orElseThrow();
      if (label != null) {
        System.out.printf(
            "  %s  %d of %d healthy deliveries  %8.1f deliveries/s  p50 %6.1f ms  p99 %6.1f ms%n",
            label,
            latencies.length,
            healthy.size(),
            latencies.length / ((last - first) / 1e9),
            percentile(latencies, 0.50) / 1e6,
            percentile(latencies, 0.99) / 1e6);
      }
      for (Socket socket : held) {
        socket.close();
      }
    } finally {
      receiver.stop(0);
    }
  }

  private String createRunWithWebhook(String template, String url)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        post(
            "/v1/runs",
            key,
            Map.of(
                "template_id",
                template,
                "webhook",
                Map.of("url", url, "secret", "whsec_abc123", "events", List.of("run.opened"))));
    if (response.statusCode() != 201) {
      throw new IllegalStateException("POST /v1/runs answered " + response.body());
    }
    return json(response).get("run_id").asString();
  }

  private static long percentile(long[] values, double fraction) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, (int) (sorted.length * fraction))];
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

  private String setUp(String operatorToken) {
    Operator operator = new Operator(base, operatorToken);
    return operator.issueKey(
        operator.createOrganisation("Bench", "enterprise"), "Benchmark", "live");
  }

  private String templateId() throws IOException, InterruptedException {
    Map<String, Object> step = Map.of("id", "s-od01", "type", "number", "title", "Odometer");
    return json(post("/v1/templates", key, Map.of("name", "Bench", "steps", List.of(step))))
        .get("template_id")
        .asString();
  }

  private HttpResponse<String> post(String path, String bearer, Object body)
      throws IOException, InterruptedException {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
    if (bearer != null) {
      builder.header("Authorization", "Bearer " + bearer);
    }
    HttpRequest request =
        builder
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
