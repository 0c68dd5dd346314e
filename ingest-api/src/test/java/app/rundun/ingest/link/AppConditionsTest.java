package app.rundun.ingest.link;

import static org.assertj.core.api.Assertions.assertThat;

import app.rundun.contracts.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The executor's app decides conditions with its own code ({@code app/conditions.js}): Node runs it
 * against the same cases the server's {@code ConditionCasesTest} runs, and every case must pass.
 */
class AppConditionsTest {

  private static final Path CASES =
      Path.of("..", "contracts", "src", "test", "resources", "conditions", "cases.json");

  @Test
  void theAppHidesWhatTheServerHidesInEverySharedCase() throws Exception {
    JsonNode file = Json.mapper().readTree(Files.readString(CASES));
    int cases = 0;
    for (JsonNode group : file.get("groups")) {
      cases += group.get("cases").size();
    }
    ProcessBuilder node =
        new ProcessBuilder("node", "--test", "src/test/js/conditions.test.js")
            .redirectErrorStream(true);
    node.environment().put("CASES", CASES.toAbsolutePath().toString());
    Process run = node.start();
    String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(run.exitValue()).as(output).isZero();
    assertThat(output).contains("# pass " + cases).contains("# fail 0");
  }
}
