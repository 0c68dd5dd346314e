package app.rundun.contracts.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class TraceHeadersTest {

  private static final String PARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

  @Test
  void onlyTheTraceContextIsCarried() {
    Headers incoming = new RecordHeaders();
    incoming.add("traceparent", PARENT.getBytes(StandardCharsets.UTF_8));
    incoming.add("tracestate", "rundun=1".getBytes(StandardCharsets.UTF_8));
    incoming.add("kafka_correlationId", new byte[] {1, 2, 3});

    Headers carried = TraceHeaders.carried(incoming);

    assertThat(carried.toArray())
        .extracting(h -> h.key())
        .containsExactly("traceparent", "tracestate");
    assertThat(TraceHeaders.traceparent(carried)).contains(PARENT);
  }

  @Test
  void aRecordWithoutTraceContextCarriesNone() {
    assertThat(TraceHeaders.carried(new RecordHeaders()).toArray()).isEmpty();
    assertThat(TraceHeaders.carried(null).toArray()).isEmpty();
    assertThat(TraceHeaders.traceparent(new RecordHeaders())).isEmpty();
  }
}
