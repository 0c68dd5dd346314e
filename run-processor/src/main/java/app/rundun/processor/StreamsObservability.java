package app.rundun.processor;

import app.rundun.processor.stores.BoundedRocksDb;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.config.MeterFilter;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The run-processor as an orchestrator and an operator see it. Readiness ({@code streamsReady}) is
 * up only while Streams is RUNNING: during a start, a restore or a rebalance the instance is out of
 * service but alive. Liveness ({@code streamsAlive}) is down only when Streams has stopped for good
 * (ERROR, or NOT_RUNNING once started), which a restart can cure; a rebalance never fails it.
 * Metrics: {@code rundun.streams.state} (1 for the current state) and the RocksDB memory in use
 * against its bound; Kafka Streams' own metrics are bound by {@link StreamsRunner}, all but those
 * of each state store.
 */
@Configuration
class StreamsObservability {

  @Bean
  HealthIndicator streamsReady(StreamsRunner runner) {
    return () -> runner.isRunning() ? Health.up().build() : Health.outOfService().build();
  }

  @Bean
  HealthIndicator streamsAlive(StreamsRunner runner) {
    return () -> {
      KafkaStreams streams = runner.streams();
      if (streams == null) {
        return Health.up().build();
      }
      KafkaStreams.State state = streams.state();
      return state == KafkaStreams.State.ERROR || state == KafkaStreams.State.NOT_RUNNING
          ? Health.down().withDetail("state", state.name()).build()
          : Health.up().build();
    };
  }

  @Bean
  MeterBinder streamsState(StreamsRunner runner) {
    return registry -> {
      for (KafkaStreams.State state : KafkaStreams.State.values()) {
        Gauge.builder(
                "rundun.streams.state",
                runner,
                r -> r.streams() != null && r.streams().state() == state ? 1 : 0)
            .description("1 for the Kafka Streams state this instance is in, 0 for the others")
            .tag("state", state.name())
            .register(registry);
      }
    };
  }

  /**
   * Kafka Streams registers some thirty series for each state store of each task, tagged {@code
   * <store type>-state-id} ({@code rocksdb.state.id} once Micrometer has bound them): 10,692 of the
   * 14,802 lines of this service's scrape with 6 partitions (four times as many with 24), most of
   * them recorded only at Streams' DEBUG level and so always zero. A scrape was 2.9 MB and took
   * 130-165 ms; every Prometheus would store each series. What an operator needs of the stores is
   * their memory against its bound (the next bean) and restore progress, which is the state
   * updater's, not a store's.
   */
  @Bean
  MeterFilter noSeriesPerStateStore() {
    return MeterFilter.deny(
        id -> id.getTags().stream().anyMatch(tag -> tag.getKey().endsWith(".state.id")));
  }

  @Bean
  MeterBinder rocksDbMemory() {
    return registry -> {
      Gauge.builder("rundun.rocksdb.memory.used", BoundedRocksDb::usedBytes)
          .description("Bytes of the shared RocksDB block cache and memtables in use")
          .baseUnit("bytes")
          .register(registry);
      Gauge.builder("rundun.rocksdb.memory.bound", BoundedRocksDb::boundBytes)
          .description("The bound on RocksDB memory all stores of this instance share")
          .baseUnit("bytes")
          .register(registry);
    };
  }
}
