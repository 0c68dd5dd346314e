package app.rundun.ingest.reports;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rundun.reports.*}: the PKCS#12 key store whose first key signs every report (without one,
 * a key made at start, which nobody can check a report against after a restart), and how long a
 * report link lives.
 */
@ConfigurationProperties("rundun.reports")
record ReportProperties(
    Path keystore, String keystorePassword, @DefaultValue("24h") Duration linkTtl) {}
