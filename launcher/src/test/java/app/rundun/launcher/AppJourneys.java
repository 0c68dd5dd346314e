package app.rundun.launcher;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import tools.jackson.databind.JsonNode;

/** What the executor app's journeys share: dispatching a run, the phone's network, a camera. */
final class AppJourneys {

  static final double LAT = 51.507;
  static final double LNG = -0.127;

  private AppJourneys() {}

  static Map<String, Object> vehicleCheck(String identity) {
    return Map.of(
        "name",
        "Vehicle rental — outgoing check",
        "execution",
        Map.of("identity_required", identity),
        "steps",
        Fixtures.VEHICLE_CHECK_STEPS);
  }

  static String dispatch(Api live, Map<String, Object> template) {
    return dispatch(live, template, Map.of());
  }

  static String dispatch(Api live, Map<String, Object> template, Map<String, Object> extra) {
    String templateId =
        live.post("/v1/templates", template).expect(201).json().get("template_id").asString();
    Map<String, Object> body = new HashMap<>(extra);
    body.put("template_id", templateId);
    return live.post("/v1/runs", body).expect(201).json().get("run_id").asString();
  }

  static CuttableProxy network() {
    return new CuttableProxy(URI.create(TestSystem.get().apiBaseUrl()).getPort());
  }

  static JsonNode awaitRun(Api live, String runId, Predicate<JsonNode> done) throws Exception {
    return Eventually.until(
        "run " + runId + " reaching the expected state",
        Duration.ofSeconds(30),
        () -> live.get("/v1/runs/" + runId).expect(200).json(),
        done);
  }

  /** What a phone camera would hand the page: a JPEG larger than the app sends. */
  static Path cameraPhoto() throws IOException {
    Path file = Scratch.file("camera", ".jpg");
    Files.write(file, cameraPhotoBytes());
    return file;
  }

  /** The camera's JPEG itself, as an upload sends it. */
  static byte[] cameraPhotoBytes() throws IOException {
    BufferedImage image = new BufferedImage(2400, 1800, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(0x3a6ea5));
    g.fillRect(0, 0, 2400, 1800);
    g.setColor(Color.ORANGE);
    g.fillOval(600, 400, 1200, 900);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "jpg", out);
    return out.toByteArray();
  }
}
