package app.rundun.ingest.exports;

import app.rundun.contracts.json.Json;
import app.rundun.contracts.runs.RunResource;
import java.io.IOException;
import java.io.Writer;

/** One run object per line, exactly as {@code GET /v1/runs/:id} shows it. */
final class NdjsonRows implements ExportRows {

  private final Writer out;

  NdjsonRows(Writer out) {
    this.out = out;
  }

  @Override
  public void row(RunResource run) throws IOException {
    out.write(Json.mapper().writeValueAsString(run));
    out.write('\n');
  }

  @Override
  public void close() throws IOException {
    out.flush();
  }
}
