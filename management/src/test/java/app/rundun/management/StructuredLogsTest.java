package app.rundun.management;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Production logs are one JSON object per line with one setting, as the README and
 * docker-compose.yml say: {@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs}.
 */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogsTest {

  @Test
  void oneSettingMakesEveryConsoleLineAnEcsJsonObject(CapturedOutput output) {
    SpringApplication service = new SpringApplication(Quiet.class);
    service.setWebApplicationType(WebApplicationType.NONE);
    ConfigurableApplicationContext context =
        service.run("--logging.structured.format.console=ecs", "--spring.main.banner-mode=off");
    try {
      LoggerFactory.getLogger(StructuredLogsTest.class).warn("a line an operator must find");
    } finally {
      context.close();
    }

    String line =
        output
            .getOut()
            .lines()
            .filter(l -> l.contains("a line an operator must find"))
            .findFirst()
            .orElseThrow();
    assertThat(line)
        .startsWith("{")
        .endsWith("}")
        .contains("\"log\":{\"level\":\"WARN\"")
        .contains("\"ecs\":{\"version\"");
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class Quiet {}
}
