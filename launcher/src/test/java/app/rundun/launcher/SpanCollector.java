package app.rundun.launcher;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;

/**
 * An OpenTelemetry collector's OTLP/HTTP traces endpoint: keeps every span the services export, as
 * a collector would read them (the protocol's own messages), so a test can see what a tracing
 * backend would.
 */
final class SpanCollector implements AutoCloseable {

  private final HttpServer server;
  private final Queue<Span> spans = new ConcurrentLinkedQueue<>();

  SpanCollector() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/v1/traces", this::export);
    server.start();
  }

  /** The URL to give {@code management.opentelemetry.tracing.export.otlp.endpoint}. */
  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces";
  }

  /** A span as exported: the service that made it, its trace, its id and its parent's. */
  record Span(String service, String name, String kind, String traceId, String id, String parent) {}

  /** The spans of the trace exported so far. */
  List<Span> trace(String traceId) {
    return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
  }

  /** Waits until the trace holds at least {@code count} spans; returns what it holds by then. */
  List<Span> awaitTrace(String traceId, int count, Duration timeout) throws InterruptedException {
    Eventually.holds(timeout, () -> trace(traceId).size() >= count);
    return trace(traceId);
  }

  private void export(HttpExchange exchange) throws IOException {
    try (exchange) {
      ExportTraceServiceRequest request =
          ExportTraceServiceRequest.parseFrom(exchange.getRequestBody());
      for (ResourceSpans resource : request.getResourceSpansList()) {
        String service =
            resource.getResource().getAttributesList().stream()
                .filter(attribute -> attribute.getKey().equals("service.name"))
                .map(KeyValue::getValue)
                .map(value -> value.getStringValue())
                .findFirst()
                .orElse("");
        for (ScopeSpans scope : resource.getScopeSpansList()) {
          scope.getSpansList().stream()
              .map(span ->
                  new Span(
                      service,
                      span.getName(),
                      span.getKind().name(),
                      hex(span.getTraceId().toByteArray()),
                      hex(span.getSpanId().toByteArray()),
                      hex(span.getParentSpanId().toByteArray())))
              .forEach(spans::add);
        }
      }
      byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
      exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
      exchange.sendResponseHeaders(200, answer.length);
      exchange.getResponseBody().write(answer);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
