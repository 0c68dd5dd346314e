package app.rundun.ingest.webhooks;

import app.rundun.contracts.webhooks.AddressPolicy;
import app.rundun.contracts.webhooks.SecretBox;
import app.rundun.ingest.IngestProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The key that seals webhook secrets, and which addresses webhooks may point at. */
@Configuration
class WebhookSettings {

  @Bean
  SecretBox secretBox(IngestProperties properties) {
    return new SecretBox(properties.webhookSecretKey());
  }

  @Bean
  AddressPolicy addressPolicy(IngestProperties properties) {
    return AddressPolicy.of(properties.webhookAllowedCidrs());
  }
}
