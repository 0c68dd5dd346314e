package app.rundun.ingest.commands;

import app.rundun.contracts.kafka.Groups;
import app.rundun.contracts.kafka.TopicAdmin;
import app.rundun.contracts.kafka.Topics;
import app.rundun.ingest.IngestProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.requestreply.ReplyingKafkaTemplate;

/**
 * The producer of commands and the consumer of replies. Every ingest-api instance reads all reply
 * partitions in a group of its own and keeps only the replies it waits for, so an instance holds no
 * state that another would need and replies reach whichever instance asked.
 */
@Configuration
class KafkaWiring {

  /** A bean of its own, so that its producer is closed with the application. */
  @Bean
  DefaultKafkaProducerFactory<String, byte[]> commandProducers(
      IngestProperties properties, MeterRegistry registry) {
    TopicAdmin.ensureTopics(
        properties.kafkaClients(), properties.partitions(), properties.replicationFactor());
    Map<String, Object> config = properties.kafkaClients().map();
    config.putAll(
        Map.of(
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
            ProducerConfig.LINGER_MS_CONFIG, 0,
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 8_000,
            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
            ProducerConfig.MAX_BLOCK_MS_CONFIG, 3_000));
    var factory =
        new DefaultKafkaProducerFactory<String, byte[]>(
            config, new StringSerializer(), new ByteArraySerializer());
    factory.addListener(new MicrometerProducerListener<>(registry));
    return factory;
  }

  @Bean
  ReplyingKafkaTemplate<String, byte[], byte[]> replyingTemplate(
      DefaultKafkaProducerFactory<String, byte[]> producers,
      IngestProperties properties,
      MeterRegistry registry) {
    Map<String, Object> config = properties.kafkaClients().map();
    config.putAll(
        Map.of(
            ConsumerConfig.GROUP_ID_CONFIG,
            Groups.INGEST_REPLIES_PREFIX + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "latest",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false,
            ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
            20));
    var consumers =
        new DefaultKafkaConsumerFactory<String, byte[]>(
            config, new StringDeserializer(), new ByteArrayDeserializer());
    consumers.addListener(new MicrometerConsumerListener<>(registry));
    ContainerProperties container = new ContainerProperties(Topics.REPLIES.name());
    container.setPollTimeout(1_000);
    var replies = new KafkaMessageListenerContainer<>(consumers, container);
    replies.setBeanName("rundun-replies");
    var template = new ReplyingKafkaTemplate<>(producers, replies);
    template.setSharedReplyTopic(true);
    template.setDefaultReplyTimeout(properties.commandTimeout());
    return template;
  }
}
