package app.rundun.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/**
 * Input an honest client never sends, each answered with the spec's error body and the right
 * status, never a 5xx, never stored: lax values, container-level garbage, images that are not only
 * images, and a run's link used by someone who does not hold the run.
 */
class HostileInputTest {

  private static final String TEXT_AND_PHOTO =
      "{\"name\":\"Hostile\",\"steps\":["
          + "{\"id\":\"s-tx01\",\"type\":\"text\",\"title\":\"Note\"},"
          + "{\"id\":\"s-nm01\",\"type\":\"number\",\"title\":\"Odometer\"},"
          + "{\"id\":\"s-ph01\",\"type\":\"photo\",\"title\":\"Photo\"}]}";

  @Test
  void laxValuesAreRefusedNotCoerced() {
    Api live = TestSystem.newOrganisation("starter");
    Api operator = TestSystem.operator();
    String org = live.orgId();

    // Step 1: enums by name only, whole numbers where they are meant.
    operator
        .post("/admin/v1/organisations", "{\"name\":\"Numbers\",\"plan\":3}")
        .expectError(400, "invalid_request", "plan");
    operator
        .post("/admin/v1/organisations/" + org + "/api_keys", "{\"name\":\"k\",\"mode\":1}")
        .expectError(400, "invalid_request", "mode");
    operator
        .post("/admin/v1/organisations/" + org + "/run_packs", "{\"runs\":1.9}")
        .expectError(400, "invalid_request", "runs");
    assertThat(live.get("/v1/usage").expect(200).json().get("run_packs").asInt()).isZero();

    // Step 2: finite numbers, well-formed Unicode, one value per key.
    live.post(
            "/v1/templates",
            "{\"name\":\"t\",\"steps\":[{\"id\":\"s-od01\",\"type\":\"number\",\"title\":\"Odo\","
                + "\"min\":1e999999}]}")
        .expectError(400, "invalid_request", "steps[0].min");
    live.post("/v1/templates", "{\"name\":\"a\\ud800b\",\"steps\":[]}")
        .expectError(400, "invalid_request", "name");
    live.post("/v1/templates", "{\"name\":\"a\",\"name\":\"b\",\"steps\":[]}")
        .expectError(400, "invalid_request", null);

    // Step 3: answers: a number where text is meant, an infinite number, a lone surrogate.
    String run = openRun(live);
    Api phone = live.anonymous();
    String answers = "/v1/executor/runs/" + run + "/steps/";
    phone
        .put(answers + "s-tx01/answer", "{\"value\":1e999999}")
        .expectError(400, "invalid_request", null);
    phone
        .put(answers + "s-nm01/answer", "{\"value\":1e999999}")
        .expectError(400, "invalid_request", null);
    phone
        .put(answers + "s-tx01/answer", "{\"value\":\"a\\udc00\"}")
        .expectError(400, "invalid_request", null);
    assertThat(live.get("/v1/runs/" + run).expect(200).json().get("answers").isEmpty()).isTrue();

    // Step 4: webhook URLs: ports in range, IPv4 only in its canonical form.
    String template = templateId(live);
    for (String url :
        List.of(
            "https://example.com:99999/hook",
            "https://example.com:0/hook",
            "http://0177.0.0.1/hook",
            "http://012.0.0.1/hook",
            "http://0x7f.1/hook",
            "http://2130706433/hook")) {
      live.post("/v1/runs", Map.of("template_id", template, "webhook", Map.of("url", url)))
          .expectError(400, "invalid_request", "webhook.url");
    }
  }

  @Test
  void ambiguousHeadersAndQueriesAreRefused() {
    Api live = TestSystem.newOrganisation("starter");
    String base = live.baseUrl();
    String auth = "Authorization: Bearer " + live.key();

    RawHttp.Answer twoKeys =
        RawHttp.request(base, "GET", "/v1/usage", null, auth, "Authorization: Bearer rdk_live_x");
    assertThat(twoKeys.status()).isEqualTo(400);
    assertThat(twoKeys.expectErrorShape().get("param").asString()).isEqualTo("Authorization");

    RawHttp.Answer twoIdempotencyKeys =
        RawHttp.request(
            base,
            "POST",
            "/v1/templates",
            TEXT_AND_PHOTO,
            auth,
            "Idempotency-Key: one",
            "Idempotency-Key: two");
    assertThat(twoIdempotencyKeys.status()).isEqualTo(400);
    assertThat(twoIdempotencyKeys.expectErrorShape().get("param").asString())
        .isEqualTo("Idempotency-Key");

    String run = openRun(live);
    RawHttp.Answer wildcard =
        RawHttp.send(
            base,
            "POST /v1/executor/runs/"
                + run
                + "/open HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                + "Rundun-Device: "
                + Api.PHONE
                + "\r\nContent-Type: */*\r\nContent-Length: 2\r\n\r\n{}");
    assertThat(wildcard.status()).isEqualTo(415);
    wildcard.expectErrorShape();

    RawHttp.Answer badSignature =
        RawHttp.request(base, "GET", "/media/runs/x/y/z.png?expires=1&signature=%ff", null);
    assertThat(badSignature.status()).isEqualTo(400);
    badSignature.expectErrorShape();

    StringBuilder many = new StringBuilder("/v1/templates/t-x/versions/1?");
    for (int i = 0; i < 1100; i++) {
      many.append("p").append(i).append("=1&");
    }
    RawHttp.Answer tooMany = RawHttp.request(base, "GET", many.toString(), null, auth);
    assertThat(tooMany.status()).isEqualTo(400);
    tooMany.expectErrorShape();

    // A form-encoded GET leaves its query to the list's handler, which must refuse it cleanly.
    for (String list : List.of("/v1/runs", "/v1/templates", "/v1/members")) {
      RawHttp.Answer badQuery =
          RawHttp.request(
              base,
              "GET",
              list + "?%=%20",
              null,
              auth,
              "Content-Type: application/x-www-form-urlencoded");
      assertThat(badQuery.status()).as(list).isEqualTo(400);
      badQuery.expectErrorShape();
    }

    // A form body whose parameter name the firewall refuses is met only when a handler reads it.
    String form = "a%07b=1";
    RawHttp.Answer badForm =
        RawHttp.send(
            base,
            "POST /v1/webhook_endpoints/we_x/rotate_secret HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                + auth
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                + form.length()
                + "\r\n\r\n"
                + form);
    assertThat(badForm.status()).as(badForm.body()).isEqualTo(400);
    badForm.expectErrorShape();
  }

  @Test
  void whatTheContainerRefusesItselfAnswersTheErrorShape() {
    String base = TestSystem.get().apiBaseUrl();
    String bigHeader = "X-Big: " + "a".repeat(9_000);
    Map<String, RawHttp.Answer> answers =
        Map.of(
            "431 headers over 8 KB", RawHttp.request(base, "GET", "/health", null, bigHeader),
            "405 TRACE", RawHttp.request(base, "TRACE", "/v1/usage", null),
            "501 unknown transfer encoding",
                RawHttp.send(
                    base, "POST /v1/usage HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: foo\r\n\r\n"),
            "400 two Content-Lengths",
                RawHttp.send(
                    base,
                    "POST /v1/usage HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n"
                        + "Content-Length: 3\r\n\r\n{}"),
            "400 NUL in a header",
                RawHttp.send(base, "GET /health HTTP/1.1\r\nHost: x\r\nX-A: a\u0000b\r\n\r\n"),
            "400 %00 in the path", RawHttp.request(base, "GET", "/v1/runs/a%00b", null),
            "400 %2F in the path", RawHttp.request(base, "GET", "/v1/runs/a%2Fb", null),
            "400 %5C in the path", RawHttp.request(base, "GET", "/v1/runs/a%5Cb", null),
            "400 %FF in the path", RawHttp.request(base, "GET", "/v1/runs/a%FFb", null),
            "431 a 10,000-character id",
                RawHttp.request(base, "GET", "/v1/runs/r-" + "a".repeat(10_000), null));
    answers.forEach((expected, answer) -> {
      int status = Integer.parseInt(expected.substring(0, 3));
      assertThat(answer.status()).as(expected + ": " + answer.body()).isEqualTo(status);
      answer.expectErrorShape();
    });
    // The server still serves a normal request afterwards.
    assertThat(RawHttp.request(base, "GET", "/health", null).status()).isEqualTo(200);
  }

  @Test
  void whatTheContainerRefusesItselfOnAManagementPortAnswersTheErrorShape() {
    String bigHeader = "X-Big: " + "a".repeat(9_000);
    for (RundunSystem.ManagementTarget target : TestSystem.get().managementTargets()) {
      String base = target.url();
      Map<String, RawHttp.Answer> answers =
          Map.of(
              "431 headers over 8 KB",
                  RawHttp.request(base, "GET", "/actuator/health", null, bigHeader),
              "405 TRACE", RawHttp.request(base, "TRACE", "/actuator/health", null),
              "400 NUL in a header",
                  RawHttp.send(
                      base, "GET /actuator/health HTTP/1.1\r\nHost: x\r\nX-A: a\u0000b\r\n\r\n"));
      answers.forEach((expected, answer) -> {
        int status = Integer.parseInt(expected.substring(0, 3));
        assertThat(answer.status())
            .as(target.service() + ", " + expected + ": " + answer.body())
            .isEqualTo(status);
        answer.expectErrorShape();
      });
      assertThat(RawHttp.request(base, "GET", "/actuator/health/liveness", null).status())
          .isEqualTo(200);
    }
  }

  @Test
  void aPhotoIsOneImageWithinThePixelBudgetServedOnlyAsAnImage() throws Exception {
    Api live = TestSystem.newOrganisation("starter");
    String run = openRun(live);
    Api phone = live.anonymous();
    String photos = "/v1/executor/runs/" + run + "/steps/s-ph01/photos";

    byte[] withHtml = concat(RunJourneyTest.png(), "<html><script>alert(1)</script>".getBytes());
    phone.postRaw(photos, "image/png", withHtml).expectError(400, "invalid_request", "photo");
    phone
        .postRaw(photos, "image/png", pngClaiming(100_000, 100_000))
        .expectError(400, "invalid_request", "photo");
    phone
        .postRaw(photos, "image/webp", webpWithoutImage())
        .expectError(400, "invalid_request", "photo");

    String photoId =
        phone
            .postRaw(photos, "image/png", RunJourneyTest.png())
            .expect(201)
            .json()
            .get("photo_id")
            .asString();
    phone
        .put(
            "/v1/executor/runs/" + run + "/steps/s-ph01/answer", Map.of("photos", List.of(photoId)))
        .expect(200);
    String url =
        live.get("/v1/runs/" + run)
            .expect(200)
            .json()
            .get("answers")
            .get("s-ph01")
            .get("photos")
            .get(0)
            .get("url")
            .asString();
    HttpResponse<byte[]> served =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(served.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(served.headers().firstValue("Content-Disposition"))
        .hasValue("inline; filename=\"" + photoId + "\"");
    assertThat(served.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("sandbox");
  }

  @Test
  void onlyTheHolderOfARunUploadsAndARunIsOpenedBySomeone() throws Exception {
    Api live = TestSystem.newOrganisation("starter");
    String template = templateId(live);
    String run = Fixtures.dispatch(live, template);
    String path = "/v1/executor/runs/" + run;

    // Step 1: an open that names no device and no member is refused; the run stays pending.
    live.anonymous()
        .onDevice(null)
        .post(path + "/open", Map.of())
        .expectError(400, "invalid_request", "Rundun-Device");
    assertThat(live.get("/v1/runs/" + run).json().get("status").asString()).isEqualTo("pending");

    // Step 2: the phone opens it; another device, or none, cannot upload to it.
    live.anonymous().post(path + "/open", Map.of()).expect(200);
    byte[] png = RunJourneyTest.png();
    live.anonymous()
        .onDevice("another-phone-0000001")
        .postRaw(path + "/steps/s-ph01/photos", "image/png", png)
        .expectError(409, "conflict", null);
    live.anonymous()
        .onDevice(null)
        .postRaw(path + "/steps/s-ph01/photos", "image/png", png)
        .expectError(409, "conflict", null);
    live.anonymous().postRaw(path + "/steps/s-ph01/photos", "image/png", png).expect(201);
  }

  private static String templateId(Api live) {
    return Fixtures.template(live, TEXT_AND_PHOTO);
  }

  private static String openRun(Api live) {
    String run = Fixtures.dispatch(live, templateId(live));
    live.anonymous().post("/v1/executor/runs/" + run + "/open", Map.of()).expect(200);
    return run;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** A PNG whose header claims the size; its one data chunk holds nothing worth decoding. */
  private static byte[] pngClaiming(int width, int height) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
    ByteBuffer header = ByteBuffer.allocate(13).order(ByteOrder.BIG_ENDIAN);
    header.putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0);
    header.put((byte) 0);
    chunk(out, "IHDR", header.array());
    chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    out.writeBytes(name);
    out.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  /** A RIFF container of the right length saying WEBP VP8, holding no VP8 frame. */
  private static byte[] webpWithoutImage() {
    ByteBuffer webp = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
    webp.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(32);
    webp.put("WEBPVP8 ".getBytes(StandardCharsets.US_ASCII)).putInt(20);
    return webp.array();
  }
}
