package app.rundun.webhooks;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Starts the webhook-dispatcher. Delivery itself is the next piece of work (issue 3). */
@SpringBootApplication
public class WebhookDispatcherApplication {

  public static void main(String[] args) {
    builder().run(args);
  }

  /** The application with its own configuration file, so it can share a JVM with the others. */
  public static SpringApplicationBuilder builder() {
    return new SpringApplicationBuilder(WebhookDispatcherApplication.class)
        .web(WebApplicationType.NONE)
        .properties("spring.config.name=webhook-dispatcher");
  }
}
