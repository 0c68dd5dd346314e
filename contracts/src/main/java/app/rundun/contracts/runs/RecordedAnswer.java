package app.rundun.contracts.runs;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** An answer as a run keeps it; photos are object keys, given URLs only when shown. */
public record RecordedAnswer(
    JsonNode value, List<PhotoRef> photos, GeoPoint geo, Instant at, String by) {}
