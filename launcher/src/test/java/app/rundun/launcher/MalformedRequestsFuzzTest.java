package app.rundun.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.yaml.snakeyaml.Yaml;

/**
 * Generated malformed requests to every operation of {@code docs/openapi.yaml}: ids, query values
 * and bodies of every wrong shape, wrong content types, junk headers, each sent with the credential
 * the operation needs so that it reaches its handler. Whatever arrives, the answer is never a 5xx,
 * always has a {@code Request-Id}, is the spec's error body when it refuses, and the server goes on
 * serving a normal request.
 */
class MalformedRequestsFuzzTest {

  private static final AtomicInteger CASES = new AtomicInteger();
  private static final Map<Integer, Integer> STATUSES =
      new java.util.concurrent.ConcurrentSkipListMap<>();
  private static final List<Operation> OPERATIONS = operations();
  private static Fixture fixture;

  /** One operation of the OpenAPI document: method, path template, the body fields it names. */
  record Operation(String method, String path, List<String> query, List<String> fields) {}

  /** The organisation and run the generated requests aim at, so ids can be real ones too. */
  record Fixture(Api live, String runId, String templateId) {}

  /** One generated request. */
  record Case(
      Operation operation,
      List<String> pathValues,
      String query,
      String contentType,
      String body,
      List<String> headers) {}

  @Property(tries = 700)
  void noMalformedRequestGetsA5xxOrAnotherShape(@ForAll("cases") Case generated) {
    Fixture at = fixture();
    String path = fill(generated.operation().path(), generated.pathValues(), at);
    String target = generated.query().isEmpty() ? path : path + "?" + generated.query();
    List<String> headers = new ArrayList<>(generated.headers());
    credential(generated.operation().path()).ifPresent(headers::add);
    if (generated.contentType() != null) {
      headers.add("Content-Type: " + generated.contentType());
    }
    StringBuilder request =
        new StringBuilder(generated.operation().method())
            .append(' ')
            .append(target)
            .append(" HTTP/1.1\r\nHost: fuzz\r\nConnection: close\r\n");
    headers.forEach(h -> request.append(h).append("\r\n"));
    byte[] body =
        generated.body() == null ? new byte[0] : generated.body().getBytes(StandardCharsets.UTF_8);
    request.append("Content-Length: ").append(body.length).append("\r\n\r\n");
    request.append(new String(body, StandardCharsets.ISO_8859_1));

    RawHttp.Answer answer = RawHttp.send(at.live().baseUrl(), request.toString());
    CASES.incrementAndGet();
    STATUSES.merge(answer.status(), 1, Integer::sum);
    String what = generated.operation().method() + " " + target + " -> " + answer.body();
    assertThat(answer.status()).as(what).isLessThan(500);
    assertThat(answer.headers().get("request-id")).as(what).startsWith("req_");
    if (answer.status() >= 400) {
      answer.expectErrorShape();
    }
    at.live().get("/v1/usage").expect(200);
  }

  @AfterContainer
  static void report() {
    System.out.println(
        "Fuzz: "
            + CASES.get()
            + " malformed requests over "
            + OPERATIONS.size()
            + " operations of docs/openapi.yaml; answers by status "
            + STATUSES);
  }

  @Provide
  Arbitrary<Case> cases() {
    return Combinators.combine(
            Arbitraries.of(OPERATIONS),
            pathValue().list().ofSize(3),
            query(),
            contentType(),
            Arbitraries.integers().between(0, 9),
            headers())
        .flatAs((operation, values, query, type, kind, headers) ->
            body(operation, kind).map(b -> new Case(operation, values, query, type, b, headers)));
  }

  private static Arbitrary<String> pathValue() {
    return Arbitraries.oneOf(
        Arbitraries.just("{real}"),
        Arbitraries.strings().alpha().numeric().withChars("-_").ofMinLength(1).ofMaxLength(40),
        Arbitraries.strings()
            .all()
            .ofMinLength(1)
            .ofMaxLength(30)
            .map(MalformedRequestsFuzzTest::encode),
        Arbitraries.strings().alpha().ofMinLength(2000).ofMaxLength(3000),
        Arbitraries.of(
            "%",
            "%zz",
            "%C0%AF",
            "%E2%80%AE",
            "..",
            ".",
            "~",
            "r-",
            "t-0",
            "-1",
            "0",
            "99999999999999999999",
            "r-00000000-0000-4000-8000-000000000000",
            "%20",
            "+",
            "%2B"));
  }

  private static Arbitrary<String> query() {
    Arbitrary<String> pair =
        Combinators.combine(
                Arbitraries.of(
                    "version", "limit", "expires", "signature", "mode", "x", "a[b]", "", "%"),
                Arbitraries.oneOf(
                    Arbitraries.strings()
                        .all()
                        .ofMaxLength(20)
                        .map(MalformedRequestsFuzzTest::encode),
                    Arbitraries.of("1", "-1", "1.5", "1e999", "%ff", "%", "", "LIVE", "live")))
            .as((k, v) -> k + "=" + v);
    return pair.list().ofMaxSize(4).map(pairs -> String.join("&", pairs));
  }

  private static Arbitrary<String> contentType() {
    return Arbitraries.of(
        "application/json",
        "application/json",
        "application/json; charset=latin1",
        "application/json; charset=bogus",
        "*/*",
        "application/*",
        "text/plain",
        "image/png",
        "image/jpeg",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "garbage",
        "a/b/c",
        ";",
        null);
  }

  private static Arbitrary<List<String>> headers() {
    return Arbitraries.oneOf(
            Arbitraries.strings()
                .ascii()
                .ofMinLength(0)
                .ofMaxLength(300)
                .map(v -> "Idempotency-Key: " + v.replaceAll("[\\r\\n]", "")),
            Arbitraries.strings()
                .alpha()
                .ofMinLength(0)
                .ofMaxLength(80)
                .map(v -> "Rundun-Device: " + v),
            Arbitraries.just("Rundun-Device: " + Api.PHONE),
            Arbitraries.strings().alpha().ofMaxLength(80).map(v -> "Rundun-Member: " + v),
            Arbitraries.of(
                "Accept: text/html",
                "Accept: */*",
                "Accept: application/xml",
                "Accept-Charset: ebcdic",
                "Expect: 100-continue",
                "X-Forwarded-For: 10.0.0.1"))
        .list()
        .ofMaxSize(3);
  }

  /** A body of one of ten kinds, most of them shaped like the operation's own fields. */
  private static Arbitrary<String> body(Operation operation, int kind) {
    Arbitrary<String> json = jsonValue(3);
    return switch (kind) {
      case 0 -> Arbitraries.just(null);
      case 1 -> Arbitraries.strings().all().ofMaxLength(200);
      case 2 -> json;
      case 3 -> jsonObject(operation.fields(), json).map(s -> s.substring(0, s.length() / 2));
      case 4 ->
          jsonObject(operation.fields(), json).map(s -> s.replaceFirst("\\{", "{\"x\":1,\"x\":2,"));
      default -> jsonObject(operation.fields(), json);
    };
  }

  private static Arbitrary<String> jsonObject(List<String> fields, Arbitrary<String> values) {
    List<String> names = new ArrayList<>(fields);
    names.add("unknown_field");
    return Arbitraries.of(names)
        .flatMap(name -> values.map(value -> "\"" + name + "\":" + value))
        .list()
        .ofMinSize(1)
        .ofMaxSize(Math.max(1, fields.size()))
        .map(members -> "{" + String.join(",", members) + "}");
  }

  private static Arbitrary<String> jsonValue(int depth) {
    Arbitrary<String> scalar =
        Arbitraries.oneOf(
            Arbitraries.of(
                "null",
                "true",
                "false",
                "0",
                "-1",
                "1.5",
                "1e999999",
                "-1e999999",
                "123456789012345678901234567890",
                "\"\"",
                "\"\\ud800\"",
                "\"\\u0000\"",
                "\"live\"",
                "\"team\"",
                "\"https://example.com/hook\"",
                "\"http://0177.0.0.1/\"",
                "\"whsec_x\"",
                "\"s-od01\"",
                "\"none\"",
                "\"member\"",
                "\"number\"",
                "\"photo\""),
            Arbitraries.integers().map(String::valueOf),
            Arbitraries.doubles()
                .map(String::valueOf)
                .filter(s -> !s.contains("Infinity") && !s.contains("NaN")),
            Arbitraries.strings().all().ofMaxLength(40).map(MalformedRequestsFuzzTest::jsonString));
    if (depth == 0) {
      return scalar;
    }
    Arbitrary<String> inner = Arbitraries.lazy(() -> jsonValue(depth - 1));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, scalar),
        net.jqwik.api.Tuple.of(
            1, inner.list().ofMaxSize(3).map(l -> "[" + String.join(",", l) + "]")),
        net.jqwik.api.Tuple.of(
            1,
            jsonObject(
                List.of("id", "type", "title", "value", "url", "min", "steps", "options"), inner)));
  }

  private static String jsonString(String raw) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : raw.toCharArray()) {
      if (c == '"' || c == '\\' || c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  private static String encode(String raw) {
    return URLEncoder.encode(raw, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String fill(String template, List<String> values, Fixture at) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    for (String segment : template.split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      out.append('/');
      if (segment.startsWith("{")) {
        String value = values.get(i++ % values.size());
        out.append(value.equals("{real}") ? real(segment, at) : value);
      } else {
        out.append(segment);
      }
    }
    return out.toString();
  }

  private static String real(String parameter, Fixture at) {
    return switch (parameter) {
      case "{run_id}" -> at.runId();
      case "{template_id}" -> at.templateId();
      case "{org_id}" -> at.live().orgId();
      case "{step_id}" -> "s-od01";
      case "{version}" -> "1";
      default -> "x";
    };
  }

  private static java.util.Optional<String> credential(String path) {
    if (path.startsWith("/admin/")) {
      return java.util.Optional.of("Authorization: Bearer " + TestSystem.OPERATOR_TOKEN);
    }
    if (path.startsWith("/v1/executor/")
        || path.endsWith("/preview")
        || path.startsWith("/v1/invites")) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of("Authorization: Bearer " + fixture().live().key());
  }

  private static synchronized Fixture fixture() {
    if (fixture == null) {
      Api live = TestSystem.newOrganisation("enterprise");
      String template =
          Fixtures.template(live, Map.of("name", "Fuzz", "steps", Fixtures.VEHICLE_CHECK_STEPS));
      String run = Fixtures.dispatch(live, template);
      fixture = new Fixture(live, run, template);
    }
    return fixture;
  }

  /** Every operation of the document, with its query parameters and its body's fields. */
  @SuppressWarnings("unchecked")
  private static List<Operation> operations() {
    Map<String, Object> document;
    try (InputStream in = Files.newInputStream(Path.of("..", "docs", "openapi.yaml"))) {
      document = new Yaml().load(in);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Map<String, Object> components = (Map<String, Object>) document.get("components");
    List<Operation> found = new ArrayList<>();
    ((Map<String, Map<String, Object>>) document.get("paths"))
        .forEach((path, methods) ->
            methods.forEach((method, spec) -> {
              if (!(spec instanceof Map<?, ?> operation)) {
                return;
              }
              found.add(
                  new Operation(
                      method.toUpperCase(java.util.Locale.ROOT),
                      path,
                      queryParameters((Map<String, Object>) operation, components),
                      bodyFields((Map<String, Object>) operation, components)));
            }));
    return found;
  }

  @SuppressWarnings("unchecked")
  private static List<String> queryParameters(
      Map<String, Object> operation, Map<String, Object> components) {
    List<String> names = new ArrayList<>();
    for (Object parameter : (List<Object>) operation.getOrDefault("parameters", List.of())) {
      Map<String, Object> resolved = resolve((Map<String, Object>) parameter, components);
      if ("query".equals(resolved.get("in"))) {
        names.add((String) resolved.get("name"));
      }
    }
    return names;
  }

  @SuppressWarnings("unchecked")
  private static List<String> bodyFields(
      Map<String, Object> operation, Map<String, Object> components) {
    Map<String, Object> body = (Map<String, Object>) operation.get("requestBody");
    if (body == null) {
      return List.of();
    }
    Map<String, Object> content = (Map<String, Object>) body.get("content");
    Map<String, Object> json = (Map<String, Object>) content.get("application/json");
    if (json == null) {
      return List.of();
    }
    Map<String, Object> schema = resolve((Map<String, Object>) json.get("schema"), components);
    Map<String, Object> properties = (Map<String, Object>) schema.get("properties");
    return properties == null ? List.of() : List.copyOf(properties.keySet());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> resolve(
      Map<String, Object> node, Map<String, Object> components) {
    Object ref = node.get("$ref");
    if (ref == null) {
      return node;
    }
    String[] parts = ref.toString().substring("#/components/".length()).split("/");
    return (Map<String, Object>) ((Map<String, Object>) components.get(parts[0])).get(parts[1]);
  }
}
