package app.rundun.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shipped alert rules load in Prometheus (Debian's {@code promtool}) and fire when they should:
 * their unit tests in {@code docs/ops/alerts-test.yml} feed series and expect alerts.
 */
class AlertRulesTest {

  @Test
  void theAlertRulesAreValidPrometheusRules() throws Exception {
    assertThat(promtool("check", "rules", "alerts.yml")).contains("SUCCESS: 7 rules found");
  }

  @Test
  void theAlertRulesFireOnTheSeriesTheirTestsFeed() throws Exception {
    assertThat(promtool("test", "rules", "alerts-test.yml")).contains("SUCCESS");
  }

  @Test
  void everyAlertAndDashboardQueryReadsRundunSeries() {
    List<String> expressions = OpsDocs.expressions();
    assertThat(expressions).hasSizeGreaterThan(20);
    assertThat(expressions).allSatisfy(e -> assertThat(OpsDocs.seriesNamedBy(e)).isNotEmpty());
  }

  private static String promtool(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("promtool"));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command)
            .directory(OpsDocs.DIR.toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as("promtool %s: %s", List.of(args), output).isZero();
    return output;
  }
}
