package app.rundun.ingest;

import app.rundun.contracts.json.Json;
import app.rundun.contracts.media.MediaUrlSigner;
import app.rundun.contracts.media.PhotoLinks;
import java.time.Clock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
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

  /** The wall clock, unless whoever starts this instance gives it one (a test, to stop time). */
  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  /** Photo URLs are signed here, as answers leave, and checked here when a photo is fetched. */
  @Bean
  MediaUrlSigner mediaUrlSigner(IngestProperties properties, Clock clock) {
    return new MediaUrlSigner(
        properties.publicBaseUrl(),
        properties.mediaSigningSecret(),
        properties.mediaUrlTtl(),
        clock);
  }

  @Bean
  PhotoLinks photoLinks(MediaUrlSigner signer) {
    return new PhotoLinks(signer);
  }

  /** The wire speaks the same strict snake_case dialect as the topics. */
  @Bean
  JsonMapper jsonMapper() {
    return Json.mapper();
  }
}
