package app.rundun.ingest;

import app.rundun.contracts.kafka.KafkaClients;
import app.rundun.contracts.kafka.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** The ingest-api's settings ({@code rundun.*}). */
@ConfigurationProperties("rundun")
public record IngestProperties(
    @DefaultValue("localhost:9092") String bootstrapServers,
    @DefaultValue("" + Topics.DEFAULT_PARTITIONS) int partitions,
    @DefaultValue("1") short replicationFactor,
    @DefaultValue("http://localhost:8081") List<String> processorUrls,
    @DefaultValue("http://localhost:8080") String publicBaseUrl,
    @DefaultValue("change-me-media-signing-secret") String mediaSigningSecret,
    @DefaultValue("1h") Duration mediaUrlTtl,
    @DefaultValue("filesystem") String mediaStore,
    @DefaultValue("data/media") Path mediaDir,
    @DefaultValue S3 s3,
    @DefaultValue("") String operatorToken,
    @DefaultValue("10s") Duration commandTimeout,
    @DefaultValue("3s") Duration brokerUnreachableAfter,
    @DefaultValue("1MB") DataSize maxJsonBody,
    @DefaultValue("15MB") DataSize maxPhoto,
    String webhookSecretKey,
    @DefaultValue("change-me-member-token-secret") String memberTokenSecret,
    @DefaultValue("") String webhookAllowedCidrs,
    @DefaultValue("") String internalToken,
    Map<String, String> kafka) {

  /** How this service reaches Kafka, with the {@code rundun.kafka.*} client settings. */
  public KafkaClients kafkaClients() {
    return new KafkaClients(bootstrapServers, kafka);
  }

  /**
   * The S3-compatible object store photos go to when {@code rundun.media-store=s3}. Without an
   * access key the SDK's default chain is used (an instance role, the environment); an endpoint is
   * needed only for a store other than AWS S3 (MinIO, Ceph, R2...), usually with path-style access.
   */
  public record S3(
      String endpoint,
      @DefaultValue("us-east-1") String region,
      @DefaultValue("rundun-media") String bucket,
      String accessKey,
      String secretKey,
      @DefaultValue("false") boolean pathStyle,
      @DefaultValue("5m") Duration presignTtl) {}
}
