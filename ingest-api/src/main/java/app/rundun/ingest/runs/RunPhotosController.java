package app.rundun.ingest.runs;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.media.PhotoLinks;
import app.rundun.contracts.runs.AnswerResource;
import app.rundun.contracts.runs.PhotoResource;
import app.rundun.contracts.runs.RunId;
import app.rundun.contracts.runs.RunLookup;
import app.rundun.ingest.auth.Caller;
import app.rundun.ingest.queries.Freshness;
import app.rundun.ingest.queries.ProcessorQueries;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/runs/:id/answers/:step/photos/:index}: the stable path a run event gives for each
 * photo. With the run's API key it redirects to the photo, by a URL signed now, however old the
 * event.
 */
@RestController
class RunPhotosController {

  private final ProcessorQueries queries;
  private final PhotoLinks photos;

  RunPhotosController(ProcessorQueries queries, PhotoLinks photos) {
    this.queries = queries;
    this.photos = photos;
  }

  @GetMapping("/v1/runs/{runId}/answers/{stepId}/photos/{index}")
  ResponseEntity<Void> photo(
      Caller caller,
      RunId runId,
      @PathVariable String stepId,
      @PathVariable String index,
      HttpServletResponse response) {
    RunLookup lookup =
        queries.ownedRun(caller.orgId(), caller.mode(), runId, Freshness.MAY_LAG).shownOn(response);
    AnswerResource answer = lookup.run().answers().get(stepId);
    PhotoResource photo =
        answer == null
                || !index.matches("\\d{1,2}")
                || Integer.parseInt(index) >= answer.photos().size()
            ? null
            : answer.photos().get(Integer.parseInt(index));
    if (photo == null || photo.photoId() == null) {
      throw ApiException.notFound("photo", runId + "/" + stepId + "/" + index);
    }
    return ResponseEntity.status(HttpStatus.FOUND)
        .location(URI.create(photos.sign(lookup.run().runId(), stepId, photo.photoId())))
        .build();
  }
}
