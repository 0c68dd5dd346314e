package app.rundun.processor;

import app.rundun.contracts.json.Json;
import app.rundun.processor.eventlog.EventReader;
import app.rundun.processor.runs.RunViews;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

/** Starts the run-processor: the stream topology and the interactive query endpoint. */
@SpringBootApplication
@EnableConfigurationProperties(ProcessorProperties.class)
public class RunProcessorApplication {

  /** How long a read of the events API may wait for its events from Kafka before it answers 503. */
  private static final Duration EVENT_READ_TIMEOUT = Duration.ofSeconds(5);

  public static void main(String[] args) {
    builder().run(args);
  }

  /** The application with its own configuration file, so it can share a JVM with the others. */
  public static SpringApplicationBuilder builder() {
    return new SpringApplicationBuilder(RunProcessorApplication.class)
        .properties("spring.config.name=run-processor");
  }

  /** Queries answer in the same strict snake_case dialect as the wire and the topics. */
  @Bean
  JsonMapper jsonMapper() {
    return Json.mapper();
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  RunViews runViews() {
    return new RunViews();
  }

  /** Reads the events of the events API back from their topic; closed with the context. */
  @Bean
  EventReader eventReader(ProcessorProperties properties, Clock clock) {
    return new EventReader(properties.kafkaClients(), EVENT_READ_TIMEOUT, clock);
  }
}
