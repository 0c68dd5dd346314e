package app.rundun.processor.runs;

import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A run's object of {@code GET /v1/runs/:id} as JSON, rendered when the run changed, so a read
 * passes stored bytes on instead of reading the run and writing its view (about a third of a read).
 * The view changes with time only when an unfinished run's link expires: from then on it is not
 * served and the run is rendered again as of the read.
 *
 * <p>Stored in its run's record ({@link StoredRun}) as one header line, {@code {org id} {mode}
 * {open until millis or -}}, then the JSON.
 *
 * @param openUntil when the view stops being true without a change; null if it never does
 */
public record RenderedRun(OrgId orgId, Mode mode, Instant openUntil, byte[] json) {

  private static final byte NEWLINE = '\n';

  public RenderedRun {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(json, "json");
  }

  /** The view of {@code run} rendered as {@code json}. */
  static RenderedRun of(Run run, byte[] json) {
    Instant openUntil = run.status().finished() ? null : run.expiresAt();
    return new RenderedRun(run.orgId(), run.mode(), openUntil, json);
  }

  /** Whether the run is the organisation's and of the mode: any other caller does not see it. */
  public boolean ownedBy(OrgId org, Mode caller) {
    return orgId.equals(org) && mode == caller;
  }

  /** The JSON, while it is still the run's view at {@code now}. */
  public Optional<byte[]> jsonAt(Instant now) {
    return openUntil == null || now.isBefore(openUntil) ? Optional.of(json) : Optional.empty();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RenderedRun that
        && orgId.equals(that.orgId)
        && mode == that.mode
        && Objects.equals(openUntil, that.openUntil)
        && Arrays.equals(json, that.json);
  }

  @Override
  public int hashCode() {
    return Objects.hash(orgId, mode, openUntil, Arrays.hashCode(json));
  }

  @Override
  public String toString() {
    return "RenderedRun[" + orgId.value() + " " + mode + " until " + openUntil + "]";
  }

  /** Its stored form: one header line, then the JSON. */
  byte[] bytes() {
    String until = openUntil == null ? "-" : Long.toString(openUntil.toEpochMilli());
    byte[] header =
        (orgId.value() + " " + mode.name() + " " + until + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] stored = Arrays.copyOf(header, header.length + json.length);
    System.arraycopy(json, 0, stored, header.length, json.length);
    return stored;
  }

  /**
   * The view whose stored form ({@link #bytes()}) lies in {@code stored} from {@code from} to
   * {@code to}.
   */
  static RenderedRun read(byte[] stored, int from, int to) {
    int end = from;
    while (stored[end] != NEWLINE) {
      end++;
    }
    String[] header = new String(stored, from, end - from, StandardCharsets.UTF_8).split(" ");
    Instant until = "-".equals(header[2]) ? null : Instant.ofEpochMilli(Long.parseLong(header[2]));
    return new RenderedRun(
        new OrgId(header[0]),
        Mode.valueOf(header[1]),
        until,
        Arrays.copyOfRange(stored, end + 1, to));
  }
}
