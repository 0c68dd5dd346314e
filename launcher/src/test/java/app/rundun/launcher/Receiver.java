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
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * An integrator's webhook endpoint: answers each request as the test says (by the number of the
 * request) and keeps every request it got — or, under load, keeps none and hands each to whoever
 * counts them as it arrives. The one receiver of the end-to-end tests and the benchmark.
 */
final class Receiver implements AutoCloseable {

  private final HttpServer server;
  private final String host;
  private final Queue<Received> received = new ConcurrentLinkedQueue<>();
  private final AtomicInteger arrived = new AtomicInteger();
  private final AtomicInteger answered = new AtomicInteger();
  private final Consumer<Received> arrivals;
  private volatile IntFunction<Reply> replies;

  /** On loopback, answering as {@code replies} says, keeping every request. */
  Receiver(IntFunction<Reply> replies) {
    this(InetAddress.getLoopbackAddress(), replies, null);
  }

  private Receiver(InetAddress address, IntFunction<Reply> replies, Consumer<Received> arrivals) {
    this.replies = replies;
    this.arrivals = arrivals;
    this.host = address.getHostAddress();
    try {
      server = HttpServer.create(new InetSocketAddress(address, 0), 0);
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

  /**
   * A receiver for load on {@code address} (a host of its own, for the dispatcher's per-host
   * bounds): answers 204, keeps nothing, and hands each request to {@code arrivals} as it arrives.
   */
  static Receiver noting(InetAddress address, Consumer<Received> arrivals) {
    return new Receiver(address, n -> new Reply(204, Map.of()), arrivals);
  }

  void answerWith(IntFunction<Reply> next) {
    replies = next;
  }

  String url(String path) {
    return "http://" + host + ":" + server.getAddress().getPort() + path;
  }

  /** Every request kept so far, in the order they arrived. */
  List<Received> received() {
    return List.copyOf(received);
  }

  /** Waits for {@code count} requests, or until the timeout; returns what arrived. */
  List<Received> await(int count, Duration timeout) throws InterruptedException {
    Eventually.holds(timeout, () -> arrived.get() >= count);
    return received();
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    Received request =
        new Received(
            exchange.getRequestURI().getPath(),
            Map.copyOf(exchange.getRequestHeaders()),
            new String(body, StandardCharsets.UTF_8),
            Instant.now(),
            System.nanoTime());
    if (arrivals == null) {
      received.add(request);
    } else {
      arrivals.accept(request);
    }
    Reply reply = replies.apply(arrived.incrementAndGet());
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

  /**
   * One request as it arrived.
   *
   * @param nanos {@link System#nanoTime()} at its arrival, for latencies measured in this JVM
   */
  record Received(
      String path, Map<String, List<String>> headers, String body, Instant at, long nanos) {

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
