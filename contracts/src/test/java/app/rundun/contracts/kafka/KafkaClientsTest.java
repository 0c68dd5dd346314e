package app.rundun.contracts.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaClientsTest {

  @Test
  void passesSecuritySettingsThroughToEveryClient() {
    KafkaClients kafka =
        new KafkaClients(
            "broker-1:9093",
            Map.of(
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "bootstrap.servers", "ignored:1"));
    assertThat(kafka.properties())
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
        .containsEntry("bootstrap.servers", "broker-1:9093");
    assertThat(kafka.map()).containsEntry("bootstrap.servers", "broker-1:9093");
  }

  @Test
  void needsBootstrapServers() {
    assertThatThrownBy(() -> new KafkaClients(" ", null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
