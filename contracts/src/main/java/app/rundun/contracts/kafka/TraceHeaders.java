package app.rundun.contracts.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The W3C trace context ({@code traceparent}, {@code tracestate}) as Kafka record headers. The
 * ingest-api's producer writes them (Spring Kafka's observation); each stage carries them from the
 * record it processes to every record it writes, so one trace runs from an HTTP request through the
 * commands, both stages and the event to the webhook attempt.
 */
public final class TraceHeaders {

  public static final String TRACEPARENT = "traceparent";
  public static final String TRACESTATE = "tracestate";

  private TraceHeaders() {}

  /** Only the trace context of {@code from}: not its correlation or reply headers. */
  public static Headers carried(Headers from) {
    RecordHeaders carried = new RecordHeaders();
    if (from != null) {
      for (String name : new String[] {TRACEPARENT, TRACESTATE}) {
        Header header = from.lastHeader(name);
        if (header != null) {
          carried.add(name, header.value());
        }
      }
    }
    return carried;
  }

  /** The {@code traceparent} of the headers, if they carry one. */
  public static Optional<String> traceparent(Headers headers) {
    Header header = headers == null ? null : headers.lastHeader(TRACEPARENT);
    return header == null
        ? Optional.empty()
        : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
  }
}
