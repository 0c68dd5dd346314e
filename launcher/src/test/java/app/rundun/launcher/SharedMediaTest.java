package app.rundun.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Photos in an S3-compatible object store shared by two API instances: S3Proxy, a real S3-protocol
 * server, runs in a process of its own. A photo uploaded through one instance is accepted in an
 * answer given through the other, and the run's photo URL redirects to a presigned GET of the
 * store.
 */
class SharedMediaTest {

  private static final String BUCKET = "rundun-photos";
  private static final String IDENTITY = "rundun-test";
  private static final String CREDENTIAL = "rundun-test-credential";

  private static Process s3;
  private static Path s3Data;
  private static String s3Endpoint;

  @BeforeAll
  static void startS3Server() throws Exception {
    int port = SystemSettings.freePort();
    s3Endpoint = "http://127.0.0.1:" + port;
    s3Data = Scratch.directory("s3");
    Path config = s3Data.resolve("s3proxy.properties");
    Files.writeString(
        config,
        String.join(
            "\n",
            "s3proxy.endpoint=" + s3Endpoint,
            "s3proxy.authorization=aws-v2-or-v4",
            "s3proxy.identity=" + IDENTITY,
            "s3proxy.credential=" + CREDENTIAL,
            "jclouds.provider=filesystem",
            "jclouds.filesystem.basedir=" + s3Data.resolve("blobs")));
    s3 =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                Path.of("target", "s3proxy", "s3proxy.jar").toString(),
                "org.gaul.s3proxy.Main",
                "--properties",
                config.toString())
            .redirectErrorStream(true)
            .redirectOutput(s3Data.resolve("s3proxy.log").toFile())
            .start();
    Eventually.until(
        "S3Proxy answering on " + s3Endpoint,
        Duration.ofSeconds(60),
        () -> {
          try {
            return fetch(s3Endpoint + "/").statusCode();
          } catch (ConnectException e) {
            return 0;
          }
        },
        status -> status > 0);
  }

  @AfterAll
  static void stopS3Server() throws InterruptedException {
    s3.destroy();
    s3.waitFor();
  }

  @Test
  void aPhotoUploadedThroughOneInstanceIsAnsweredThroughAnotherAndServedFromTheStore()
      throws Exception {
    Map<String, String> s3Media =
        Map.of(
            "rundun.media-store", "s3",
            "rundun.s3.endpoint", s3Endpoint,
            "rundun.s3.bucket", BUCKET,
            "rundun.s3.access-key", IDENTITY,
            "rundun.s3.secret-key", CREDENTIAL,
            "rundun.s3.path-style", "true");
    RundunSystem system = TestSystem.get();
    String first = system.startAnotherApi(system.processorUrls(), s3Media);
    String second = system.startAnotherApi(system.processorUrls(), s3Media);
    Api integrator = TestSystem.newOrganisation("team");
    Api onFirst = new Api(first, integrator.key(), integrator.orgId());
    Api onSecond = new Api(second, integrator.key(), integrator.orgId());

    // Step 1: a run with a photo step, opened through the first instance.
    String templateId =
        onFirst
            .post(
                "/v1/templates",
                Map.of(
                    "name",
                    "Cabinet",
                    "steps",
                    List.of(Map.of("id", "s-photo", "type", "photo", "title", "The cabinet"))))
            .expect(201)
            .json()
            .get("template_id")
            .asString();
    String runId =
        onFirst
            .post("/v1/runs", Map.of("template_id", templateId))
            .expect(201)
            .json()
            .get("run_id")
            .asString();
    String run = "/v1/executor/runs/" + runId;
    onFirst.anonymous().post(run + "/open", Map.of()).expect(200);

    // Step 2: the photo goes up through the first instance, into the object store.
    byte[] png = RunJourneyTest.png();
    String photoId =
        onFirst
            .anonymous()
            .postRaw(run + "/steps/s-photo/photos", "image/png", png)
            .expect(201)
            .json()
            .get("photo_id")
            .asString();
    try (Stream<Path> stored = Files.walk(s3Data.resolve("blobs").resolve(BUCKET))) {
      List<Path> objects = stored.filter(p -> p.getFileName().toString().equals(photoId)).toList();
      assertThat(objects).as("the photo in the S3 server's own storage").hasSize(1);
      assertThat(Files.readAllBytes(objects.get(0))).isEqualTo(png);
    }

    // Step 3: the answer naming it is given through the second instance, which finds it there.
    onSecond
        .anonymous()
        .put(run + "/steps/s-photo/answer", Map.of("photos", List.of(photoId)))
        .expect(200);
    onSecond.anonymous().post(run + "/submit", Map.of()).expect(200);

    // Step 4: the run's photo URL, followed on either instance, redirects to a presigned GET of
    // the store, which serves the bytes as uploaded.
    String url =
        onSecond
            .get("/v1/runs/" + runId)
            .expect(200)
            .json()
            .get("answers")
            .get("s-photo")
            .get("photos")
            .get(0)
            .get("url")
            .asString();
    String pathAndQuery = url.substring(url.indexOf("/media/"));
    for (String instance : List.of(first, second)) {
      HttpResponse<byte[]> redirect = fetch(instance + pathAndQuery);
      assertThat(redirect.statusCode()).isEqualTo(302);
      String location = redirect.headers().firstValue("Location").orElseThrow();
      assertThat(location).startsWith(s3Endpoint + "/" + BUCKET + "/runs/" + runId + "/s-photo/");
      assertThat(location).contains("X-Amz-Signature=").contains("X-Amz-Expires=300");
      HttpResponse<byte[]> photo = fetch(location);
      assertThat(photo.statusCode()).isEqualTo(200);
      assertThat(photo.body()).isEqualTo(png);
    }

    // Step 5: the API's own signature still guards the way in.
    HttpResponse<byte[]> tampered =
        fetch(first + pathAndQuery.replace("signature=", "signature=x"));
    assertThat(tampered.statusCode()).isEqualTo(403);
  }

  /** One GET, redirects not followed. */
  private static HttpResponse<byte[]> fetch(String url) throws Exception {
    return HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .build()
        .send(
            HttpRequest.newBuilder(URI.create(url)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
  }
}
