package app.rundun.contracts.runs;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One answer, keyed by step id in a run's {@code answers}; {@code prefilled} when the integrator
 * gave it on {@code POST /v1/runs} and the executor has not changed it, {@code locked} when they
 * could not.
 */
public record AnswerResource(
    JsonNode value,
    List<PhotoResource> photos,
    GeoPoint geo,
    Instant at,
    String by,
    boolean prefilled,
    boolean locked) {

  public static AnswerResource of(RecordedAnswer answer, List<PhotoResource> photos) {
    return new AnswerResource(
        answer.value(),
        photos,
        answer.geo(),
        answer.at(),
        answer.by(),
        answer.source().prefilled(),
        answer.source().locked());
  }

  /** The same answer with other photos: how references become links as it leaves. */
  public AnswerResource withPhotos(List<PhotoResource> others) {
    return new AnswerResource(value, others, geo, at, by, prefilled, locked);
  }
}
