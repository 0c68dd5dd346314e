package app.rundun.ingest.exports;

import app.rundun.contracts.json.Json;
import app.rundun.contracts.runs.AnswerResource;
import app.rundun.contracts.runs.RunResource;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A GeoJSON FeatureCollection with one Point feature per answer that has a location (longitude
 * first, as GeoJSON orders it), its properties saying which run, step and answer it is.
 */
final class GeoJsonRows implements ExportRows {

  private final Writer out;
  private boolean first = true;

  GeoJsonRows(Writer out) throws IOException {
    this.out = out;
    out.write("{\"type\":\"FeatureCollection\",\"features\":[\n");
  }

  @Override
  public void row(RunResource run) throws IOException {
    for (Map.Entry<String, AnswerResource> entry : run.answers().entrySet()) {
      AnswerResource answer = entry.getValue();
      if (answer.geo() == null) {
        continue;
      }
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("run_id", run.runId().value());
      properties.put("step_id", entry.getKey());
      properties.put("template_v", run.templateV());
      properties.put("executor_ref", run.executorRef());
      properties.put("value", answer.value());
      properties.put("photos", answer.photos().size());
      properties.put("accuracy_m", answer.geo().accuracyM());
      properties.put("at", answer.at());
      Map<String, Object> feature = new LinkedHashMap<>();
      feature.put("type", "Feature");
      feature.put(
          "geometry",
          Map.of("type", "Point", "coordinates", List.of(answer.geo().lng(), answer.geo().lat())));
      feature.put("properties", properties);
      out.write(first ? "" : ",\n");
      out.write(Json.mapper().writeValueAsString(feature));
      first = false;
    }
  }

  @Override
  public void close() throws IOException {
    out.write("\n]}\n");
    out.flush();
  }
}
