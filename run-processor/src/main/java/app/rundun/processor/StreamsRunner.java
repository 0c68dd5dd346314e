package app.rundun.processor;

import app.rundun.contracts.kafka.TopicAdmin;
import app.rundun.processor.runs.RunViews;
import app.rundun.processor.stores.BoundedRocksDb;
import app.rundun.processor.topology.RundunTopology;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Runs the topology once the web server knows its port, because the port is part of this instance's
 * {@code application.server} address that other instances forward queries to.
 */
@Component
public class StreamsRunner
    implements ApplicationListener<WebServerInitializedEvent>, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(StreamsRunner.class);

  private final ProcessorProperties properties;
  private final Clock clock;
  private final RunViews views;
  private volatile KafkaStreams streams;
  private volatile HostInfo self;
  private final MeterRegistry registry;
  private volatile KafkaStreamsMetrics metrics;
  private final AtomicLong taskChanges = new AtomicLong();

  public StreamsRunner(
      ProcessorProperties properties, Clock clock, RunViews views, MeterRegistry registry) {
    this.properties = properties;
    this.clock = clock;
    this.views = views;
    this.registry = registry;
  }

  @Override
  public synchronized void onApplicationEvent(WebServerInitializedEvent event) {
    if (streams != null) {
      return;
    }
    self = new HostInfo(properties.advertisedHost(), event.getWebServer().getPort());
    TopicAdmin.ensureTopics(
        properties.kafkaClients(), properties.partitions(), properties.replicationFactor());
    streams =
        new KafkaStreams(
            RundunTopology.build(
                clock, views, properties.expirySweepInterval(), properties.commitQuietGap()),
            config());
    streams.setStateListener((now, before) -> taskChanges.incrementAndGet());
    streams.setGlobalStateRestoreListener(new RestoreMoments(taskChanges));
    streams.setUncaughtExceptionHandler(e -> {
      log.error("Stream thread failed; replacing it", e);
      return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler
          .StreamThreadExceptionResponse.REPLACE_THREAD;
    });
    // Per-partition lag appears once a partition is fetched: looked for every 10 s, not
    // Micrometer's
    // default minute, so a new assignment shows on the dashboard soon after.
    metrics =
        new KafkaStreamsMetrics(
            streams,
            List.of(),
            Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("rundun-streams-metrics").factory()),
            Duration.ofSeconds(10));
    metrics.bindTo(registry);
    streams.start();
    log.info("run-processor streams started as {}", self);
  }

  /** The running streams client; null until the web server has started. */
  public KafkaStreams streams() {
    return streams;
  }

  /** Whether the topology is processing: all tasks assigned and restored. */
  public boolean isRunning() {
    KafkaStreams running = streams;
    return running != null && running.state() == KafkaStreams.State.RUNNING;
  }

  /**
   * A count that moves whenever the tasks this instance holds may have changed: every state change
   * (each rebalance passes through {@code REBALANCING}) and every start of a restore (a task
   * rebuilding its stores, as after a corrupted transaction, without a rebalance). Whatever was
   * learnt about local stores at one count holds as long as the count stays.
   */
  public long taskChanges() {
    return taskChanges.get();
  }

  public HostInfo self() {
    return self;
  }

  @Override
  public void close() {
    KafkaStreams running = streams;
    if (metrics != null) {
      metrics.close();
    }
    if (running != null) {
      // Leaving the group hands this instance's tasks over at once, instead of after the session
      // timeout; a crash still waits for the timeout.
      running.close(
          new KafkaStreams.CloseOptions().timeout(Duration.ofSeconds(30)).leaveGroup(true));
    }
  }

  private Properties config() {
    Properties props = properties.kafkaClients().properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, properties.applicationId());
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.STATE_DIR_CONFIG, properties.stateDir().toAbsolutePath().toString());
    props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
    props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, properties.standbyReplicas());
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, properties.streamThreads());
    props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) properties.replicationFactor());
    // Under load: each commit carries what came in the interval. A lone request is committed at
    // once by its stage (CommitPacing), so this is not its latency floor.
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, properties.commitIntervalMs());
    props.put(StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), 50);
    // Not set: the producer's linger stays at Streams' own 100 ms. Nothing reads a record before
    // its transaction commits, and a commit sends whatever is waiting at once. A linger of 0 sent
    // a request per record as it was written; batching them cut the broker's CPU per create by
    // 40-50% (2 cores, old and new builds alternating).
    // A transaction's first record, sent just after the previous transaction committed, can find
    // the coordinator still completing that one (CONCURRENT_TRANSACTIONS) and is sent again after
    // the retry backoff. Kafka's 100 ms put a fifth to a quarter of lone creates (two transactions
    // in turn) at +100 or +200 ms, and creates at 128 connections at 196-224/s against 535-606/s
    // with 10 ms; failures still back off exponentially up to retry.backoff.max.ms.
    props.put(StreamsConfig.producerPrefix(ProducerConfig.RETRY_BACKOFF_MS_CONFIG), 10);
    props.put(StreamsConfig.POLL_MS_CONFIG, 5);
    // Static membership, named by this instance's address: a restart within the session timeout
    // keeps its tasks, and a stop (leaving the group) hands them over at once.
    props.put(
        StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG),
        "run-processor-" + self.host() + "-" + self.port());
    // How long a dead instance's partitions wait before another instance takes them over.
    props.put(
        StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG),
        (int) properties.sessionTimeout().toMillis());
    props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDb.class);
    props.put(BoundedRocksDb.TOTAL_BYTES_CONFIG, properties.rocksdbMemory().toBytes());
    props.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        LogAndContinueExceptionHandler.class);
    return props;
  }
}
