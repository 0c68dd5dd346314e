package app.rundun.launcher;

import app.rundun.contracts.kafka.KeyPartitions;
import app.rundun.contracts.kafka.Topics;
import app.rundun.contracts.webhooks.ScheduledDelivery;
import app.rundun.contracts.webhooks.WebhookDelivery;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import java.util.function.DoublePredicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What the webhook dispatcher's heap holds for retries waiting their turn: {@code count} pending
 * deliveries written straight to {@code rundun.webhook-schedule} (due tomorrow, so none is
 * attempted while measured), the heap measured once the dispatcher counts them all, then the same
 * deliveries removed again (tombstones) so nothing is left to retry.
 */
final class PendingRetries {

  /** What was measured: the retries, and the heap they took, in bytes. */
  record Held(int count, long heapBytes, double loadSeconds) {}

  private static final String GAUGE = "rundun_webhook_retries_pending";

  private final RundunSystem system;
  private final String metricsToken;

  PendingRetries(RundunSystem system, String metricsToken) {
    this.system = system;
    this.metricsToken = metricsToken;
  }

  /**
   * Writes {@code count} retries like {@code like}, each of its own run, and measures the heap once
   * the dispatcher holds them (nothing else of them is kept here meanwhile: ids are made from a
   * number, so the clean-up writes the same keys again).
   */
  Held measure(int count, WebhookDelivery like, Duration timeout) throws Exception {
    String batch = UUID.randomUUID().toString();
    long before = heapAfterGc();
    // Counted for the host of these retries alone: another host's retries (a dead receiver's,
    // still cycling) would move the total while this is measured.
    String host = like.host();
    double baseline = pending(host);
    long start = System.nanoTime();
    try (KafkaProducer<String, byte[]> producer = producer()) {
      int partitions = producer.partitionsFor(Topics.WEBHOOK_SCHEDULE.name()).size();
      Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
      for (int i = 0; i < count; i++) {
        WebhookDelivery delivery = numbered(like, batch, i);
        ScheduledDelivery retry =
            new ScheduledDelivery(delivery, 2, tomorrow, ScheduledDelivery.State.PENDING);
        producer.send(record(delivery, partitions, Topics.WEBHOOK_SCHEDULE.serializeValue(retry)));
      }
    }
    await(host, pending -> pending >= baseline + count, timeout);
    double loadSeconds = (System.nanoTime() - start) / 1e9;
    long held = heapAfterGc() - before;
    try (KafkaProducer<String, byte[]> producer = producer()) {
      int partitions = producer.partitionsFor(Topics.WEBHOOK_SCHEDULE.name()).size();
      for (int i = 0; i < count; i++) {
        producer.send(record(numbered(like, batch, i), partitions, null));
      }
    }
    await(host, pending -> pending <= baseline, timeout);
    return new Held(count, held, loadSeconds);
  }

  /**
   * The record of the schedule topic for the delivery: keyed {@code run/event}, on the partition
   * Kafka's default partitioner gives the run id, where the dispatcher keeps a run's schedule.
   */
  private static ProducerRecord<String, byte[]> record(
      WebhookDelivery delivery, int partitions, byte[] value) {
    return new ProducerRecord<>(
        Topics.WEBHOOK_SCHEDULE.name(),
        KeyPartitions.of(delivery.runId(), partitions),
        delivery.runId() + "/" + delivery.slot(),
        value);
  }

  /** The {@code i}th retry of a batch: its own run and event, ids as long as real ones. */
  private static WebhookDelivery numbered(WebhookDelivery like, String batch, int i) {
    return new WebhookDelivery(
        "evt_" + batch + "-" + i,
        "run_" + batch + "-" + i,
        like.orgId(),
        like.eventType(),
        like.url(),
        like.encryptedSecret(),
        like.payload(),
        like.createdAt(),
        like.traceparent(),
        like.endpointId());
  }

  private void await(String host, DoublePredicate done, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.test(pending(host))) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "The dispatcher counts " + pending(host) + " retries pending to " + host);
      }
      Thread.sleep(500);
    }
  }

  /** The dispatcher's own count of retries waiting for {@code host}, from its scrape. */
  private double pending(String host) {
    return Scrape.sum(
        Scrape.of(system, "dispatcher", metricsToken), GAUGE, "host=\"" + host + "\"");
  }

  private static long heapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(500);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private KafkaProducer<String, byte[]> producer() {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, system.bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
  }
}
