package app.rundun.ingest.queries;

import static org.assertj.core.api.Assertions.assertThat;

import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.contracts.runs.RunId;
import app.rundun.ingest.IngestProperties;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.micrometer.tracing.propagation.Propagator;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ProcessorQueriesTest {

  private static final String RUN_JSON = "{\"object\":\"run\"}";

  @Test
  void aReadThatMeetsAKeptAliveConnectionTheInstanceClosedIsSentAgain() throws Exception {
    OrgId org = OrgId.mint();
    RunId run = RunId.mint();
    try (ClosesAfterOneAnswer processor = new ClosesAfterOneAnswer();
        ProcessorQueries queries =
            new ProcessorQueries(properties(processor.url()), Tracer.NOOP, Propagator.NOOP)) {
      assertThat(new String(queries.runJson(org, Mode.LIVE, run).value(), StandardCharsets.UTF_8))
          .isEqualTo(RUN_JSON);

      // Sent on the kept-alive connection, which the instance closes unanswered.
      byte[] again = queries.runJson(org, Mode.LIVE, run).value();

      assertThat(new String(again, StandardCharsets.UTF_8)).isEqualTo(RUN_JSON);
      assertThat(processor.connections()).isEqualTo(2);
    }
  }

  @Test
  void aReadCarriesTheTraceContextOfTheRequestItServes() throws Exception {
    ContextPropagators w3c = ContextPropagators.create(W3CTraceContextPropagator.getInstance());
    io.opentelemetry.api.trace.Tracer otel =
        SdkTracerProvider.builder().build().get("ProcessorQueriesTest");
    Tracer tracer = new OtelTracer(otel, new OtelCurrentTraceContext(), event -> {});
    try (ClosesAfterOneAnswer processor = new ClosesAfterOneAnswer();
        ProcessorQueries queries =
            new ProcessorQueries(
                properties(processor.url()), tracer, new OtelPropagator(w3c, otel))) {
      Span request = tracer.nextSpan().name("GET /v1/runs/{runId}").start();
      Tracer.SpanInScope inScope = tracer.withSpan(request);
      try {
        queries.runJson(OrgId.mint(), Mode.LIVE, RunId.mint());
      } finally {
        inScope.close();
        request.end();
      }

      assertThat(processor.heads())
          .singleElement()
          .asString()
          .containsIgnoringCase(
              "traceparent: 00-"
                  + request.context().traceId()
                  + "-"
                  + request.context().spanId()
                  + "-01");
    }
  }

  private static IngestProperties properties(String processorUrl) {
    return new Binder(
            new MapConfigurationPropertySource(
                Map.of("rundun.processor-urls", processorUrl, "rundun.internal-token", "internal")))
        .bind("rundun", IngestProperties.class)
        .get();
  }

  /**
   * A run-processor stand-in that answers the first request of each connection, keeps the
   * connection open, and closes it unanswered when a second request arrives on it: what a client
   * meets when an instance drops an idle connection just as a request is sent on it.
   */
  private static final class ClosesAfterOneAnswer implements AutoCloseable {
    private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final AtomicInteger connections = new AtomicInteger();
    private final Queue<String> heads = new ConcurrentLinkedQueue<>();
    private final Thread serving = Thread.ofVirtual().start(this::serve);

    ClosesAfterOneAnswer() throws IOException {}

    String url() {
      return "http://127.0.0.1:" + server.getLocalPort();
    }

    int connections() {
      return connections.get();
    }

    /** The head of each request answered, as sent: request line and headers. */
    List<String> heads() {
      return List.copyOf(heads);
    }

    private void serve() {
      while (!server.isClosed()) {
        try (Socket socket = server.accept()) {
          connections.incrementAndGet();
          heads.add(readRequest(socket.getInputStream()));
          byte[] body = RUN_JSON.getBytes(StandardCharsets.UTF_8);
          socket
              .getOutputStream()
              .write(
                  ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                          + body.length
                          + "\r\n\r\n"
                          + RUN_JSON)
                      .getBytes(StandardCharsets.UTF_8));
          socket.getOutputStream().flush();
          readRequest(socket.getInputStream());
        } catch (IOException e) {
          return;
        }
      }
    }

    /** Reads one body-less request, up to the blank line after its headers; returns its head. */
    private static String readRequest(InputStream in) throws IOException {
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
        int next = in.read();
        if (next < 0) {
          throw new IOException("The client closed the connection");
        }
        head.write(next);
      }
      return head.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
      server.close();
      try {
        serving.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
