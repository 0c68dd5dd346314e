package app.rundun.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class StreamsObservabilityTest {

  @Test
  void aStateStoresSeriesStayOffTheScrapeWhileATasksAndTheStateUpdatersStayOn() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    registry.config().meterFilter(new StreamsObservability().noSeriesPerStateStore());

    Gauge.builder("kafka.stream.state.put.rate", () -> 0)
        .tags("rocksdb.state.id", "runs-store", "task.id", "1_0")
        .register(registry);
    Gauge.builder("kafka.stream.state.all.rate", () -> 0)
        .tags("in.memory.state.id", "a-store", "task.id", "1_0")
        .register(registry);
    Gauge.builder("kafka.stream.task.process.rate", () -> 0)
        .tags("task.id", "1_0")
        .register(registry);
    Gauge.builder("kafka.stream.state.updater.restore.records.rate", () -> 0).register(registry);

    assertThat(registry.getMeters())
        .extracting(meter -> meter.getId().getName())
        .containsExactlyInAnyOrder(
            "kafka.stream.task.process.rate", "kafka.stream.state.updater.restore.records.rate");
  }
}
