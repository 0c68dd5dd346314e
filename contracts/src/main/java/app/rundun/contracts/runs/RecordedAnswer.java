package app.rundun.contracts.runs;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * An answer as a run keeps it; photos are object keys, given URLs only when shown.
 *
 * @param source who gave it (answers stored before prefilling existed read as the executor's)
 */
public record RecordedAnswer(
    JsonNode value,
    List<PhotoRef> photos,
    GeoPoint geo,
    Instant at,
    String by,
    AnswerSource source) {

  public RecordedAnswer {
    source = source == null ? AnswerSource.EXECUTOR : source;
  }

  /** The integrator's answer, as a run starts. */
  public static RecordedAnswer prefilled(Prefill prefill, Instant at) {
    return new RecordedAnswer(prefill.value(), List.of(), null, at, null, AnswerSource.of(prefill));
  }
}
