package app.rundun.contracts.runs;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** One answer, keyed by step id in a run's {@code answers}. */
public record AnswerResource(
    JsonNode value, List<PhotoResource> photos, GeoPoint geo, Instant at, String by) {}
