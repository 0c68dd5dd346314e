package app.rundun.ingest.health;

import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /health}: the process answers HTTP. It does not touch Kafka. */
@RestController
class HealthController {

  private static final Map<String, String> OK = Map.of("status", "ok");

  @GetMapping(path = "/health", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, String> health() {
    return OK;
  }
}
