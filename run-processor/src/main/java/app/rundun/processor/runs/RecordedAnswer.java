package app.rundun.processor.runs;

import app.rundun.contracts.runs.GeoPoint;
import app.rundun.contracts.runs.PhotoRef;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** An answer as the run keeps it; photos are object keys, signed only when shown. */
record RecordedAnswer(JsonNode value, List<PhotoRef> photos, GeoPoint geo, Instant at, String by) {}
