package app.rundun.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import app.rundun.contracts.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * HTTP/1.1 written byte for byte over a socket, for requests no well-behaved client would send: a
 * path exactly as given (never normalised), repeated or malformed headers, broken framing.
 */
final class RawHttp {

  private RawHttp() {}

  /** The response to {@code request} (the whole message, CRLFs included) sent to the server. */
  static Answer send(String baseUrl, String request) {
    URI base = URI.create(baseUrl);
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return Answer.read(socket.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A request with the path as given, the headers as given, and a JSON body when not null. */
  static Answer request(
      String baseUrl, String method, String path, String body, String... headerLines) {
    StringBuilder out = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n");
    out.append("Host: ").append(URI.create(baseUrl).getAuthority()).append("\r\n");
    out.append("Connection: close\r\n");
    for (String header : headerLines) {
      out.append(header).append("\r\n");
    }
    if (body != null) {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      out.append("Content-Type: application/json\r\n");
      out.append("Content-Length: ").append(bytes.length).append("\r\n\r\n");
      out.append(new String(bytes, StandardCharsets.ISO_8859_1));
    } else {
      out.append("\r\n");
    }
    return send(baseUrl, out.toString());
  }

  /** A response: status, headers (lower-case names, last value) and body. */
  record Answer(int status, Map<String, String> headers, String body) {

    static Answer read(InputStream in) throws IOException {
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      String text = all.toString(StandardCharsets.ISO_8859_1);
      // Interim answers (100 Continue) come before the answer itself.
      while (text.startsWith("HTTP/1.1 1") && text.indexOf("\r\n\r\n") > 0) {
        text = text.substring(text.indexOf("\r\n\r\n") + 4);
      }
      int split = text.indexOf("\r\n\r\n");
      String head = split < 0 ? text : text.substring(0, split);
      String body = split < 0 ? "" : text.substring(split + 4);
      String[] lines = head.split("\r\n");
      int status = Integer.parseInt(lines[0].split(" ")[1]);
      Map<String, String> headers = new LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers.put(
            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).trim());
      }
      if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
        body = unchunk(body);
      }
      return new Answer(
          status,
          headers,
          new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }

    private static String unchunk(String chunked) {
      StringBuilder out = new StringBuilder();
      int at = 0;
      while (at < chunked.length()) {
        int eol = chunked.indexOf("\r\n", at);
        int size = Integer.parseInt(chunked.substring(at, eol).trim(), 16);
        if (size == 0) {
          break;
        }
        out.append(chunked, eol + 2, eol + 2 + size);
        at = eol + 2 + size + 2;
      }
      return out.toString();
    }

    /** Asserts the spec's error body and its {@code Request-Id}; returns the body. */
    JsonNode expectErrorShape() {
      assertThat(headers.get("content-type")).as("content type of %s", body).contains("json");
      JsonNode error = Json.mapper().readTree(body);
      assertThat(error.get("error").asString()).isNotBlank();
      assertThat(error.get("message").asString()).isNotBlank().doesNotContain("Exception");
      assertThat(headers.get("request-id")).startsWith("req_");
      assertThat(error.get("request_id").asString()).isEqualTo(headers.get("request-id"));
      return error;
    }
  }
}
