package app.rundun.ingest.exports;

import app.rundun.contracts.runs.RunResource;
import java.io.IOException;

/**
 * Writes runs one at a time in one export format: what comes before the first and after the last.
 */
interface ExportRows extends AutoCloseable {

  void row(RunResource run) throws IOException;

  /** Ends the file and flushes it; the stream underneath stays open. */
  @Override
  void close() throws IOException;
}
