package app.rundun.launcher;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;

/**
 * An integrator's webhook endpoint on loopback: answers each request as the test says (by the
 * number of the request) and keeps every request it got.
 */
final class Receiver implements AutoCloseable {

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final java.util.concurrent.atomic.AtomicInteger answered =
      new java.util.concurrent.atomic.AtomicInteger();
  private volatile IntFunction<Reply> replies;

  Receiver(IntFunction<Reply> replies) {
    this.replies = replies;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", this::handle);
    server.start();
  }

  static Receiver alwaysOk() {
    return new Receiver(n -> new Reply(200, Map.of()));
  }

  void answerWith(IntFunction<Reply> next) {
    replies = next;
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  /** Waits for {@code count} requests, or until the timeout; returns what arrived. */
  List<Received> await(int count, Duration timeout) throws InterruptedException {
    Eventually.holds(timeout, () -> received.size() >= count);
    return received();
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    received.add(
        new Received(
            exchange.getRequestURI().getPath(),
            Map.copyOf(exchange.getRequestHeaders()),
            new String(body, StandardCharsets.UTF_8),
            Instant.now()));
    Reply reply = replies.apply(received.size());
    reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    exchange.sendResponseHeaders(reply.status(), -1);
    exchange.close();
    answered.incrementAndGet();
  }

  /** How many requests have had their answer. */
  int answered() {
    return answered.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /** What to answer. */
  record Reply(int status, Map<String, String> headers) {}

  /** One request as it arrived. */
  record Received(String path, Map<String, List<String>> headers, String body, Instant at) {

    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().getFirst())
          .findFirst()
          .orElse(null);
    }

    /** Headers keyed in lower case, as the Standard Webhooks library looks them up. */
    Map<String, List<String>> lowerCaseHeaders() {
      return headers.entrySet().stream()
          .collect(
              java.util.stream.Collectors.toMap(
                  e -> e.getKey().toLowerCase(java.util.Locale.ROOT), Map.Entry::getValue));
    }
  }
}
