package app.rundun.ingest.health;

import app.rundun.ingest.commands.KafkaReachability;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /health}: the process answers HTTP, and says whether it reaches Kafka. It stays 200
 * while Kafka is away: every instance would fail together, and a load balancer that dropped them
 * all would turn the API's clear 503 bodies into its own errors.
 */
@RestController
class HealthController {

  private final KafkaReachability kafka;

  HealthController(KafkaReachability kafka) {
    this.kafka = kafka;
  }

  @GetMapping(path = "/health", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, String> health() {
    return Map.of("status", "ok", "kafka", kafka.reachable() ? "reachable" : "unreachable");
  }
}
