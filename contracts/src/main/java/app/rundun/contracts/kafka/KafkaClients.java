package app.rundun.contracts.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * How a Rundun service reaches Kafka: the bootstrap servers, and client settings passed through as
 * they are ({@code rundun.kafka.security.protocol}, {@code rundun.kafka.sasl.mechanism}, {@code
 * rundun.kafka.ssl.keystore.location}…) to every producer, consumer, admin client and Streams
 * client the service makes, so SASL/SCRAM or mutual TLS is configured once per service.
 */
public record KafkaClients(String bootstrapServers, Map<String, String> settings) {

  public KafkaClients {
    if (bootstrapServers == null || bootstrapServers.isBlank()) {
      throw new IllegalArgumentException("rundun.bootstrap-servers is required");
    }
    settings = settings == null ? Map.of() : Map.copyOf(settings);
  }

  /** The settings and the bootstrap servers, for a client to add its own settings to. */
  public Properties properties() {
    Properties props = new Properties();
    props.putAll(map());
    return props;
  }

  /** As {@link #properties()}, as a mutable map. */
  public Map<String, Object> map() {
    Map<String, Object> props = new HashMap<>(settings);
    props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    return props;
  }
}
