package app.rundun.processor.query;

import app.rundun.contracts.queries.StaleReads;
import app.rundun.processor.ProcessorProperties;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Forwards a query to the instance that owns the key, once: a forwarded request that lands on a
 * non-owner again means ownership is moving, and is answered 503 rather than bounced around.
 */
@Component
class Forwarder {

  static final String FORWARDED_HEADER = "Rundun-Forwarded";

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private final String credential;
  private final Tracer tracer;
  private final Propagator propagator;

  Forwarder(ProcessorProperties properties, Tracer tracer, Propagator propagator) {
    this.credential = "Bearer " + properties.internalToken();
    this.tracer = tracer;
    this.propagator = propagator;
  }

  /** Sends the request on to the owner: a GET as it is, a POST with {@code body}. */
  Answer forward(HostInfo owner, HttpServletRequest request, byte[] body) {
    if (request.getHeader(FORWARDED_HEADER) != null) {
      throw Owner.unavailable();
    }
    String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
    URI target =
        URI.create("http://" + owner.host() + ":" + owner.port() + request.getRequestURI() + query);
    HttpRequest.Builder forwarded =
        HttpRequest.newBuilder(target)
            .timeout(Duration.ofSeconds(5))
            .header(FORWARDED_HEADER, "1")
            .header(HttpHeaders.AUTHORIZATION, credential);
    if (body == null) {
      forwarded.GET();
    } else {
      forwarded
          .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
          .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }
    // The owner's side of the query is a span of this one's trace.
    TraceContext context = tracer.currentTraceContext().context();
    if (context != null) {
      propagator.inject(context, forwarded, HttpRequest.Builder::header);
    }
    String acceptStale = request.getHeader(StaleReads.ACCEPT);
    if (acceptStale != null) {
      forwarded.header(StaleReads.ACCEPT, acceptStale);
    }
    try {
      HttpResponse<byte[]> response =
          http.send(forwarded.build(), HttpResponse.BodyHandlers.ofByteArray());
      boolean stale = response.headers().firstValue(StaleReads.FLAG).isPresent();
      return new Answer(response.statusCode(), stale, response.body());
    } catch (IOException e) {
      throw Owner.unavailable();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Owner.unavailable();
    }
  }
}
