package app.rundun.launcher;

import app.rundun.contracts.commands.OrgCommand;
import app.rundun.contracts.kafka.Topics;
import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.contracts.runs.RunId;
import app.rundun.contracts.templates.TemplateId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code ./run-local benchmark} (a program of the launcher's test code, so the shipped jar carries
 * no load generator, and sharing its kit with the end-to-end tests): starts a throwaway system and
 * measures it over real HTTP and a real broker, next to two ceilings measured in the same run: a
 * trivial endpoint of the same server, and a raw Kafka producer sending records of a command's
 * size. Prints a table, and writes it with a chart under {@code target/}. {@code
 * RUNDUN_BENCH_RESTORE_RUNS} (1,000,000) sets how many runs the restore measurement starts from.
 */
final class Benchmark {

  private static final int CALLERS = 32;
  private static final int WARMUP = 500;
  private static final int SEQUENTIAL = 1_000;
  private static final int PARALLEL = 4_000;
  private static final int WEBHOOK_RUNS = 1_000;
  private static final int WEBHOOK_WARMUP = 300;
  private static final String WEBHOOK_SECRET_KEY = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
  private static final String METRICS_TOKEN = "benchmark-metrics-token";

  /** Deliveries of the drain rows; {@code RUNDUN_BENCH_DRAIN} changes it. */
  private static final int DRAIN =
      Integer.parseInt(System.getenv().getOrDefault("RUNDUN_BENCH_DRAIN", "100000"));

  /** Retries held pending while the dispatcher's heap is measured; {@code RUNDUN_BENCH_PENDING}. */
  private static final int PENDING =
      Integer.parseInt(System.getenv().getOrDefault("RUNDUN_BENCH_PENDING", "1000000"));

  /**
   * The benchmark's API limits the rate as production does, with limits no row reaches, so that
   * each row pays for the limiter; a second instance without it gives the price of the limiter.
   */
  private static final Map<String, String> HIGH_RATE_LIMITS =
      Map.of(
          "rundun.rate-limits.plans.enterprise.reads", "1000000",
          "rundun.rate-limits.plans.enterprise.writes", "1000000",
          "rundun.rate-limits.per-run.reads", "1000000",
          "rundun.rate-limits.per-run.writes", "1000000",
          "rundun.rate-limits.per-client.reads", "1000000",
          "rundun.rate-limits.per-client.writes", "1000000");

  private final List<BenchRow> rows = new ArrayList<>();
  private Api api;
  private Api unlimited;
  private OrgId org;

  private Benchmark() {}

  public static void main(String[] args) throws Exception {
    LocalRundun.quietConsole(LocalRundun.dataDir());
    new Benchmark().measure();
    System.exit(0);
  }

  private void measure() throws Exception {
    Path dataDir = Scratch.directory("benchmark");
    String operatorToken = "rdo_benchmark";
    try (RundunSystem system =
        RundunSystem.start(
            SystemSettings.local(dataDir)
                .withOperatorToken(operatorToken)
                .withMediaSigningSecret("benchmark-media-signing-secret")
                .withMemberTokenSecret("benchmark-member-token-secret")
                .withWebhookSecretKey(WEBHOOK_SECRET_KEY)
                .withWebhookAllowedCidrs(SystemSettings.LOOPBACK)
                .withMetricsToken(METRICS_TOKEN)
                .withProperties(HIGH_RATE_LIMITS))) {
      Operator operator = new Operator(system.apiBaseUrl(), operatorToken);
      org = new OrgId(operator.createOrganisation("Bench", "enterprise"));
      api =
          new Api(
              system.apiBaseUrl(),
              operator.issueKey(org.value(), "Benchmark", "live"),
              org.value());
      unlimited =
          api.on(
              system.startAnotherApi(
                  system.processorUrls(), Map.of("rundun.rate-limits.enabled", "false")));
      String template =
          Fixtures.template(api, Map.of("name", "Bench", "steps", Fixtures.ODOMETER_STEP));
      // Measured as well: what the first creates of a cold system get, before the rows below.
      rows.add(
          BenchRow.load(
              "warm-up: POST /v1/runs right after start",
              WARMUP,
              CALLERS,
              () -> create(api, template).nanos()));
      rows.add(
          BenchRow.load(
                  "ceiling: GET /health",
                  PARALLEL,
                  CALLERS,
                  () -> BenchRow.timed(new Api(api.baseUrl(), null).get("/health")))
              .as(BenchRow.Kind.HTTP_CEILING));
      rows.add(
          ProducerCeiling.measure(
              system.bootstrapServers(), commandSize(template), WARMUP, PARALLEL, CALLERS));
      List<String> runs = creates(template);
      rows.add(answers(runs));
      AtomicInteger next = new AtomicInteger();
      rows.add(
          BenchRow.warmedLoad(
              "GET /v1/runs/:id",
              PARALLEL,
              CALLERS,
              () ->
                  BenchRow.timed(
                      api.get("/v1/runs/" + runs.get(next.getAndIncrement() % runs.size())))));
      WebhookRows webhooks = new WebhookRows(api, template, CALLERS);
      webhooks.measure(null, WebhookRows.Target.RUN_WEBHOOK, 0, WEBHOOK_WARMUP);
      rows.add(
          webhooks.measure(
              "webhooks, all endpoints healthy", WebhookRows.Target.RUN_WEBHOOK, 0, WEBHOOK_RUNS));
      rows.add(
          webhooks.measure(
              "webhooks, 1 endpoint in 10 dead", WebhookRows.Target.RUN_WEBHOOK, 10, WEBHOOK_RUNS));
      rows.add(
          webhooks.measure(
              "webhooks, account endpoint", WebhookRows.Target.ACCOUNT_ENDPOINT, 0, WEBHOOK_RUNS));
      FilledRuns filled = FilledRuns.fill(system, api, org, template);
      String reads = reads(runs.subList(0, Math.min(1_000, runs.size())), filled, template);
      String exports = filled.exports(api, template);
      String restore = filled.restore(system);
      // Last: its backlog leaves the run-processor logging some 200,000 attempts afterwards.
      String pending = drain(system);
      BenchReport.write(rows, reads + "\n" + exports + "\n" + restore + "\n" + pending);
    }
  }

  /** The create rows; answers the runs the main one made, for the rows that follow. */
  private List<String> creates(String template) throws Exception {
    rows.add(
        BenchRow.warmedLoad(
            "POST /v1/runs, 1 caller", SEQUENTIAL, 1, () -> create(api, template).nanos()));
    List<String> runs = new CopyOnWriteArrayList<>();
    rows.add(
        BenchRow.warmedLoad(
            "POST /v1/runs",
            PARALLEL,
            CALLERS,
            () -> {
              Api.Response created = create(api, template);
              runs.add(created.json().get("run_id").asString());
              return created.nanos();
            }));
    rows.add(
        BenchRow.warmedLoad(
            "POST /v1/runs, rate limiting off",
            PARALLEL,
            CALLERS,
            () -> create(unlimited, template).nanos()));
    AtomicInteger keys = new AtomicInteger();
    rows.add(
        BenchRow.warmedLoad(
            "POST /v1/runs with Idempotency-Key",
            PARALLEL,
            CALLERS,
            () ->
                BenchRow.timed(
                    api.post(
                        "/v1/runs",
                        Map.of("template_id", template, "executor_ref", "bench"),
                        "bench-" + keys.incrementAndGet()))));
    return runs;
  }

  /** A run of the template, created as an integrator does; anything but 201 stops the benchmark. */
  private static Api.Response create(Api caller, String template) {
    Api.Response created =
        caller.post("/v1/runs", Map.of("template_id", template, "executor_ref", "bench"));
    BenchRow.timed(created);
    return created;
  }

  /** Opens runs, then answers a step of each: the executor's write path. */
  private BenchRow answers(List<String> runs) throws Exception {
    List<String> opened = runs.subList(0, Math.min(runs.size(), 2_000));
    AtomicInteger next = new AtomicInteger();
    BenchRow.load(
        "open runs",
        opened.size(),
        CALLERS,
        () ->
            BenchRow.timed(
                api.anonymous()
                    .post(
                        "/v1/executor/runs/" + opened.get(next.getAndIncrement()) + "/open",
                        Map.of())));
    AtomicInteger answer = new AtomicInteger();
    return BenchRow.warmedLoad(
        "PUT answer",
        opened.size(),
        CALLERS,
        () ->
            BenchRow.timed(
                api.anonymous()
                    .put(
                        "/v1/executor/runs/"
                            + opened.get(answer.getAndIncrement() % opened.size())
                            + "/steps/s-od01/answer",
                        Map.of("value", 42150))));
  }

  /**
   * The dispatcher alone: a backlog due at once over ten receivers, a steady flow, and the backlog
   * again with one receiver that never answers (last: its deliveries keep retrying after); then its
   * heap with a million retries pending.
   */
  private String drain(RundunSystem system) throws Exception {
    System.out.println("  webhook drain: " + DRAIN + " deliveries, three times");
    try (WebhookDrain drain =
        new WebhookDrain(system.bootstrapServers(), WEBHOOK_SECRET_KEY, org.value())) {
      drain.backlog(Math.min(DRAIN, 10_000), false, Duration.ofMinutes(2));
      rows.add(
          drained(
              "webhook drain: " + DRAIN + " due at once, 10 receivers",
              drain.backlog(DRAIN, false, Duration.ofMinutes(5))));
      rows.add(
          drained(
              "webhook flow: 500/s steady, request to arrival",
              drain.steady(5_000, 500, Duration.ofMinutes(1))));
      rows.add(
          drained(
              "webhook drain: " + DRAIN + " due at once, 1 receiver of 10 never answers",
              drain.backlog(DRAIN, true, Duration.ofMinutes(5))));
      // After the drains: compacting the schedule's million records afterwards takes the broker's
      // CPU, which the drains would feel.
      System.out.println("  pending retries: " + PENDING + " held by the dispatcher");
      PendingRetries.Held held =
          new PendingRetries(system, METRICS_TOKEN)
              .measure(PENDING, drain.sample(), Duration.ofMinutes(10));
      return String.format(
          "Pending retries: the dispatcher held %,d (written to the schedule in %.0f s) in %,d MB"
              + " more heap than before them: %,d bytes each",
          held.count(),
          held.loadSeconds(),
          held.heapBytes() >> 20,
          held.heapBytes() / held.count());
    }
  }

  private static BenchRow drained(String what, WebhookDrain.Drained drained) {
    return new BenchRow(
        what + " (" + drained.delivered() + " arrived)",
        BenchRow.Kind.MEASURED,
        drained.delivered(),
        drained.seconds(),
        drained.nanos());
  }

  /**
   * Reads and changes under wrk, the organisation holding the filled runs: {@code /health} (the
   * ceiling), a run by id, the first page of 100 runs, a page 1,000 pages deep, PATCH, and creates
   * at 128 connections from a generator that is not the bottleneck (the Java client's own {@code
   * /health} row shows its ceiling).
   */
  private String reads(List<String> runs, FilledRuns filled, String template) throws Exception {
    if (!WrkLoad.available()) {
      return "Reads under wrk: skipped, wrk is not installed (apt-get install wrk).\n";
    }
    WrkLoad wrk = new WrkLoad(api.key());
    wrk.measureCeiling("ceiling: GET /health", api.baseUrl());
    wrk.measureCeiling("ceiling: GET /health, rate limiting off", unlimited.baseUrl());
    // Off, on, off again: the rows share one JVM, so a row measured later runs on code compiled
    // further; the two "off" rows bound that order effect.
    String run = "/v1/runs/" + runs.getFirst();
    wrk.measure("GET /v1/runs/:id, rate limiting off", unlimited.baseUrl() + run);
    wrk.measure("GET /v1/runs/:id", api.baseUrl() + run);
    wrk.measure("GET /v1/runs/:id, rate limiting off, again", unlimited.baseUrl() + run);
    String list = String.format("GET /v1/runs?limit=100 (%,d runs)", filled.count());
    wrk.measure(list + ", first page", api.baseUrl() + "/v1/runs?limit=100");
    wrk.measure(
        list + ", 1,000 pages deep",
        api.baseUrl() + "/v1/runs?limit=100&starting_after=" + filled.deepRun());
    wrk.measureWrites(
        String.format("PATCH /v1/runs/:id (metadata), over %,d runs", runs.size()),
        api.baseUrl(),
        WrkLoad.Writes.of(
            "PATCH",
            runs.stream().map(id -> "/v1/runs/" + id).toList(),
            "{\"metadata\":{\"n\":\"%d\"}}"));
    // The executor's app answering: the runs were opened by this phone (answers()), and each
    // answer replaces the step's last.
    wrk.measureWrites(
        String.format("PUT answer (the executor's app), over %,d open runs", runs.size()),
        api.baseUrl(),
        WrkLoad.Writes.of(
                "PUT",
                runs.stream()
                    .map(id -> "/v1/executor/runs/" + id + "/steps/s-od01/answer")
                    .toList(),
                "{\"value\":%d}")
            .withHeader("Rundun-Device", Api.PHONE));
    WrkLoad.Writes creates =
        WrkLoad.Writes.of(
            "POST",
            List.of("/v1/runs"),
            "{\"template_id\":\"" + template + "\",\"executor_ref\":\"wrk-%d\"}");
    wrk.measureWrites("POST /v1/runs, 1 connection", api.baseUrl(), creates, 1);
    wrk.measureWrites("POST /v1/runs, 128 connections", api.baseUrl(), creates, 128);
    return wrk.table();
  }

  /** The size of a create command as the API publishes it: the raw producer sends as much. */
  private int commandSize(String template) {
    return Topics.ORG_COMMANDS.serializeValue(
            new OrgCommand.CreateRun(
                org,
                RunId.mint(),
                Mode.LIVE,
                new TemplateId(template),
                "bench",
                null,
                null,
                null,
                null,
                "Benchmark",
                null))
        .length;
  }
}
