package app.rundun.ingest.auth;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API key cache as an operator sees it: {@code rundun.api_keys.cached}, and the {@code apiKeys}
 * health indicator of the readiness group, out of service until every key that existed at start has
 * been read, so a new instance gets no traffic it would answer 401 by mistake.
 */
@Configuration
class ApiKeyObservability {

  @Bean
  MeterBinder apiKeyCacheSize(ApiKeyCache keys) {
    return registry ->
        Gauge.builder("rundun.api_keys.cached", keys, ApiKeyCache::size)
            .description("Live API keys held by this instance's cache")
            .register(registry);
  }

  @Bean
  HealthIndicator apiKeys(ApiKeyCache keys) {
    return () -> keys.isLoaded() ? Health.up().build() : Health.outOfService().build();
  }
}
