package app.rundun.processor.runs;

import app.rundun.contracts.json.Json;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A run as {@value RunStage#RUNS_STORE} keeps it: the run, and its object of {@code GET
 * /v1/runs/:id} as rendered at its latest change ({@link RenderedRun}), in one record. Kept in two
 * stores they cost a record more at every change, in RocksDB, in the changelog and in every
 * restore; kept in one, a read by id still parses only the view's header line, and a command only
 * the run.
 *
 * <p>Stored as a format byte ({@value #FORMAT}), the view's length (4 bytes, big-endian), the view
 * in its own stored form, then the run as JSON. A run stored by an earlier version is its JSON
 * alone (its first byte is <code>{</code>): it reads as a run without a view, which a read renders
 * as of then, until its next change stores both.
 */
public final class StoredRun {

  public static final Serde<StoredRun> SERDE =
      Serdes.serdeFrom(
          (Serializer<StoredRun>) (topic, run) -> run == null ? null : run.stored,
          (Deserializer<StoredRun>) (topic, stored) -> stored == null ? null : read(stored));

  private static final byte FORMAT = 1;
  private static final byte JSON_ONLY = '{';
  private static final int HEADER = 1 + Integer.BYTES;

  private final byte[] stored;
  private final int viewLength;

  private StoredRun(byte[] stored, int viewLength) {
    this.stored = stored;
    this.viewLength = viewLength;
  }

  /** {@code run} with {@code view}, its integrator view as of the change that made it. */
  static StoredRun of(Run run, RenderedRun view) {
    byte[] viewBytes = view.bytes();
    byte[] runJson = Json.mapper().writeValueAsBytes(run);
    ByteBuffer stored = ByteBuffer.allocate(HEADER + viewBytes.length + runJson.length);
    stored.put(FORMAT).putInt(viewBytes.length).put(viewBytes).put(runJson);
    return new StoredRun(stored.array(), viewBytes.length);
  }

  private static StoredRun read(byte[] stored) {
    if (stored.length > 0 && stored[0] == JSON_ONLY) {
      return new StoredRun(stored, -1);
    }
    if (stored.length < HEADER || stored[0] != FORMAT) {
      throw new IllegalArgumentException("Not a stored run: format " + stored[0]);
    }
    int viewLength = ByteBuffer.wrap(stored, 1, Integer.BYTES).getInt();
    if (viewLength < 0 || HEADER + viewLength > stored.length) {
      throw new IllegalArgumentException("Not a stored run: a view of " + viewLength + " bytes");
    }
    return new StoredRun(stored, viewLength);
  }

  /** The run. */
  public Run run() {
    int from = viewLength < 0 ? 0 : HEADER + viewLength;
    return Json.mapper().readValue(stored, from, stored.length - from, Run.class);
  }

  /** Its integrator view as of its latest change; none for a run stored by an earlier version. */
  public Optional<RenderedRun> view() {
    return viewLength < 0
        ? Optional.empty()
        : Optional.of(RenderedRun.read(stored, HEADER, HEADER + viewLength));
  }
}
