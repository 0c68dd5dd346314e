package app.rundun.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import app.rundun.processor.StreamsRunner;
import app.rundun.processor.runlist.RunList;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The integrator's read side, end to end on a real broker over real HTTP: runs of two templates in
 * both modes, listed with each filter, walked page by page both ways while more are created,
 * changed by PATCH, and invisible to another organisation; the list asked of the run-processor
 * instance that does not own the organisation.
 */
class RunListTest {

  private static final Duration FRESH = Duration.ofSeconds(20);

  @Test
  void anIntegratorListsFiltersAndWalksItsRunsWhileMoreAreCreated() throws Exception {
    Api[] keys = TestSystem.newOrganisationWithModes("team");
    Api live = keys[0];
    Api test = keys[1];

    // Step 1: two templates, the second asking for the executor's name.
    String inspection = Fixtures.template(live, template("Inspection", "none"));
    String handover = Fixtures.template(live, template("Handover", "external"));

    // Step 2: 250 runs across both templates and both modes, dispatched in parallel.
    Map<String, Integer> created = new ConcurrentHashMap<>();
    Set<String> liveRuns = ConcurrentHashMap.newKeySet();
    try (ExecutorService callers = Executors.newFixedThreadPool(8)) {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < 250; i++) {
        int n = i;
        done.add(
            callers.submit(() -> {
              Api key = n % 5 == 0 ? test : live;
              String runId = dispatch(key, n % 2 == 0 ? inspection : handover, n);
              created.put(runId, n);
              if (key == live) {
                liveRuns.add(runId);
              }
            }));
      }
      for (Future<?> call : done) {
        call.get();
      }
    }
    assertThat(liveRuns).hasSize(200);

    // Step 3: the list catches up with every run readable by id.
    Eventually.until(
        "all 200 live runs listed", FRESH, () -> walk(live, "", 100), ids -> ids.size() == 200);

    // Step 4: walk newest first, 37 a page, while 20 more runs are created.
    List<String> walked;
    List<String> duringTheWalk;
    try (ExecutorService more = Executors.newSingleThreadExecutor()) {
      Future<List<String>> creating =
          more.submit(() -> {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
              ids.add(dispatch(live, inspection, 1000 + i));
            }
            return ids;
          });
      walked = walk(live, "", 37);
      duringTheWalk = creating.get();
    }
    assertThat(walked).doesNotHaveDuplicates().containsAll(liveRuns);
    assertThat(walked).as("nothing but its live runs").isSubsetOf(concat(liveRuns, duringTheWalk));

    // Step 5: once the list has caught up with the runs made during the walk, walk back from the
    // oldest run with ending_before: every run, newest first again.
    int made = liveRuns.size() + duringTheWalk.size();
    List<String> everything =
        Eventually.until(
            "all " + made + " live runs listed",
            FRESH,
            () -> walk(live, "", 100),
            ids -> ids.size() == made);
    List<String> backwards = walkBack(live, everything.getLast(), 25);
    assertThat(backwards).doesNotHaveDuplicates();
    assertThat(backwards).isEqualTo(everything.subList(0, everything.size() - 1));
    assertThat(createdTimes(live, "?limit=100"))
        .isSortedAccordingTo(java.util.Comparator.reverseOrder());

    // Step 6: each filter, and several at once.
    assertThat(walk(test, "", 100)).hasSize(50).doesNotContainAnyElementsOf(liveRuns);
    assertThat(walk(live, "&template_id=" + handover, 100)).hasSize(100);
    assertThat(walk(live, "&metadata[batch]=odd&template_id=" + handover, 100))
        .hasSize(100)
        .allMatch(id -> created.get(id) % 2 == 1);
    String ninth = liveRuns.stream().filter(id -> created.get(id) == 9).findFirst().orElseThrow();
    assertThat(walk(live, "&executor_ref=booking-9", 100)).containsExactly(ninth);
    assertThat(
            walk(live, "&created[gte]=2000-01-01T00:00:00Z&created[lt]=2000-01-02T00:00:00Z", 100))
        .as("nothing was created in 2000")
        .isEmpty();
    JsonNode first = live.get("/v1/runs?limit=1").expect(200).json();
    assertThat(first.get("object").asString()).isEqualTo("list");
    assertThat(first.get("has_more").asBoolean()).isTrue();
    long newest =
        Instant.parse(first.get("data").get(0).get("created_at").asString()).getEpochSecond();
    assertThat(walk(live, "&created[gt]=" + newest, 100)).isEmpty();

    // Step 7: cancel three and patch one; the list shows it, and "changed since" finds only them.
    // Times are whole seconds: start at the next one, so nothing created before shows as changed.
    Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    Thread.sleep(Math.max(0, Duration.between(Instant.now(), before).toMillis() + 1));
    List<String> someRuns = everything.subList(10, 13);
    for (String runId : someRuns) {
      live.post("/v1/runs/" + runId + "/cancel", Map.of("cancellation_reason", "Booking moved"))
          .expect(200);
    }
    String patched = everything.get(20);
    JsonNode changed =
        patch(
            live,
            patched,
            Map.of("metadata", Map.of("batch", "", "lane", "3"), "executor_ref", "bk-x"));
    assertThat(changed.get("metadata").propertyNames()).containsExactly("lane", "n");
    assertThat(changed.get("updated_at").asString())
        .isNotEqualTo(changed.get("created_at").asString());
    Eventually.until(
        "the cancelled runs listed as cancelled",
        FRESH,
        () -> walk(live, "&status=cancelled", 100),
        ids -> new HashSet<>(ids).equals(new HashSet<>(someRuns)));
    JsonNode cancelled =
        live.get("/v1/runs?status=cancelled&limit=1").expect(200).json().get("data").get(0);
    assertThat(cancelled.get("cancelled_by").asString()).isEqualTo("integrator");
    assertThat(cancelled.get("cancellation_reason").asString()).isEqualTo("Booking moved");
    List<String> sinceBefore =
        Eventually.until(
            "the patched run listed as changed",
            FRESH,
            () -> walk(live, "&updated[gte]=" + before.getEpochSecond(), 100),
            ids -> ids.contains(patched));
    assertThat(sinceBefore).containsExactlyInAnyOrderElementsOf(concat(someRuns, List.of(patched)));
    assertThat(walk(live, "&status=pending,cancelled&metadata[lane]=3", 100))
        .containsExactly(patched);

    // Step 8: wrong parameters are refused, each naming itself.
    live.get("/v1/runs?limit=0").expectError(400, "invalid_request", "limit");
    live.get("/v1/runs?limit=101").expectError(400, "invalid_request", "limit");
    live.get("/v1/runs?colour=red").expectError(400, "invalid_request", "colour");
    live.get("/v1/runs?status=done").expectError(400, "invalid_request", "status");
    live.get("/v1/runs?created%5Bgte%5D=yesterday")
        .expectError(400, "invalid_request", "created[gte]");
    live.get("/v1/runs?starting_after=r-1").expectError(400, "invalid_request", "starting_after");
    live.get("/v1/runs?starting_after=" + patched + "&ending_before=" + patched)
        .expectError(400, "invalid_request", "ending_before");

    // Step 9: another organisation sees none of it, and cannot page from its runs.
    Api other = TestSystem.newOrganisation("team");
    JsonNode empty = other.get("/v1/runs").expect(200).json();
    assertThat(empty.get("data")).isEmpty();
    assertThat(empty.get("has_more").asBoolean()).isFalse();
    other
        .get("/v1/runs?starting_after=" + patched)
        .expectError(400, "invalid_request", "starting_after");
  }

  @Test
  void aPatchMovesTheExpiryButNeverRevivesAFinishedRun() throws Exception {
    Api live = TestSystem.newOrganisation("team");
    String templateId = Fixtures.template(live, template("Check", "member"));

    JsonNode pending =
        live.post("/v1/runs", Map.of("template_id", templateId, "expires_in_hours", 1))
            .expect(201)
            .json();
    String runId = pending.get("run_id").asString();
    JsonNode read = live.get("/v1/runs/" + runId).expect(200).json();
    assertThat(read.get("executor_identity").get("mode").asString()).isEqualTo("member");
    assertThat(read.get("executor_identity").has("user_id")).isTrue();
    assertThat(read.get("executor_identity").get("user_id").isNull()).isTrue();

    String later =
        Instant.now().plus(Duration.ofHours(5)).truncatedTo(ChronoUnit.SECONDS).toString();
    assertThat(patch(live, runId, Map.of("expires_at", later)).get("expires_at").asString())
        .isEqualTo(later);
    live.patch("/v1/runs/" + runId, Map.of("expires_at", "2000-01-01T00:00:00Z"))
        .expectError(400, "invalid_request", "expires_at");
    live.patch("/v1/runs/" + runId, Map.of("expires_at", 5))
        .expectError(400, "invalid_request", "expires_at");
    live.patch("/v1/runs/" + runId, Map.of("metadata", Map.of("k", 5)))
        .expectError(400, "invalid_request", "metadata[k]");
    live.patch("/v1/runs/" + runId, Map.of("status", "completed"))
        .expectError(400, "invalid_request", "status");
    Map<String, Object> nullExpiry = new HashMap<>();
    nullExpiry.put("expires_at", null);
    assertThat(patch(live, runId, nullExpiry).get("expires_at").isNull()).isTrue();

    live.post("/v1/runs/" + runId + "/cancel", Map.of()).expect(200);
    live.patch("/v1/runs/" + runId, Map.of("expires_at", later)).expectError(409, "conflict", null);
    assertThat(
            patch(live, runId, Map.of("metadata", Map.of("case", "A-1")))
                .get("metadata")
                .get("case")
                .asString())
        .isEqualTo("A-1");
    assertThat(live.get("/v1/runs/" + runId).expect(200).json().get("cancelled_by").isNull())
        .as("a run cancelled by the integrator says so")
        .isFalse();

    List<String> types = new ArrayList<>();
    for (var event : RunEvents.of(runId, 5, Duration.ofSeconds(20))) {
      types.add(RunEvents.json(event).get("type").asString());
      RunEvents.validate(RunEvents.json(event));
    }
    assertThat(types)
        .containsExactly(
            "run.created", "run.updated", "run.updated", "run.cancelled", "run.updated");
  }

  @Test
  void templatesAndMembersAreListedTheSameWayNewestFirst() throws Exception {
    Api live = TestSystem.newOrganisation("team");
    List<JsonNode> templates = new ArrayList<>();
    List<JsonNode> members = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      templates.add(live.post("/v1/templates", template("Check " + i, "none")).expect(201).json());
      members.add(
          live.post("/v1/members", Map.of("name", "M " + i, "email", "m" + i + "@example.com"))
              .expect(201)
              .json());
    }
    for (var list :
        List.of(
            Map.entry("/v1/templates", Map.entry("template_id", templates)),
            Map.entry("/v1/members", Map.entry("user_id", members)))) {
      String path = list.getKey();
      String idField = list.getValue().getKey();
      // Newest first: by creation time (whole seconds), then by id.
      List<String> ids =
          list.getValue().getValue().stream()
              .sorted(
                  java.util.Comparator.comparing((JsonNode n) -> n.get("created_at").asString())
                      .thenComparing(n -> n.get(idField).asString()))
              .map(n -> n.get(idField).asString())
              .toList();
      JsonNode first = live.get(path + "?limit=2").expect(200).json();
      assertThat(first.get("object").asString()).isEqualTo("list");
      assertThat(first.get("has_more").asBoolean()).isTrue();
      assertThat(first.get("data").valueStream().map(t -> t.get(idField).asString()))
          .containsExactly(ids.get(2), ids.get(1));
      JsonNode rest = live.get(path + "?limit=2&starting_after=" + ids.get(1)).expect(200).json();
      assertThat(rest.get("has_more").asBoolean()).isFalse();
      assertThat(rest.get("data").valueStream().map(t -> t.get(idField).asString()))
          .containsExactly(ids.get(0));
      JsonNode back = live.get(path + "?ending_before=" + ids.get(0)).expect(200).json();
      assertThat(back.get("data").valueStream().map(t -> t.get(idField).asString()))
          .containsExactly(ids.get(2), ids.get(1));
      live.get(path + "?limit=101").expectError(400, "invalid_request", "limit");
      live.get(path + "?status=pending").expectError(400, "invalid_request", "status");
      live.get(path + "?starting_after=nope").expectError(400, "invalid_request", "starting_after");
    }
  }

  @Test
  void theListIsAnsweredByTheOwnerWhenAskedOfTheInstanceThatDoesNotOwnTheOrganisation()
      throws Exception {
    StreamsRunner second = TestSystem.secondProcessor();
    Api live = null;
    for (int i = 0; i < 40 && live == null; i++) {
      Api candidate = TestSystem.newOrganisation("team");
      if (TestSystem.owns(second, RunList.STORE, candidate.orgId())) {
        live = candidate;
      }
    }
    assertThat(live).as("an organisation whose list the second instance owns").isNotNull();

    String templateId = Fixtures.template(live, template("Check", "none"));
    List<String> dispatched = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      dispatched.add(dispatch(live, templateId, i));
    }
    Api api = live;
    assertThat(Eventually.until("listed", FRESH, () -> walk(api, "", 10), ids -> ids.size() == 3))
        .isEqualTo(dispatched.reversed());
  }

  private static List<String> walk(Api api, String filters, int limit) {
    List<String> ids = new ArrayList<>();
    String after = null;
    while (true) {
      JsonNode page =
          api.get(
                  "/v1/runs?limit="
                      + limit
                      + (after == null ? "" : "&starting_after=" + after)
                      + filters)
              .expect(200)
              .json();
      page.get("data").forEach(run -> ids.add(run.get("run_id").asString()));
      if (!page.get("has_more").asBoolean()) {
        return ids;
      }
      after = ids.getLast();
    }
  }

  /** Every run newer than {@code from}, read backwards a page at a time, newest first. */
  private static List<String> walkBack(Api api, String from, int limit) {
    List<String> ids = new ArrayList<>();
    String before = from;
    while (true) {
      JsonNode page =
          api.get("/v1/runs?limit=" + limit + "&ending_before=" + before).expect(200).json();
      List<String> these = new ArrayList<>();
      page.get("data").forEach(run -> these.add(run.get("run_id").asString()));
      ids.addAll(0, these);
      if (!page.get("has_more").asBoolean() || these.isEmpty()) {
        return ids;
      }
      before = these.getFirst();
    }
  }

  private static List<String> createdTimes(Api api, String query) {
    List<String> times = new ArrayList<>();
    api.get("/v1/runs" + query)
        .expect(200)
        .json()
        .get("data")
        .forEach(run -> times.add(run.get("created_at").asString()));
    return times;
  }

  private static JsonNode patch(Api api, String runId, Map<String, Object> body) {
    return api.patch("/v1/runs/" + runId, body).expect(200).json();
  }

  private static String dispatch(Api api, String templateId, int n) {
    return api.post(
            "/v1/runs",
            Map.of(
                "template_id",
                templateId,
                "executor_ref",
                "booking-" + n,
                "metadata",
                Map.of("batch", n % 2 == 0 ? "even" : "odd", "n", String.valueOf(n))))
        .expect(201)
        .json()
        .get("run_id")
        .asString();
  }

  private static Map<String, Object> template(String name, String identity) {
    return Map.of(
        "name",
        name,
        "steps",
        List.of(Map.of("id", "s-ok", "type", "boolean", "title", "All fine?")),
        "execution",
        Map.of("identity_required", identity));
  }

  private static List<String> concat(java.util.Collection<String> some, List<String> more) {
    List<String> all = new ArrayList<>(some);
    all.addAll(more);
    return all;
  }
}
