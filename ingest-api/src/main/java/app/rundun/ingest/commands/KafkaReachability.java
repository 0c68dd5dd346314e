package app.rundun.ingest.commands;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.errors.ErrorCode;
import app.rundun.contracts.kafka.KafkaClients;
import app.rundun.ingest.IngestProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Whether this instance can reach Kafka, probed twice a second. While it cannot, a command is
 * refused at once with 503 instead of waiting out the command timeout: nothing is published, so the
 * caller knows nothing was recorded and retries in a moment. The probe alone decides; a slow
 * command is not taken as a sign of an outage.
 */
@Component
public class KafkaReachability implements DisposableBean {

  /** One round trip to the cluster; throws if it does not answer in time. */
  interface Probe extends AutoCloseable {
    void contact() throws Exception;

    @Override
    void close();
  }

  private static final Duration PROBE_INTERVAL = Duration.ofMillis(500);

  private final Probe probe;
  private final Clock clock;
  private final Duration grace;
  private final ScheduledExecutorService scheduler;
  private volatile Instant lastContact;

  @Autowired
  KafkaReachability(IngestProperties properties, Clock clock) {
    this(adminProbe(properties.kafkaClients()), clock, properties.brokerUnreachableAfter());
    scheduler.scheduleWithFixedDelay(
        this::probeOnce, 0, PROBE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
  }

  KafkaReachability(Probe probe, Clock clock, Duration grace) {
    this.probe = probe;
    this.clock = clock;
    this.grace = grace;
    this.lastContact = clock.instant();
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(runnable ->
            Thread.ofPlatform().daemon().name("kafka-reachability").unstarted(runnable));
  }

  void probeOnce() {
    try {
      probe.contact();
      lastContact = clock.instant();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // Unanswered: lastContact stays where it was, and ages.
    }
  }

  /** True unless the cluster has not answered a probe for longer than the grace period. */
  public boolean reachable() {
    return !clock.instant().isAfter(lastContact.plus(grace));
  }

  /** Refuses the request with 503 while Kafka is unreachable. */
  void ensureReachable() {
    if (!reachable()) {
      throw new ApiException(
          ErrorCode.UNAVAILABLE,
          "Rundun cannot record requests for a moment and nothing was recorded; retry shortly"
              + " (with the same Idempotency-Key).",
          null);
    }
  }

  @Override
  public void destroy() {
    scheduler.shutdownNow();
    probe.close();
  }

  private static Probe adminProbe(KafkaClients kafka) {
    Properties props = kafka.properties();
    props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
    Admin admin = Admin.create(props);
    DescribeClusterOptions options = new DescribeClusterOptions().timeoutMs(1_000);
    return new Probe() {
      @Override
      public void contact() throws Exception {
        admin.describeCluster(options).nodes().get(2, TimeUnit.SECONDS);
      }

      @Override
      public void close() {
        admin.close(Duration.ofSeconds(1));
      }
    };
  }
}
