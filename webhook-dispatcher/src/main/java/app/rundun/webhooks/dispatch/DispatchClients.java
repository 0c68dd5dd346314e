package app.rundun.webhooks.dispatch;

import app.rundun.contracts.kafka.Groups;
import app.rundun.contracts.kafka.Topics;
import app.rundun.webhooks.DispatcherProperties;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The dispatcher's Kafka clients, and why each setting is what it is. */
final class DispatchClients {

  /**
   * What the dispatcher's group reads: a run's webhook deliveries, its events (for the account
   * endpoints), its schedule, redeliveries and recoveries. Every one has the same partitions, so
   * range assignment gives one instance all of a run's records.
   */
  static final List<String> INPUTS =
      List.of(
          Topics.WEBHOOK_DELIVERIES.name(),
          Topics.RUN_EVENTS.name(),
          Topics.WEBHOOK_SCHEDULE.name(),
          Topics.WEBHOOK_REDELIVERIES.name(),
          Topics.WEBHOOK_RECOVERIES.name());

  private DispatchClients() {}

  static KafkaConsumer<String, byte[]> consumer(DispatcherProperties properties) {
    Properties props = properties.kafkaClients().properties();
    props.put(ConsumerConfig.GROUP_ID_CONFIG, Groups.WEBHOOK_DISPATCHER);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
    props.put(
        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Math.max(10, properties.webhookConcurrency()));
    // How long a dead instance's deliveries wait before another instance takes them over.
    props.put(
        ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG,
        (int) properties.webhookSessionTimeout().toMillis());
    // Range assignment gives one instance the same partition of every topic: a run's deliveries,
    // schedule and redeliveries stay together.
    props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, RangeAssignor.class.getName());
    return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
  }

  static KafkaProducer<String, byte[]> producer(DispatcherProperties properties) {
    Properties props = properties.kafkaClients().properties();
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 1);
    return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
  }
}
