package app.rundun.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./run-local} as a new user sees it: the banner with the URL and keys, and only warnings
 * and errors besides; the full log, broker included, goes to the file the banner names, and what
 * the web servers write stays in the data folder too.
 */
class QuietConsoleTest {

  @TempDir Path dataDir;

  @Test
  void theConsoleShowsTheBannerAndWarningsWhileTheFullLogGoesToTheDataFolder() throws Exception {
    Path console = dataDir.resolve("console.txt");
    Process launcher =
        ChildJvm.start(
            LocalRundun.class,
            console,
            Map.of(
                "RUNDUN_DATA_DIR", dataDir.resolve("data").toString(),
                "RUNDUN_API_PORT", String.valueOf(SystemSettings.freePort()),
                "RUNDUN_PROCESSOR_PORT", String.valueOf(SystemSettings.freePort()),
                "RUNDUN_KAFKA_PORT", String.valueOf(SystemSettings.freePort()),
                "RUNDUN_KAFKA_CONTROLLER_PORT", String.valueOf(SystemSettings.freePort()),
                "RUNDUN_API_MANAGEMENT_PORT", String.valueOf(SystemSettings.freePort()),
                "RUNDUN_PROCESSOR_MANAGEMENT_PORT", String.valueOf(SystemSettings.freePort()),
                "RUNDUN_DISPATCHER_MANAGEMENT_PORT", String.valueOf(SystemSettings.freePort())));
    try {
      ChildJvm.awaitLine(console, "Stop with Ctrl+C");

      List<String> lines = Files.readAllLines(console);
      Path logFile = dataDir.resolve("data").resolve("logs").resolve("rundun.log");
      assertThat(String.join("\n", lines))
          .contains("Rundun is running", "Live API key", "Full log         " + logFile);
      assertThat(lines)
          .as("no INFO line on the console")
          .noneMatch(line -> line.matches("^\\S+\\s+(\\[\\S+\\] )?INFO\\s.*"));
      assertThat(lines.size()).as("console lines up to the banner").isLessThan(60);
      List<String> fullLog = Files.readAllLines(logFile);
      assertThat(fullLog)
          .anyMatch(line -> line.contains(" INFO ") && line.contains("KafkaConfig values"))
          .anyMatch(line -> line.contains(" INFO ") && line.contains("Started LocalRundun"));
      assertThat(dataDir.resolve("data").resolve("tomcat").resolve("work"))
          .as("the web servers' work folders, kept with the data rather than in the temp folder")
          .isDirectory();
    } finally {
      launcher.destroy();
      launcher.waitFor();
    }
  }
}
