package app.rundun.ingest;

import app.rundun.contracts.json.Json;
import java.time.Clock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

/** Starts the ingest-api. */
@SpringBootApplication
@EnableConfigurationProperties(IngestProperties.class)
public class IngestApiApplication {

  public static void main(String[] args) {
    builder().run(args);
  }

  /** The application with its own configuration file, so it can share a JVM with the others. */
  public static SpringApplicationBuilder builder() {
    return new SpringApplicationBuilder(IngestApiApplication.class)
        .properties("spring.config.name=ingest-api");
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /** The wire speaks the same strict snake_case dialect as the topics. */
  @Bean
  JsonMapper jsonMapper() {
    return Json.mapper();
  }
}
