package app.rundun.webhooks.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rundun.contracts.webhooks.AddressPolicy;
import app.rundun.contracts.webhooks.Cidr;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One attempt against a real local HTTP server: addresses, redirects, timeouts, Retry-After. */
class HttpDelivererTest {

  private HttpServer server;
  private final AtomicInteger hits = new AtomicInteger();
  private final AtomicInteger elsewhere = new AtomicInteger();

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/ok",
        exchange -> {
          hits.incrementAndGet();
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    server.createContext(
        "/moved",
        exchange -> {
          hits.incrementAndGet();
          exchange.getResponseHeaders().add("Location", "/elsewhere");
          exchange.sendResponseHeaders(302, -1);
          exchange.close();
        });
    server.createContext(
        "/elsewhere",
        exchange -> {
          elsewhere.incrementAndGet();
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.createContext(
        "/busy",
        exchange -> {
          exchange.getResponseHeaders().add("Retry-After", "120");
          exchange.sendResponseHeaders(503, -1);
          exchange.close();
        });
    server.createContext(
        "/slow",
        exchange -> {
          try {
            Thread.sleep(3_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void refusesToConnectWhereANameResolvesInsideUnlessAllowed() throws Exception {
    // The name passed the check when the webhook was given; now it resolves to loopback.
    AddressPolicy.Resolver rebinding = host -> new InetAddress[] {InetAddress.getLoopbackAddress()};
    try (HttpDeliverer strict = deliverer(new AddressPolicy(List.of(), rebinding))) {
      Attempt attempt =
          strict.post(url("rebind.example", "/ok"), List.of("whsec_abc123"), "e-1", "{}", Map.of());
      assertThat(attempt.status()).isNull();
      assertThat(attempt.error()).contains("not a public address");
      assertThat(hits).hasValue(0);
    }
    try (HttpDeliverer strict =
        deliverer(new AddressPolicy(List.of(), InetAddress::getAllByName))) {
      assertThat(
              strict
                  .post(url("127.0.0.1", "/ok"), List.of("whsec_abc123"), "e-1", "{}", Map.of())
                  .error())
          .contains("not a public address");
      assertThat(hits).hasValue(0);
    }
    try (HttpDeliverer local = deliverer(allowLoopback(rebinding))) {
      Attempt attempt =
          local.post(url("rebind.example", "/ok"), List.of("whsec_abc123"), "e-1", "{}", Map.of());
      assertThat(attempt.succeeded()).isTrue();
      assertThat(hits).hasValue(1);
    }
  }

  @Test
  void duringARotationEachSecretSignsAndTheOfficialLibraryVerifiesWithEither() throws Exception {
    List<Map<String, List<String>>> seen = new CopyOnWriteArrayList<>();
    server.createContext(
        "/signed",
        exchange -> {
          seen.add(Map.copyOf(exchange.getRequestHeaders()));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    String previous = "whsec_cHJldmlvdXMtc2VjcmV0";
    String current = "whsec_Y3VycmVudC1zZWNyZXQ=";
    try (HttpDeliverer local = deliverer(allowLoopback(InetAddress::getAllByName))) {
      Attempt attempt =
          local.post(
              url("127.0.0.1", "/signed"), List.of(current, previous), "e-1", "{}", Map.of());
      assertThat(attempt.succeeded()).isTrue();
    }
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    seen.getFirst().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
    assertThat(headers.get("webhook-signature").getFirst().split(" ")).hasSize(2);
    new Webhook(current).verify("{}", headers);
    new Webhook(previous).verify("{}", headers);
    assertThatThrownBy(() -> new Webhook("whsec_b3RoZXI=").verify("{}", headers))
        .isInstanceOf(WebhookVerificationException.class);
  }

  @Test
  void neverFollowsARedirect() throws Exception {
    try (HttpDeliverer local = deliverer(allowLoopback(InetAddress::getAllByName))) {
      Attempt attempt =
          local.post(url("127.0.0.1", "/moved"), List.of("whsec_abc123"), "e-1", "{}", Map.of());
      assertThat(attempt.status()).isEqualTo(302);
      assertThat(attempt.succeeded()).isFalse();
      assertThat(attempt.error()).contains("not followed");
      assertThat(elsewhere).hasValue(0);
    }
  }

  @Test
  void readsRetryAfterAndCutsASlowEndpointAtTheTimeout() throws Exception {
    try (HttpDeliverer local = deliverer(allowLoopback(InetAddress::getAllByName))) {
      Attempt busy =
          local.post(url("127.0.0.1", "/busy"), List.of("whsec_abc123"), "e-1", "{}", Map.of());
      assertThat(busy.status()).isEqualTo(503);
      assertThat(busy.retryAfter()).isEqualTo(Duration.ofSeconds(120));

      Attempt slow =
          local.post(url("127.0.0.1", "/slow"), List.of("whsec_abc123"), "e-1", "{}", Map.of());
      assertThat(slow.status()).isNull();
      assertThat(slow.error()).contains("timed out");
      assertThat(slow.durationMs()).isLessThan(2_900);
    }
  }

  private static AddressPolicy allowLoopback(AddressPolicy.Resolver resolver) {
    return new AddressPolicy(List.of(Cidr.parse("127.0.0.0/8")), resolver);
  }

  private static HttpDeliverer deliverer(AddressPolicy policy) {
    return new HttpDeliverer(policy, Duration.ofSeconds(1), 4, Clock.systemUTC());
  }

  private String url(String host, String path) throws UnknownHostException {
    return "http://" + host + ":" + server.getAddress().getPort() + path;
  }
}
