package app.rundun.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import app.rundun.contracts.kafka.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An analytics team sees how a template performs without replaying the event topic: the API shows
 * live statistics per version, day and in total, and {@code rundun.template-stats} carries the same
 * records, each valid against its published schema.
 */
class TemplateStatsTest {

  private static final Path SCHEMA =
      Path.of("..", "docs", "schemas", "template-stats.v1.schema.json");

  @Test
  void aTemplatesStatisticsAreLiveInTheApiAndOnTheirTopic() throws Exception {
    Api live = TestSystem.newOrganisation("team");
    Api executor = live.anonymous();
    String template =
        Fixtures.template(
            live,
            Map.of(
                "name",
                "Statistics",
                "steps",
                List.of(
                    Map.of("id", "s-od01", "type", "number", "title", "Odometer"),
                    Map.of(
                        "id", "s-ok", "type", "boolean", "title", "Clean?", "required", false))));

    // Step 1: three runs: two completed (one with the optional step skipped), one cancelled.
    for (int km : new int[] {1_200, 4_800}) {
      String run = "/v1/executor/runs/" + Fixtures.dispatch(live, template);
      executor.post(run + "/open", Map.of()).expect(200);
      executor.put(run + "/steps/s-od01/answer", Map.of("value", km)).expect(200);
      if (km == 1_200) {
        executor.put(run + "/steps/s-ok/answer", Map.of("value", true)).expect(200);
      } else {
        executor.post(run + "/steps/s-ok/skip", Map.of()).expect(200);
      }
      executor.post(run + "/submit", Map.of()).expect(200);
    }
    String cancelled = Fixtures.dispatch(live, template);
    live.post("/v1/runs/" + cancelled + "/cancel", Map.of()).expect(200);

    // Step 2: the API shows the version's total and today.
    JsonNode stats =
        Eventually.until(
            "the statistics of three runs",
            Duration.ofSeconds(30),
            () -> live.get("/v1/templates/" + template + "/stats").expect(200).json(),
            s ->
                s.get("versions").size() == 1
                    && s.get("versions").get(0).get("total").get("runs").get("cancelled").asInt()
                        == 1
                    && s.get("versions").get(0).get("total").get("runs").get("completed").asInt()
                        == 2);
    assertThat(stats.get("object").asString()).isEqualTo("template_stats");
    assertThat(stats.get("livemode").asBoolean()).isTrue();
    JsonNode total = stats.get("versions").get(0).get("total");
    assertThat(total.get("runs").get("dispatched").asInt()).isEqualTo(3);
    assertThat(total.get("completion_rate").asDouble())
        .isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
    JsonNode odometer = total.get("steps").get("s-od01").get("numbers");
    assertThat(odometer.get("min").asDouble()).isEqualTo(1_200);
    assertThat(odometer.get("max").asDouble()).isEqualTo(4_800);
    assertThat(odometer.get("mean").asDouble()).isEqualTo(3_000);
    JsonNode clean = total.get("steps").get("s-ok");
    assertThat(clean.get("skip_rate").asDouble()).isEqualTo(0.5);
    assertThat(clean.get("choices").get("true").asInt()).isEqualTo(1);
    JsonNode days = stats.get("versions").get(0).get("days");
    assertThat(days).hasSize(1);
    assertThat(days.get(0).get("runs")).isEqualTo(total.get("runs"));
    RunEvents.validate(total, SCHEMA);
    RunEvents.validate(days.get(0), SCHEMA);

    // Step 3: rundun.template-stats holds the same two periods, latest record per key.
    Map<String, JsonNode> latest = new HashMap<>();
    Eventually.until(
        "the topic's latest total equal to the API's",
        Duration.ofSeconds(30),
        () -> {
          List<ConsumerRecord<String, String>> records =
              RunEvents.committed(
                  Topics.TEMPLATE_STATS.name(),
                  r -> r.key().startsWith(template + "/"),
                  Integer.MAX_VALUE,
                  Duration.ofSeconds(3));
          records.forEach(r -> latest.put(r.key(), RunEvents.json(r)));
          return latest;
        },
        found -> total.equals(found.get(template + "/live/v000001/total")));
    assertThat(latest).hasSize(2);
    for (JsonNode record : latest.values()) {
      RunEvents.validate(record, SCHEMA);
    }

    // Step 4: bad input is 400; another organisation's template does not exist for this key.
    live.get("/v1/templates/" + template + "/stats?days=0")
        .expectError(400, "invalid_request", "days");
    live.get("/v1/templates/" + template + "/stats?from=2026-01-01")
        .expectError(400, "invalid_request", "from");
    TestSystem.newOrganisation("team")
        .get("/v1/templates/" + template + "/stats")
        .expectError(404, "not_found", null);
  }
}
