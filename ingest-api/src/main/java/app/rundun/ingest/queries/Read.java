package app.rundun.ingest.queries;

import app.rundun.contracts.queries.StaleReads;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Function;

/**
 * What a read of the run-processor found, and whether it came from a copy that may lag (a standby,
 * while the owner is out of reach).
 */
public record Read<T>(T value, boolean stale) {

  /** Says on {@code response} when this was read from a copy that may lag, and gives the value. */
  public T shownOn(HttpServletResponse response) {
    if (stale) {
      response.setHeader(StaleReads.FLAG, "true");
    }
    return value;
  }

  <R> Read<R> map(Function<T, R> mapping) {
    return new Read<>(mapping.apply(value), stale);
  }
}
