package app.rundun.webhooks;

import app.rundun.contracts.kafka.KafkaClients;
import app.rundun.contracts.kafka.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The dispatcher's settings ({@code rundun.*}). The retry schedule is the wait before each retry:
 * seven waits, so eight attempts over about a day. An account endpoint whose every attempt has
 * failed for {@code webhookEndpointDisableAfter} is disabled. A host with {@code
 * webhookMaxWaitingPerHost} deliveries queued in memory gets no more: further ones wait in the
 * schedule, so one dead endpoint can never fill {@code webhookMaxWaiting} and pause every delivery.
 */
@ConfigurationProperties("rundun")
public record DispatcherProperties(
    @DefaultValue("localhost:9092") String bootstrapServers,
    @DefaultValue("" + Topics.DEFAULT_PARTITIONS) int partitions,
    @DefaultValue("1") short replicationFactor,
    String webhookSecretKey,
    @DefaultValue("") String webhookAllowedCidrs,
    @DefaultValue({"5s", "5m", "30m", "2h", "5h", "10h", "10h"})
        List<Duration> webhookRetrySchedule,
    @DefaultValue("15s") Duration webhookTimeout,
    @DefaultValue("64") int webhookConcurrency,
    @DefaultValue("8") int webhookConcurrencyPerHost,
    @DefaultValue("10000") int webhookMaxWaiting,
    @DefaultValue("1000") int webhookMaxWaitingPerHost,
    @DefaultValue("24h") Duration webhookMaxRetryAfter,
    @DefaultValue("45s") Duration webhookSessionTimeout,
    @DefaultValue("5d") Duration webhookEndpointDisableAfter,
    @DefaultValue("http://localhost:8080") String publicBaseUrl,
    @DefaultValue("change-me-media-signing-secret") String mediaSigningSecret,
    @DefaultValue("1h") Duration mediaUrlTtl,
    Map<String, String> kafka) {

  /** How this service reaches Kafka, with the {@code rundun.kafka.*} client settings. */
  public KafkaClients kafkaClients() {
    return new KafkaClients(bootstrapServers, kafka);
  }
}
