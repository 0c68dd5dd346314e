package app.rundun.management;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The credential of the Prometheus scrape: {@code rundun.metrics-token}, none by default. */
@ConfigurationProperties("rundun")
public record MetricsAccess(@DefaultValue("") String metricsToken) {}
