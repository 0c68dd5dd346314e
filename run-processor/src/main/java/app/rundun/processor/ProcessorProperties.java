package app.rundun.processor;

import app.rundun.contracts.kafka.Groups;
import app.rundun.contracts.kafka.KafkaClients;
import app.rundun.contracts.kafka.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The run-processor's settings ({@code rundun.*}). {@code advertisedHost} with the server port is
 * this instance's {@code application.server}: where other instances forward queries it owns. {@code
 * internalToken} is the credential every internal call carries (the ingest-api's and other
 * instances' forwards); without one the internal API refuses everything. {@code kafka} is passed to
 * every Kafka client as it is (security settings, for instance). {@code commitIntervalMs} is how
 * often a stream thread commits under load; {@code commitQuietGap} how long a replying stage goes
 * without a command somebody waits for before it commits the next one at once (see {@code
 * CommitPacing}).
 */
@ConfigurationProperties("rundun")
public record ProcessorProperties(
    @DefaultValue("localhost:9092") String bootstrapServers,
    @DefaultValue(Groups.RUN_PROCESSOR) String applicationId,
    @DefaultValue("data/streams") Path stateDir,
    @DefaultValue("localhost") String advertisedHost,
    @DefaultValue("" + Topics.DEFAULT_PARTITIONS) int partitions,
    @DefaultValue("1") short replicationFactor,
    @DefaultValue("0") int standbyReplicas,
    @DefaultValue("1") int streamThreads,
    @DefaultValue("20") long commitIntervalMs,
    @DefaultValue("10ms") Duration commitQuietGap,
    @DefaultValue("1s") Duration expirySweepInterval,
    @DefaultValue("512MB") DataSize rocksdbMemory,
    @DefaultValue("45s") Duration sessionTimeout,
    @DefaultValue("") String internalToken,
    Map<String, String> kafka) {

  /** How this service reaches Kafka, with the {@code rundun.kafka.*} client settings. */
  public KafkaClients kafkaClients() {
    return new KafkaClients(bootstrapServers, kafka);
  }
}
