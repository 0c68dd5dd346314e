package app.rundun.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Two ingest-api instances behind a load balancer: no state of their own, each gets its replies.
 */
class ApiInstancesTest {

  @Test
  void twoApiInstancesServeTheSameRunsAndEachGetsItsOwnOutcomes() throws Exception {
    RundunSystem system = TestSystem.get();
    String second = system.startAnotherApi(system.processorUrls());
    Api live = TestSystem.newOrganisation("team");
    Api viaSecond = new Api(second, live.key(), live.orgId());
    String template =
        viaSecond
            .post(
                "/v1/templates",
                Map.of(
                    "name",
                    "Two APIs",
                    "steps",
                    List.of(Map.of("id", "s-1", "type", "boolean", "title", "Ok?"))))
            .expect(201)
            .json()
            .get("template_id")
            .asString();

    // Creates go through both instances at once; every one gets its own run back.
    ExecutorService clients = Executors.newFixedThreadPool(8);
    List<Future<String>> creates = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      Api via = i % 2 == 0 ? live : viaSecond;
      creates.add(
          clients.submit(() ->
              via.post("/v1/runs", Map.of("template_id", template, "executor_ref", "c"))
                  .expect(201)
                  .json()
                  .get("run_id")
                  .asString()));
    }
    List<String> runs = new ArrayList<>();
    for (Future<String> create : creates) {
      runs.add(create.get());
    }
    clients.shutdown();
    assertThat(runs).doesNotHaveDuplicates().hasSize(40);

    // What one instance created, the other reads.
    for (String run : runs) {
      assertThat(live.get("/v1/runs/" + run).expect(200).json().get("run_id").asString())
          .isEqualTo(run);
      viaSecond.get("/v1/runs/" + run).expect(200);
    }
    assertThat(viaSecond.get("/v1/usage").expect(200).json().get("runs_used_this_month").asInt())
        .isEqualTo(40);
  }
}
