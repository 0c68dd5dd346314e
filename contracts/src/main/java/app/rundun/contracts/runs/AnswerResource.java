package app.rundun.contracts.runs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One answer, keyed by step id in a run's {@code answers}, in the shape of the Runs API page; an
 * answer the integrator gave on {@code POST /v1/runs} (and the executor has not changed) also says
 * {@code "prefilled": true}, and {@code "locked": true} when the executor could not change it. Both
 * are left out (null) otherwise, so an executor's answer keeps the page's shape exactly.
 */
public record AnswerResource(
    JsonNode value,
    List<PhotoResource> photos,
    GeoPoint geo,
    Instant at,
    String by,
    @JsonInclude(JsonInclude.Include.NON_NULL) Boolean prefilled,
    @JsonInclude(JsonInclude.Include.NON_NULL) Boolean locked) {

  public static AnswerResource of(RecordedAnswer answer, List<PhotoResource> photos) {
    return new AnswerResource(
        answer.value(),
        photos,
        answer.geo(),
        answer.at(),
        answer.by(),
        answer.source().prefilled() ? Boolean.TRUE : null,
        answer.source().locked() ? Boolean.TRUE : null);
  }

  /** The same answer with other photos: how references become links as it leaves. */
  public AnswerResource withPhotos(List<PhotoResource> others) {
    return new AnswerResource(value, others, geo, at, by, prefilled, locked);
  }
}
