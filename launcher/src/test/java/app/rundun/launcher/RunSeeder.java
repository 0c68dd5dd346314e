package app.rundun.launcher;

import app.rundun.contracts.commands.RunCommand;
import app.rundun.contracts.kafka.Topics;
import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.contracts.runs.Prefill;
import app.rundun.contracts.runs.RunId;
import app.rundun.contracts.templates.TemplateResource;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Puts runs straight onto the run commands, as org-stage does once it has counted them: how the
 * benchmark and the tests of large lists fill an organisation in seconds. Nothing is counted
 * against a quota; each run is numbered by the caller, as its place in the organisation's list.
 */
final class RunSeeder implements AutoCloseable {

  private final KafkaProducer<String, byte[]> producer;

  RunSeeder(String bootstrapServers) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
  }

  /** Starts one run of {@code template}, the {@code sequence}-th of its organisation. */
  RunId start(Seed seed, String executorRef, Map<String, Prefill> prefill, long sequence) {
    RunId id = RunId.mint();
    RunCommand start =
        new RunCommand.StartRun(
            id,
            seed.org(),
            seed.mode(),
            seed.template(),
            executorRef,
            null,
            prefill,
            Instant.now(),
            null,
            null,
            "Seeder",
            sequence);
    producer.send(
        new ProducerRecord<>(
            Topics.RUN_COMMANDS.name(), id.value(), Topics.RUN_COMMANDS.serializeValue(start)));
    return id;
  }

  /** Waits until every run started has been written. */
  @Override
  public void close() {
    producer.close();
  }

  /** Whose runs, of which template. */
  record Seed(OrgId org, Mode mode, TemplateResource template) {}
}
