package app.rundun.launcher;

import app.rundun.contracts.kafka.Topics;
import app.rundun.contracts.webhooks.SecretBox;
import app.rundun.contracts.webhooks.WebhookDelivery;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The webhook dispatcher alone, fed straight through {@code rundun.webhook-deliveries}: a backlog
 * of deliveries made due at once (written in one transaction, so the dispatcher sees them all at
 * its commit), spread over ten local receivers on ten loopback addresses (ten hosts, so the
 * per-host bound is the one production has), and a steady flow to measure the time from a
 * delivery's request to its arrival when nothing is backlogged.
 */
final class WebhookDrain implements AutoCloseable {

  static final int RECEIVERS = 10;

  /** What a measurement saw: how many arrived, over how long, and each one's latency. */
  record Drained(int delivered, double seconds, long[] nanos) {}

  private final String bootstrap;
  private final String org;
  private final Map<String, Long> arrived = new ConcurrentHashMap<>();

  /** What has not arrived yet of what is awaited: counting down is cheaper than comparing sets. */
  private final Set<String> awaited = ConcurrentHashMap.newKeySet();

  private final List<Receiver> receivers = new ArrayList<>();
  private final List<String> urls = new ArrayList<>();
  private final SilentEndpoint dead;
  private final String deadUrl;
  private final String payload;
  private final String sealedSecret;

  WebhookDrain(String bootstrap, String webhookSecretKey, String org) throws IOException {
    this.bootstrap = bootstrap;
    SecretBox secrets = new SecretBox(webhookSecretKey);
    this.org = org;
    for (int i = 1; i <= RECEIVERS; i++) {
      Receiver receiver =
          Receiver.noting(
              InetAddress.getByName("127.0.0." + i),
              request -> {
                String id = request.header("webhook-id");
                if (id != null && arrived.putIfAbsent(id, request.nanos()) == null) {
                  awaited.remove(id);
                }
              });
      receivers.add(receiver);
      urls.add(receiver.url("/hook"));
    }
    String deadHost = "127.0.0." + (RECEIVERS + 1);
    dead = new SilentEndpoint(InetAddress.getByName(deadHost));
    deadUrl = dead.url(deadHost);
    payload = "{\"type\":\"run.completed\",\"data\":{\"notes\":\"" + "x".repeat(700) + "\"}}";
    sealedSecret = secrets.seal("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
  }

  /**
   * {@code count} deliveries due at once, one run each, round the receivers; with {@code oneDead},
   * the tenth receiver is one that accepts connections and never answers. Measured from the commit
   * that makes them all due to the last arrival of the healthy ones.
   */
  Drained backlog(int count, boolean oneDead, Duration timeout) throws Exception {
    List<String> healthy = new ArrayList<>();
    long committed;
    try (KafkaProducer<String, byte[]> producer = producer(true)) {
      producer.initTransactions();
      producer.beginTransaction();
      for (int i = 0; i < count; i++) {
        boolean toDead = oneDead && i % RECEIVERS == RECEIVERS - 1;
        WebhookDelivery delivery = delivery(toDead ? deadUrl : urls.get(i % RECEIVERS));
        if (!toDead) {
          healthy.add(delivery.eventId());
          awaited.add(delivery.eventId());
        }
        producer.send(record(delivery));
      }
      producer.commitTransaction();
      committed = System.nanoTime();
    }
    long last = await(healthy, timeout);
    long[] nanos =
        healthy.stream()
            .filter(arrived::containsKey)
            .mapToLong(id -> arrived.get(id) - committed)
            .toArray();
    return new Drained(nanos.length, (last - committed) / 1e9, nanos);
  }

  /**
   * {@code count} deliveries requested one at a time at {@code perSecond}, each measured from its
   * acknowledged write to its arrival: the latency when nothing is backlogged.
   */
  Drained steady(int count, int perSecond, Duration timeout) throws Exception {
    Map<String, Long> sent = new ConcurrentHashMap<>();
    long started = System.nanoTime();
    long interval = 1_000_000_000L / perSecond;
    try (KafkaProducer<String, byte[]> producer = producer(false)) {
      for (int i = 0; i < count; i++) {
        long due = started + i * interval;
        LockSupport.parkNanos(due - System.nanoTime());
        WebhookDelivery delivery = delivery(urls.get(i % RECEIVERS));
        awaited.add(delivery.eventId());
        producer.send(
            record(delivery), (metadata, error) -> sent.put(delivery.eventId(), System.nanoTime()));
      }
      producer.flush();
    }
    List<String> ids = new ArrayList<>(sent.keySet());
    long last = await(ids, timeout);
    long[] nanos =
        ids.stream()
            .filter(arrived::containsKey)
            .mapToLong(id -> arrived.get(id) - sent.get(id))
            .toArray();
    return new Drained(nanos.length, (last - started) / 1e9, nanos);
  }

  private long await(List<String> ids, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!awaited.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    awaited.clear();
    return ids.stream().filter(arrived::containsKey).mapToLong(arrived::get).max().orElseThrow();
  }

  /** A delivery like those of the drain, to the first receiver. */
  WebhookDelivery sample() {
    return delivery(urls.getFirst());
  }

  private WebhookDelivery delivery(String url) {
    String event = "e-" + UUID.randomUUID();
    String run = "r-" + UUID.randomUUID();
    return new WebhookDelivery(
        event, run, org, "run.completed", url, sealedSecret, payload, Instant.now(), null, null);
  }

  private static ProducerRecord<String, byte[]> record(WebhookDelivery delivery) {
    return new ProducerRecord<>(
        Topics.WEBHOOK_DELIVERIES.name(),
        delivery.runId(),
        Topics.WEBHOOK_DELIVERIES.serializeValue(delivery));
  }

  private KafkaProducer<String, byte[]> producer(boolean transactional) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    if (transactional) {
      props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "rundun-benchmark-drain");
      props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    }
    return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
  }

  @Override
  public void close() throws IOException {
    dead.close();
    receivers.forEach(Receiver::close);
  }
}
