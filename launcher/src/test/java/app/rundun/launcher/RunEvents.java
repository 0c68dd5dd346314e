package app.rundun.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import app.rundun.contracts.json.Json;
import app.rundun.contracts.kafka.Topics;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;

/**
 * Reads {@code rundun.run-events} (or another topic) as an analytics consumer would: committed
 * records only.
 */
final class RunEvents {

  private RunEvents() {}

  /** Every committed event of the run, in order, waiting until {@code count} have arrived. */
  static List<ConsumerRecord<String, String>> of(String runId, int count, Duration timeout) {
    return committed(Topics.RUN_EVENTS.name(), r -> runId.equals(r.key()), count, timeout);
  }

  /**
   * The committed records of any topic that match, from its beginning, in order; waiting until
   * {@code count} have arrived or the timeout has passed.
   */
  static List<ConsumerRecord<String, String>> committed(
      String topic, Predicate<ConsumerRecord<String, String>> wanted, int count, Duration timeout) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestSystem.get().bootstrapServers());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<ConsumerRecord<String, String>> found = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (found.size() < count && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          if (wanted.test(record)) {
            found.add(record);
          }
        }
      }
    }
    return found;
  }

  /** Checks an event against the JSON Schema of its type under {@code docs/events}. */
  static void validate(JsonNode event) throws IOException {
    validate(
        event, Path.of("..", "docs", "events", event.get("type").asString() + ".v1.schema.json"));
  }

  /** Checks a record against the JSON Schema in {@code file}. */
  static void validate(JsonNode record, Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      Schema schema =
          SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
      assertThat(schema.validate(record)).as("schema errors of %s", record).isEmpty();
    }
  }

  static JsonNode json(ConsumerRecord<String, String> record) {
    return Json.mapper().readTree(record.value());
  }
}
