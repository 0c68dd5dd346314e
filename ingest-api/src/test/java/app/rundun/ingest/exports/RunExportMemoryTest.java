package app.rundun.ingest.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each export format writes 300,000 runs (over 200 MB of NDJSON) in a JVM whose whole heap is 32
 * MB: what is written is not kept, and only one page of runs is held at a time.
 */
class RunExportMemoryTest {

  private static final String HEAP = "-Xmx32m";
  private static final int RUNS = 300_000;

  @ParameterizedTest
  @ValueSource(strings = {"ndjson", "csv", "geojson"})
  void anExportOfManyRunsNeedsNoMoreThanAPageOfMemory(String format) throws Exception {
    Process probe =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    HEAP,
                    "-cp",
                    System.getProperty("java.class.path"),
                    ExportMemoryProbe.class.getName(),
                    format,
                    String.valueOf(RUNS)))
            .redirectErrorStream(true)
            .start();
    String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(probe.waitFor(300, TimeUnit.SECONDS)).isTrue();

    assertThat(probe.exitValue()).as(output).isZero();
    Matcher figures = Pattern.compile("bytes=(\\d+) heap-peak-bytes=(\\d+)").matcher(output);
    assertThat(figures.find()).as(output).isTrue();
    long bytes = Long.parseLong(figures.group(1));
    System.out.printf(
        "%s export of %d runs: %d MB written, heap peak %d MB with %s%n",
        format, RUNS, bytes >> 20, Long.parseLong(figures.group(2)) >> 20, HEAP);
    assertThat(bytes).as("more written than the heap could hold").isGreaterThan(32L << 20);
  }

  @Test
  void theFormatsAreNamedByTheirExtension() {
    assertThat(ExportFormat.ofExtension("csv")).contains(ExportFormat.CSV);
    assertThat(ExportFormat.ofExtension("xlsx")).isEmpty();
  }
}
