package app.rundun.webhooks.delivery;

import app.rundun.contracts.webhooks.AddressPolicy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Posts one signed delivery. The connection goes only to addresses the policy permits, checked on
 * the very addresses connected to; redirects are never followed; the whole attempt, body included,
 * is cut at the timeout.
 */
public final class HttpDeliverer implements AutoCloseable {

  public static final String USER_AGENT = "Rundun-Webhooks/1.0 (+https://rundun.app/docs/webhooks)";

  private final CloseableHttpClient client;
  private final Duration timeout;
  private final Clock clock;
  private final ScheduledExecutorService deadlines =
      Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().factory());

  public HttpDeliverer(AddressPolicy policy, Duration timeout, int maxConnections, Clock clock) {
    this.timeout = timeout;
    this.clock = clock;
    DnsResolver checked =
        new DnsResolver() {
          @Override
          public InetAddress[] resolve(String host) throws UnknownHostException {
            return policy.resolvePermitted(host);
          }

          @Override
          public String resolveCanonicalHostname(String host) {
            return host;
          }
        };
    Timeout limit = Timeout.of(timeout);
    this.client =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setDnsResolver(checked)
                    .setMaxConnTotal(maxConnections)
                    .setMaxConnPerRoute(Math.max(2, maxConnections / 4))
                    .setDefaultConnectionConfig(
                        ConnectionConfig.custom()
                            .setConnectTimeout(
                                Timeout.ofSeconds(Math.min(5, timeout.toSeconds() + 1)))
                            .setSocketTimeout(limit)
                            .build())
                    .build())
            .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(limit).build())
            .disableRedirectHandling()
            .disableAutomaticRetries()
            .disableCookieManagement()
            .setUserAgent(USER_AGENT)
            .build();
  }

  /**
   * Posts the body signed with each secret: during a rotation {@code webhook-signature} carries a
   * signature per secret, space-separated, and a receiver holding either verifies.
   */
  public Attempt post(
      String url,
      List<String> secrets,
      String eventId,
      String body,
      Map<String, String> traceHeaders) {
    long timestamp = clock.instant().getEpochSecond();
    HttpPost post = new HttpPost(url);
    traceHeaders.forEach(post::setHeader);
    post.setHeader("webhook-id", eventId);
    post.setHeader("webhook-timestamp", Long.toString(timestamp));
    post.setHeader(
        "webhook-signature",
        secrets.stream()
            .map(secret -> StandardWebhookSigner.sign(secret, eventId, timestamp, body))
            .collect(Collectors.joining(" ")));
    post.setEntity(
        new StringEntity(body, ContentType.APPLICATION_JSON.withCharset(StandardCharsets.UTF_8)));
    long started = System.nanoTime();
    ScheduledFuture<?> deadline =
        deadlines.schedule(post::cancel, timeout.toMillis(), TimeUnit.MILLISECONDS);
    try {
      return client.execute(
          post,
          response -> {
            EntityUtils.consume(response.getEntity());
            int status = response.getCode();
            String error =
                status >= 300 && status < 400
                    ? "redirect to " + header(response.getFirstHeader("Location")) + " not followed"
                    : status >= 300 ? "HTTP " + status : null;
            return new Attempt(
                status,
                elapsed(started),
                error,
                retryAfter(response.getFirstHeader("Retry-After")));
          });
    } catch (AddressPolicy.RefusedAddressException e) {
      return new Attempt(null, elapsed(started), "refused: " + e.getMessage(), null);
    } catch (IOException e) {
      String error =
          post.isCancelled() ? "timed out after " + timeout.toSeconds() + " s" : describe(e);
      return new Attempt(null, elapsed(started), error, null);
    } finally {
      deadline.cancel(false);
    }
  }

  private static String header(Header header) {
    return header == null ? "(none)" : header.getValue();
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  private Duration retryAfter(Header header) {
    if (header == null) {
      return null;
    }
    String value = header.getValue().strip();
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration wait = Duration.between(clock.instant(), at.toInstant());
        return wait.isNegative() ? Duration.ZERO : wait;
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }

  private static long elapsed(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }

  @Override
  public void close() throws IOException {
    deadlines.shutdownNow();
    client.close();
  }
}
