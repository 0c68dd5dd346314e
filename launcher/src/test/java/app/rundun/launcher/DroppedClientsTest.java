package app.rundun.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.tomcat.util.threads.ThreadPoolExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * A thousand clients that hang up in the middle of a POST — half the body sent, or the whole
 * request sent and the answer never read — leave nothing behind: no request still waiting for its
 * outcome, nothing stuck in the producer's buffer, no request thread busy, and the next requests
 * are served as fast as before.
 */
class DroppedClientsTest {

  private static final int CLIENTS = 1_000;

  @Test
  void clientsThatHangUpMidRequestLeaveNothingBehind() throws Exception {
    Api live = TestSystem.newOrganisation("enterprise");
    String template =
        live.post(
                "/v1/templates",
                Map.of(
                    "name",
                    "Dropped",
                    "steps",
                    List.of(Map.of("id", "s-1", "type", "boolean", "title", "Ok?"))))
            .expect(201)
            .json()
            .get("template_id")
            .asString();
    String body = "{\"template_id\":\"" + template + "\"}";
    int port = URI.create(TestSystem.get().apiBaseUrl()).getPort();
    Duration before = medianCreate(live, template);

    ExecutorService clients = Executors.newFixedThreadPool(50);
    List<Future<?>> sent = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      boolean halfBody = i % 2 == 0;
      sent.add(clients.submit(() -> hangUp(port, live.key(), body, halfBody)));
    }
    for (Future<?> client : sent) {
      client.get();
    }
    clients.shutdown();

    MeterRegistry metrics = TestSystem.get().api().getBean(MeterRegistry.class);
    Eventually.holds(Duration.ofSeconds(30), () -> waiting(metrics) == 0);
    assertThat(waiting(metrics)).as("requests still waiting for an outcome").isZero();
    assertThat(producerBuffer(metrics, "available"))
        .as("producer buffer free")
        .isEqualTo(producerBuffer(metrics, "total"))
        .isPositive();

    assertThat(Eventually.holds(Duration.ofSeconds(30), () -> busyRequestThreads() == 0))
        .as("no request thread left busy")
        .isTrue();

    // Served as before: a leak (threads, replies, buffer) would show as slower creates. The bound
    // is loose on purpose; the benchmark measures speed, this only catches a system left crippled.
    Duration after = medianCreate(live, template);
    assertThat(after)
        .as("median create after, vs %s before", before)
        .isLessThan(before.multipliedBy(3).plusMillis(50));
  }

  private static double waiting(MeterRegistry metrics) {
    return metrics.get("rundun.commands.waiting").gauge().value();
  }

  private static double producerBuffer(MeterRegistry metrics, String which) {
    return metrics.get("kafka.producer.buffer." + which + ".bytes").gauges().stream()
        .mapToDouble(Gauge::value)
        .sum();
  }

  private static Duration medianCreate(Api live, String template) {
    List<Long> nanos = new ArrayList<>();
    for (int i = 0; i < 31; i++) {
      long started = System.nanoTime();
      live.post("/v1/runs", Map.of("template_id", template)).expect(201);
      nanos.add(System.nanoTime() - started);
    }
    nanos.sort(null);
    return Duration.ofNanos(nanos.get(nanos.size() / 2));
  }

  /** Tomcat's request threads that are serving a request right now. */
  private static int busyRequestThreads() {
    var server =
        (TomcatWebServer) ((WebServerApplicationContext) TestSystem.get().api()).getWebServer();
    var executor =
        (ThreadPoolExecutor) server.getTomcat().getConnector().getProtocolHandler().getExecutor();
    return executor.getActiveCount();
  }

  private static Void hangUp(int port, String key, String body, boolean halfBody)
      throws IOException {
    byte[] payload = body.getBytes(StandardCharsets.UTF_8);
    String head =
        "POST /v1/runs HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
            + key
            + "\r\nContent-Type: application/json\r\nContent-Length: "
            + payload.length
            + "\r\n\r\n";
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(payload, 0, halfBody ? payload.length / 2 : payload.length);
      out.flush();
      socket.setSoLinger(true, 0);
    }
    return null;
  }
}
