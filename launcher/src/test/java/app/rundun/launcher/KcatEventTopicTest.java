package app.rundun.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import app.rundun.contracts.kafka.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An analytics team reads {@code rundun.run-events} with a librdkafka client (Debian's {@code
 * kcat}, as Python's confluent-kafka or Go's confluent-kafka-go would): the same committed events,
 * in the same order, as the Java consumer sees, each valid against its published schema.
 */
class KcatEventTopicTest {

  @Test
  void aLibrdkafkaClientReadsARunsEventsAsTheJavaClientDoes() throws Exception {
    // Step 1: a run dispatched, opened, answered and completed.
    Api live = TestSystem.newOrganisation("business");
    String template = Fixtures.oneStepTemplate(live, "Read by kcat");
    String runId = Fixtures.dispatch(live, template);
    String run = "/v1/executor/runs/" + runId;
    Api executor = live.anonymous();
    executor.post(run + "/open", Map.of()).expect(200);
    executor.put(run + "/steps/s-1/answer", Map.of("value", true)).expect(200);
    executor.post(run + "/submit", Map.of()).expect(200);

    // Step 2: kcat, committed records only, from the beginning to the end of the topic.
    List<String> kcatEvents =
        Eventually.until(
            "the run's four events read by kcat",
            Duration.ofSeconds(30),
            () -> kcat(runId),
            events -> events.size() >= 4);

    // Step 3: the same events as the Java consumer's, each valid against its schema.
    List<String> javaEvents =
        RunEvents.of(runId, 4, Duration.ofSeconds(30)).stream().map(ConsumerRecord::value).toList();
    assertThat(kcatEvents).containsExactlyElementsOf(javaEvents);
    List<String> types = new ArrayList<>();
    for (String event : kcatEvents) {
      JsonNode json = TestSystem.json(event);
      RunEvents.validate(json);
      types.add(json.get("type").asString());
    }
    assertThat(types)
        .containsExactly("run.created", "run.opened", "step.completed", "run.completed");
  }

  /** The values of the run's events on the topic, as kcat prints them. */
  private static List<String> kcat(String runId) throws Exception {
    Process process =
        new ProcessBuilder(
                "kcat",
                "-C",
                "-b",
                TestSystem.get().bootstrapServers(),
                "-t",
                Topics.RUN_EVENTS.name(),
                "-X",
                "isolation.level=read_committed",
                "-o",
                "beginning",
                "-e",
                "-q",
                "-f",
                "%k\\t%s\\n")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as("kcat's exit status").isZero();
    List<String> events = new ArrayList<>();
    for (String line : output.split("\n")) {
      int tab = line.indexOf('\t');
      if (tab > 0 && line.substring(0, tab).equals(runId)) {
        events.add(line.substring(tab + 1));
      }
    }
    return events;
  }
}
