package app.rundun.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml stays valid for users who run containers: Debian's docker-compose checks it
 * without a Docker engine ({@code .ci/run} installs it).
 */
class DockerComposeTest {

  @Test
  void theComposeFileIsValidWithTwoProcessorsAndTwoApisSharingPhotosOnThreeBrokers()
      throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder("docker-compose", "-f", "docker-compose.yml", "config")
            .directory(Path.of("..").toFile())
            .redirectErrorStream(true);
    // The file insists on these secrets being set; any value will do for checking it.
    builder.environment().put("RUNDUN_MEDIA_SIGNING_SECRET", "check-only");
    builder.environment().put("RUNDUN_OPERATOR_TOKEN", "check-only");
    builder.environment().put("RUNDUN_WEBHOOK_SECRET_KEY", "check-only");
    builder.environment().put("RUNDUN_MEMBER_TOKEN_SECRET", "check-only");
    builder.environment().put("RUNDUN_INTERNAL_TOKEN", "check-only");
    builder.environment().put("RUNDUN_S3_ACCESS_KEY", "check-only");
    builder.environment().put("RUNDUN_S3_SECRET_KEY", "check-only");
    Process check = builder.start();
    String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(check.exitValue()).as(output).isZero();
    assertThat(output)
        .contains("kafka-1:", "kafka-2:", "kafka-3:", "run-processor-1:", "run-processor-2:")
        .contains("ingest-api-1:", "ingest-api-2:", "object-store:", "webhook-dispatcher:")
        .contains("RUNDUN_MEDIA_STORE: s3")
        .contains("KAFKA_MIN_INSYNC_REPLICAS: 2", "RUNDUN_STANDBY_REPLICAS: 1")
        .contains("RUNDUN_INTERNAL_TOKEN: check-only");
  }
}
