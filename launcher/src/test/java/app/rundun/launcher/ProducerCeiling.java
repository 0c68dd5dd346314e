package app.rundun.launcher;

import app.rundun.contracts.kafka.Topics;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The benchmark's Kafka ceiling: records of a command's size, acknowledged by all, one by one. */
final class ProducerCeiling {

  private static final String TOPIC = "rundun.benchmark";

  private ProducerCeiling() {}

  static BenchRow measure(String bootstrap, int size, int warmUp, int count, int callers)
      throws Exception {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    byte[] value = new byte[size];
    awaitTopic(bootstrap);
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      for (int partition = 0; partition < Topics.DEFAULT_PARTITIONS; partition++) {
        producer.send(new ProducerRecord<>(TOPIC, partition, "first", value)).get();
      }
      AtomicInteger next = new AtomicInteger();
      BenchRow.load(
          "warm-up", warmUp, callers, () -> send(producer, next.getAndIncrement(), value));
      return BenchRow.load(
              "ceiling: raw producer (" + size + " B, acks=all)",
              count,
              callers,
              () -> send(producer, next.getAndIncrement(), value))
          .as(BenchRow.Kind.PRODUCER_CEILING);
    }
  }

  /** Every partition has its leader before the first record, or the first sends race. */
  private static void awaitTopic(String bootstrap) throws Exception {
    Properties admin = new Properties();
    admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    try (Admin topics = Admin.create(admin)) {
      topics
          .createTopics(List.of(new NewTopic(TOPIC, Topics.DEFAULT_PARTITIONS, (short) 1)))
          .all()
          .get();
      while (topics
          .describeTopics(List.of(TOPIC))
          .allTopicNames()
          .get()
          .get(TOPIC)
          .partitions()
          .stream()
          .anyMatch(partition -> partition.leader() == null)) {
        Thread.sleep(100);
      }
    }
  }

  private static long send(KafkaProducer<String, byte[]> producer, int n, byte[] value)
      throws Exception {
    long start = System.nanoTime();
    producer.send(new ProducerRecord<>(TOPIC, Integer.toString(n), value)).get();
    return System.nanoTime() - start;
  }
}
