package app.rundun.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The signed report of a completed run, checked by Poppler as a customer's PDF reader would: the
 * signature valid as served and invalid after one byte changes; the first page rendered.
 */
class RunReportTest {

  static final Path REPORTS = Path.of("target", "reports");

  @Test
  void aCompletedRunsReportIsSignedAndAnyChangeBreaksTheSignature() throws Exception {
    // Step 1: a vehicle check done on a phone, with a photo and a location.
    Api live = TestSystem.newOrganisation("team");
    String runId = completedRun(live);

    // Step 2: the report, with the API key: a PDF.
    HttpResponse<byte[]> served = live.download("/v1/runs/" + runId + "/report.pdf");
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.headers().firstValue("Content-Type")).hasValue("application/pdf");
    Files.createDirectories(REPORTS);
    Path report = REPORTS.resolve("report-" + runId + ".pdf");
    Files.write(report, served.body());

    // Step 3: pdfsig finds one signature over the whole file, valid.
    String valid = run("pdfsig", report.toString());
    assertThat(valid).contains("Signature is Valid").contains("Total document signed");

    // Step 4: one byte changed inside the signed range, and the signature no longer holds.
    byte[] altered = served.body().clone();
    int inside = indexOf(altered, "stream".getBytes(StandardCharsets.US_ASCII)) + 20;
    altered[inside] ^= 0x01;
    Path tampered = REPORTS.resolve("tampered-" + runId + ".pdf");
    Files.write(tampered, altered);
    assertThat(run("pdfsig", tampered.toString()))
        .doesNotContain("Signature is Valid")
        .containsAnyOf("Signature is Invalid", "Digest Mismatch");

    // Step 5: the first page renders.
    run(
        "pdftoppm",
        "-png",
        "-r",
        "60",
        "-f",
        "1",
        "-l",
        "1",
        report.toString(),
        REPORTS.resolve("page-" + runId).toString());
    Path page = REPORTS.resolve("page-" + runId + "-1.png");
    assertThat(page).exists();
    BufferedImage rendered = ImageIO.read(page.toFile());
    assertThat(rendered.getWidth()).isGreaterThan(400);

    // Step 6: the text says what the run was.
    String text = run("pdftotext", report.toString(), "-");
    assertThat(text)
        .contains("Vehicle check")
        .contains(runId)
        .contains("42150 km")
        .contains("Half")
        .contains("Front, Rear")
        .contains("Location 51.50700, -0.12700 (accurate to 5 m)")
        .contains("SHA-256 ");
  }

  @Test
  void aReportLinkOpensWithoutAKeyUntilItExpiresAndOnlyForACompletedRun() throws Exception {
    Api live = TestSystem.newOrganisation("team");
    String runId = completedRun(live);

    String url =
        live.post("/v1/runs/" + runId + "/report_link", Map.of())
            .expect(200)
            .json()
            .get("url")
            .asString();
    String path = url.substring(url.indexOf("/media/"));
    HttpResponse<byte[]> opened = live.anonymous().onDevice(null).download(path);
    assertThat(opened.statusCode()).isEqualTo(200);
    assertThat(new String(opened.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    assertThat(live.anonymous().download(path.replace("signature=", "signature=x")).statusCode())
        .isEqualTo(403);

    String pending =
        live.post("/v1/runs", Map.of("template_id", template(live)))
            .expect(201)
            .json()
            .get("run_id")
            .asString();
    live.post("/v1/runs/" + pending + "/report_link", Map.of()).expectError(409, "conflict", null);
    Api other = TestSystem.newOrganisation("team");
    assertThat(other.download("/v1/runs/" + runId + "/report.pdf").statusCode()).isEqualTo(404);
  }

  private static String completedRun(Api live) throws IOException {
    String runId =
        live.post("/v1/runs", Map.of("template_id", template(live), "executor_ref", "booking_9f2a"))
            .expect(201)
            .json()
            .get("run_id")
            .asString();
    Api phone = live.anonymous();
    String run = "/v1/executor/runs/" + runId;
    phone.post(run + "/open", Map.of()).expect(200);
    phone.put(run + "/steps/s-od01/answer", Map.of("value", 42150)).expect(200);
    phone.put(run + "/steps/s-fu01/answer", Map.of("value", "o-fu2")).expect(200);
    phone.put(run + "/steps/s-dm01/answer", Map.of("value", true)).expect(200);
    String photoId =
        phone
            .postRaw(run + "/steps/s-dm02/photos", "image/jpeg", AppJourneys.cameraPhotoBytes())
            .expect(201)
            .json()
            .get("photo_id")
            .asString();
    phone
        .put(
            run + "/steps/s-dm02/answer",
            Map.of(
                "value", List.of("o-dm1", "o-dm3"),
                "photos", List.of(photoId),
                "geo", Map.of("lat", 51.507, "lng", -0.127, "accuracy_m", 5)))
        .expect(200);
    phone.post(run + "/submit", Map.of()).expect(200);
    return runId;
  }

  private static String template(Api live) {
    return live.post(
            "/v1/templates", Map.of("name", "Vehicle check", "steps", Fixtures.VEHICLE_CHECK_STEPS))
        .expect(201)
        .json()
        .get("template_id")
        .asString();
  }

  private static String run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return output;
  }

  private static int indexOf(byte[] data, byte[] needle) {
    outer:
    for (int i = 0; i < data.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (data[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError(
        "no " + new String(needle, StandardCharsets.US_ASCII) + " in the file");
  }
}
