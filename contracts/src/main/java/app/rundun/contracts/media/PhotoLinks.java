package app.rundun.contracts.media;

import app.rundun.contracts.json.Json;
import app.rundun.contracts.runs.AnswerResource;
import app.rundun.contracts.runs.ExecutorRunView;
import app.rundun.contracts.runs.PhotoResource;
import app.rundun.contracts.runs.RunId;
import app.rundun.contracts.runs.RunResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where photos live and how their links are made. Nothing stored holds a signed URL: runs and
 * events keep stable references ({@link PhotoResource#reference}), and each answer that leaves
 * Rundun (a read by ingest-api, each webhook attempt by the dispatcher) gets URLs signed as it
 * leaves, so a link is fresh however late it is sent.
 */
public final class PhotoLinks {

  private final MediaUrlSigner signer;

  public PhotoLinks(MediaUrlSigner signer) {
    this.signer = signer;
  }

  /** The object key a photo is stored under: {@code runs/{run}/{step}/{sha256}.{ext}}. */
  public static String objectKey(String runId, String stepId, String photoId) {
    return "runs/" + runId + "/" + stepId + "/" + photoId;
  }

  /** The API path that redirects, with the run's API key, to a freshly signed URL. */
  public static String apiPath(String runId, String stepId, int photoIndex) {
    return "/v1/runs/" + runId + "/answers/" + stepId + "/photos/" + photoIndex;
  }

  /** A URL to the photo, signed now. */
  public String sign(RunId run, String stepId, String photoId) {
    return signer.sign(objectKey(run.value(), stepId, photoId));
  }

  public RunResource mint(RunResource run) {
    return run.withAnswers(mint(run.runId(), run.answers()));
  }

  public ExecutorRunView mint(ExecutorRunView view) {
    return view.withAnswers(mint(view.runId(), view.answers()));
  }

  /**
   * A webhook body ({@code {"type", "timestamp", "data"}}, data the run) with every photo reference
   * of its run turned into a URL signed now; a body without any is returned as it is.
   */
  public String mintBody(String body) {
    if (!body.contains("\"photo_id\"")) {
      return body;
    }
    JsonNode tree = Json.mapper().readTree(body);
    JsonNode data = tree.get("data");
    if (data == null || !(data.get("answers") instanceof ObjectNode answers)) {
      return body;
    }
    RunId run = new RunId(data.get("run_id").asString());
    for (Map.Entry<String, JsonNode> answer : answers.properties()) {
      JsonNode photos = answer.getValue().get("photos");
      if (photos == null || !photos.isArray()) {
        continue;
      }
      List<PhotoResource> linked = new ArrayList<>();
      for (JsonNode photo : photos) {
        PhotoResource reference = Json.mapper().treeToValue(photo, PhotoResource.class);
        linked.add(link(run, answer.getKey(), reference));
      }
      ((ObjectNode) answer.getValue()).set("photos", Json.mapper().valueToTree(linked));
    }
    return Json.mapper().writeValueAsString(tree);
  }

  private Map<String, AnswerResource> mint(RunId run, Map<String, AnswerResource> answers) {
    Map<String, AnswerResource> minted = new LinkedHashMap<>();
    answers.forEach((stepId, answer) -> {
      List<PhotoResource> photos =
          answer.photos().stream().map(photo -> link(run, stepId, photo)).toList();
      minted.put(stepId, answer.withPhotos(photos));
    });
    return minted;
  }

  private PhotoResource link(RunId run, String stepId, PhotoResource photo) {
    return photo.photoId() == null
        ? photo
        : PhotoResource.link(photo.photoIndex(), sign(run, stepId, photo.photoId()));
  }
}
