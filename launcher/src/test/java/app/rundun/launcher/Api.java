package app.rundun.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import app.rundun.contracts.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * The public API over real HTTP, as an integrator (or the executor's app) calls it. {@code device}
 * is the executor app's {@code Rundun-Device} token, sent when set.
 */
record Api(String baseUrl, String key, String orgId, String device) {

  /** The device {@link #anonymous()} calls from: one phone that opens and answers runs. */
  static final String PHONE = "e2e-phone-00000001";

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  Api(String baseUrl, String key) {
    this(baseUrl, key, null, null);
  }

  Api(String baseUrl, String key, String orgId) {
    this(baseUrl, key, orgId, null);
  }

  /** The executor's app on its phone: no API key, its device token. */
  Api anonymous() {
    return new Api(baseUrl, null, orgId, PHONE);
  }

  /** The same credential against another API instance. */
  Api on(String otherBaseUrl) {
    return new Api(otherBaseUrl, key, orgId, device);
  }

  /** The same calls from another device (or, with null, from none). */
  Api onDevice(String otherDevice) {
    return new Api(baseUrl, key, orgId, otherDevice);
  }

  Response get(String path) {
    return send(request(path).GET());
  }

  Response post(String path, Object body) {
    return send(request(path).header("Content-Type", "application/json").POST(json(body)));
  }

  /** A POST carrying an {@code Idempotency-Key}. */
  Response post(String path, Object body, String idempotencyKey) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", idempotencyKey)
            .POST(json(body)));
  }

  /** A GET in the caller's trace: a W3C {@code traceparent} header. */
  Response getTraced(String path, String traceparent) {
    return send(request(path).header("traceparent", traceparent).GET());
  }

  /** A POST in the caller's trace: a W3C {@code traceparent} header. */
  Response postTraced(String path, Object body, String traceparent) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .header("traceparent", traceparent)
            .POST(json(body)));
  }

  Response put(String path, Object body) {
    return send(request(path).header("Content-Type", "application/json").PUT(json(body)));
  }

  Response patch(String path, Object body) {
    return send(
        request(path).header("Content-Type", "application/json").method("PATCH", json(body)));
  }

  Response delete(String path) {
    return send(request(path).DELETE());
  }

  Response postRaw(String path, String contentType, byte[] body) {
    return send(
        request(path)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  /** A GET read as it arrives: an export too large to hold. */
  HttpResponse<InputStream> stream(String path) {
    return exchange(request(path).GET(), HttpResponse.BodyHandlers.ofInputStream());
  }

  /** A GET whose body is not text (a PDF): the whole response, its body as bytes. */
  HttpResponse<byte[]> download(String path) {
    return exchange(request(path).GET(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
    if (key != null) {
      builder.header("Authorization", "Bearer " + key);
    }
    if (device != null) {
      builder.header("Rundun-Device", device);
    }
    return builder;
  }

  private static HttpRequest.BodyPublisher json(Object body) {
    if (body instanceof String raw) {
      return HttpRequest.BodyPublishers.ofString(raw);
    }
    return HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(body));
  }

  private static Response send(HttpRequest.Builder builder) {
    long start = System.nanoTime();
    HttpResponse<String> response = exchange(builder, HttpResponse.BodyHandlers.ofString());
    return new Response(
        response.statusCode(), response.body(), response.headers(), System.nanoTime() - start);
  }

  private static <T> HttpResponse<T> exchange(
      HttpRequest.Builder builder, HttpResponse.BodyHandler<T> body) {
    try {
      return HTTP.send(builder.build(), body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A response: its status, body and headers, and how long it took from send to its body. */
  record Response(int status, String body, java.net.http.HttpHeaders headers, long nanos) {

    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    String requestId() {
      return header("Request-Id");
    }

    /** On a 503 or 429: when to retry. */
    String retryAfter() {
      return header("Retry-After");
    }

    /** On a read answered by a standby replica: its flag. */
    String stale() {
      return header("Rundun-Stale");
    }

    Response expect(int expected) {
      assertThat(status).as("status of a response with body %s", body).isEqualTo(expected);
      return this;
    }

    JsonNode json() {
      return Json.mapper().readTree(body);
    }

    /** Asserts the spec's error body: code, a message, the param when given, the request id. */
    JsonNode expectError(int expectedStatus, String code, String param) {
      expect(expectedStatus);
      JsonNode error = json();
      assertThat(error.get("error").asString()).isEqualTo(code);
      assertThat(error.get("message").asString()).isNotBlank().doesNotContain("Exception");
      assertThat(error.get("request_id").asString()).isEqualTo(requestId()).startsWith("req_");
      if (param != null) {
        assertThat(error.get("param").asString()).isEqualTo(param);
      }
      return error;
    }
  }
}
