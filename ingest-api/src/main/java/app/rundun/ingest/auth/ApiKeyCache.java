package app.rundun.ingest.auth;

import app.rundun.contracts.kafka.Topics;
import app.rundun.contracts.organisations.ApiKeyRecord;
import app.rundun.ingest.IngestProperties;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every live API key by its hash, read whole from the compacted {@code rundun.api-keys} topic and
 * kept current, so authenticating a request never waits on the network. A revocation is a tombstone
 * and takes effect as soon as it is read.
 */
@Component
public class ApiKeyCache {

  private static final Logger log = LoggerFactory.getLogger(ApiKeyCache.class);

  private final Map<String, ApiKeyRecord> byHash = new ConcurrentHashMap<>();
  private final KafkaConsumer<String, byte[]> consumer;
  private final Thread reader;
  private volatile boolean running = true;
  private volatile boolean loaded;

  ApiKeyCache(IngestProperties properties) {
    Properties props = properties.kafkaClients().properties();
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
    this.consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    this.reader = Thread.ofPlatform().daemon().name("rundun-api-keys").unstarted(this::read);
    reader.start();
  }

  /** Whether every key that existed when this instance started has been read. */
  public boolean isLoaded() {
    return loaded;
  }

  /** How many live keys are held. */
  public int size() {
    return byHash.size();
  }

  public Optional<ApiKeyRecord> find(String hash) {
    return Optional.ofNullable(byHash.get(hash));
  }

  /** Waits until the key is known here, e.g. right after it was issued through this instance. */
  public boolean awaitKnown(String hash, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!byHash.containsKey(hash)) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  private void read() {
    try {
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.API_KEYS.name(), Duration.ofMinutes(5)).stream()
              .map(info -> new TopicPartition(info.topic(), info.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (running) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          if (record.value() == null) {
            byHash.remove(record.key());
          } else {
            byHash.put(record.key(), Topics.API_KEYS.deserializeValue(record.value()));
          }
        }
        if (!loaded) {
          loaded =
              ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      log.error("The API key reader stopped; new and revoked keys are not seen", e);
    } finally {
      consumer.close();
    }
  }

  @PreDestroy
  void close() throws InterruptedException {
    running = false;
    consumer.wakeup();
    reader.join(5_000);
  }
}
