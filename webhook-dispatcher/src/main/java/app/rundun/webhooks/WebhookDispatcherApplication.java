package app.rundun.webhooks;

import java.time.Clock;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Starts the webhook-dispatcher. */
@SpringBootApplication
@EnableConfigurationProperties(DispatcherProperties.class)
public class WebhookDispatcherApplication {

  public static void main(String[] args) {
    builder().run(args);
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /** The application with its own configuration file, so it can share a JVM with the others. */
  public static SpringApplicationBuilder builder() {
    return new SpringApplicationBuilder(WebhookDispatcherApplication.class)
        .web(WebApplicationType.SERVLET)
        .properties("spring.config.name=webhook-dispatcher");
  }
}
