package app.rundun.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
  private static final List<Operation> OPERATIONS = Operation.all();
  private static Fixture fixture;

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
    Arbitrary<String> json = JsonArbitraries.value(3);
    return switch (kind) {
      case 0 -> Arbitraries.just(null);
      case 1 -> Arbitraries.strings().all().ofMaxLength(200);
      case 2 -> json;
      case 3 ->
          JsonArbitraries.object(operation.fields(), json).map(s -> s.substring(0, s.length() / 2));
      case 4 ->
          JsonArbitraries.object(operation.fields(), json)
              .map(s -> s.replaceFirst("\\{", "{\"x\":1,\"x\":2,"));
      default -> JsonArbitraries.object(operation.fields(), json);
    };
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
}
