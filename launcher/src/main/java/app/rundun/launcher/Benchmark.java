package app.rundun.launcher;

import app.rundun.contracts.commands.OrgCommand;
import app.rundun.contracts.json.Json;
import app.rundun.contracts.kafka.Groups;
import app.rundun.contracts.kafka.Topics;
import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.contracts.runs.RunId;
import app.rundun.contracts.templates.TemplateId;
import app.rundun.contracts.templates.TemplateResource;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./run-local benchmark}: starts a throwaway system and measures it over real HTTP and a
 * real broker, next to two ceilings measured in the same run: a trivial endpoint of the same
 * server, and a raw Kafka producer sending records of a command's size. Prints a table, and writes
 * it with a chart under {@code target/}. {@code RUNDUN_BENCH_RESTORE_RUNS} (1,000,000) sets how
 * many runs the restore measurement starts from.
 */
final class Benchmark {

  private static final int CALLERS = 32;
  private static final int WARMUP = 500;
  private static final int SEQUENTIAL = 1_000;
  private static final int PARALLEL = 4_000;
  private static final int WEBHOOK_RUNS = 1_000;
  private static final int WEBHOOK_WARMUP = 300;
  private static final String WEBHOOK_SECRET_KEY = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

  /** Deliveries of the drain rows; {@code RUNDUN_BENCH_DRAIN} changes it. */
  private static final int DRAIN =
      Integer.parseInt(System.getenv().getOrDefault("RUNDUN_BENCH_DRAIN", "100000"));

  /** Retries held pending while the dispatcher's heap is measured; {@code RUNDUN_BENCH_PENDING}. */
  private static final int PENDING =
      Integer.parseInt(System.getenv().getOrDefault("RUNDUN_BENCH_PENDING", "1000000"));

  /** Where a webhook row's deliveries go. */
  private enum Target {
    /** Each run's own webhook. */
    RUN_WEBHOOK,
    /** One account endpoint of the organisation; the runs have no webhook of their own. */
    ACCOUNT_ENDPOINT
  }

  private static final Path OUTPUT = Path.of("target");

  private final HttpClient http = HttpClient.newHttpClient();
  private final List<Row> rows = new ArrayList<>();
  private String base;
  private String unlimited;
  private String key;
  private OrgId org;

  private Benchmark() {}

  static void run() throws Exception {
    new Benchmark().measure();
  }

  /** What a row is: one of the two ceilings the others are compared with, or a measurement. */
  private enum Kind {
    HTTP_CEILING,
    PRODUCER_CEILING,
    MEASURED
  }

  /** One measured line: how many operations, in how long, and each one's latency. */
  private record Row(String what, Kind kind, int operations, double seconds, long[] nanos) {

    /** This row as a ceiling the others are measured against. */
    Row as(Kind ceiling) {
      return new Row(what, ceiling, operations, seconds, nanos);
    }

    double perSecond() {
      return operations / seconds;
    }

    double percentile(double fraction) {
      long[] sorted = nanos.clone();
      Arrays.sort(sorted);
      return sorted[Math.min(sorted.length - 1, (int) (sorted.length * fraction))] / 1e6;
    }
  }

  private void measure() throws Exception {
    Path dataDir = Files.createTempDirectory("rundun-benchmark");
    String operatorToken = "rdo_benchmark";
    try (RundunSystem system =
        RundunSystem.start(
            SystemSettings.local(dataDir)
                .withOperatorToken(operatorToken)
                .withMediaSigningSecret("benchmark-media-signing-secret")
                .withMemberTokenSecret("benchmark-member-token-secret")
                .withWebhookSecretKey(WEBHOOK_SECRET_KEY)
                .withWebhookAllowedCidrs(SystemSettings.LOOPBACK)
                .withProperties(HIGH_RATE_LIMITS))) {
      base = system.apiBaseUrl();
      unlimited =
          system.startAnotherApi(
              system.processorUrls(), Map.of("rundun.rate-limits.enabled", "false"));
      Operator operator = new Operator(base, operatorToken);
      org = new OrgId(operator.createOrganisation("Bench", "enterprise"));
      key = operator.issueKey(org.value(), "Benchmark", "live");
      String template = templateId();
      load("warm-up", WARMUP, CALLERS, () -> createRun(template).nanos());

      rows.add(
          load("ceiling: GET /health", PARALLEL, CALLERS, () -> timed(get("/health", null)))
              .as(Kind.HTTP_CEILING));
      rows.add(rawProducer(system.bootstrapServers(), commandSize(template)));
      rows.add(load("POST /v1/runs, 1 caller", SEQUENTIAL, 1, () -> createRun(template).nanos()));
      List<String> runs = new CopyOnWriteArrayList<>();
      rows.add(
          load(
              "POST /v1/runs",
              PARALLEL,
              CALLERS,
              () -> {
                Created created = createRun(template);
                runs.add(created.runId());
                return created.nanos();
              }));
      rows.add(
          withoutRateLimits(() ->
              load(
                  "POST /v1/runs, rate limiting off",
                  PARALLEL,
                  CALLERS,
                  () -> createRun(template).nanos())));
      AtomicInteger keys = new AtomicInteger();
      rows.add(
          load(
              "POST /v1/runs with Idempotency-Key",
              PARALLEL,
              CALLERS,
              () -> createRun(template, "bench-" + keys.incrementAndGet()).nanos()));
      rows.add(answers(runs));
      AtomicInteger next = new AtomicInteger();
      rows.add(
          load(
              "GET /v1/runs/:id",
              PARALLEL,
              CALLERS,
              () -> timed(get("/v1/runs/" + runs.get(next.getAndIncrement() % runs.size()), key))));
      webhooks(template, null, Target.RUN_WEBHOOK, 0, WEBHOOK_WARMUP);
      rows.add(
          webhooks(
              template, "webhooks, all endpoints healthy", Target.RUN_WEBHOOK, 0, WEBHOOK_RUNS));
      rows.add(
          webhooks(
              template, "webhooks, 1 endpoint in 10 dead", Target.RUN_WEBHOOK, 10, WEBHOOK_RUNS));
      rows.add(
          webhooks(
              template, "webhooks, account endpoint", Target.ACCOUNT_ENDPOINT, 0, WEBHOOK_RUNS));
      Filled filled = fill(system, template);
      String reads = reads(runs.subList(0, Math.min(1_000, runs.size())), filled);
      String exports = exports(template, filled);
      String restore = restore(system, filled);
      // Last: its backlog leaves the run-processor logging some 200,000 attempts afterwards.
      String pending = drain(system);
      report(reads + "\n" + exports + "\n" + restore + "\n" + pending);
    }
  }

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

  /** The row measured on the API instance that does not limit the rate. */
  private Row withoutRateLimits(Callable<Row> row) throws Exception {
    String limitedBase = base;
    base = unlimited;
    try {
      return row.call();
    } finally {
      base = limitedBase;
    }
  }

  /** Runs {@code count} operations from {@code callers} threads; each returns its latency. */
  private static Row load(String what, int count, int callers, Callable<Long> operation)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    List<Future<Long>> futures = new ArrayList<>();
    long started = System.nanoTime();
    for (int i = 0; i < count; i++) {
      futures.add(pool.submit(operation));
    }
    long[] nanos = new long[count];
    for (int i = 0; i < count; i++) {
      nanos[i] = futures.get(i).get();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    pool.shutdown();
    return new Row(
        what + (callers > 1 ? ", " + callers + " callers" : ""),
        Kind.MEASURED,
        count,
        seconds,
        nanos);
  }

  /** The Kafka ceiling: records of a command's size, acknowledged by all replicas, one by one. */
  private static Row rawProducer(String bootstrap, int size) throws Exception {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    byte[] value = new byte[size];
    Properties admin = new Properties();
    admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    try (Admin topics = Admin.create(admin)) {
      topics
          .createTopics(
              List.of(new NewTopic("rundun.benchmark", Topics.DEFAULT_PARTITIONS, (short) 1)))
          .all()
          .get();
      // Every partition has its leader before the first record, or the first sends race.
      while (topics
          .describeTopics(List.of("rundun.benchmark"))
          .allTopicNames()
          .get()
          .get("rundun.benchmark")
          .partitions()
          .stream()
          .anyMatch(partition -> partition.leader() == null)) {
        Thread.sleep(100);
      }
    }
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      for (int partition = 0; partition < Topics.DEFAULT_PARTITIONS; partition++) {
        producer.send(new ProducerRecord<>("rundun.benchmark", partition, "first", value)).get();
      }
      AtomicInteger next = new AtomicInteger();
      load(
          "warm-up",
          WARMUP,
          CALLERS,
          () -> send(producer, "rundun.benchmark", next.getAndIncrement(), value));
      return load(
              "ceiling: raw producer (" + size + " B, acks=all)",
              PARALLEL,
              CALLERS,
              () -> send(producer, "rundun.benchmark", next.getAndIncrement(), value))
          .as(Kind.PRODUCER_CEILING);
    }
  }

  private static long send(
      KafkaProducer<String, byte[]> producer, String topic, int n, byte[] value) throws Exception {
    long start = System.nanoTime();
    producer.send(new ProducerRecord<>(topic, Integer.toString(n), value)).get();
    return System.nanoTime() - start;
  }

  /** Opens runs, then answers a step of each: the executor's write path. */
  private Row answers(List<String> runs) throws Exception {
    List<String> opened = runs.subList(0, Math.min(runs.size(), 2_000));
    AtomicInteger next = new AtomicInteger();
    load(
        "open runs",
        opened.size(),
        CALLERS,
        () ->
            timed(
                post(
                    "/v1/executor/runs/" + opened.get(next.getAndIncrement()) + "/open",
                    null,
                    Map.of())));
    AtomicInteger answer = new AtomicInteger();
    return load(
        "PUT answer",
        opened.size(),
        CALLERS,
        () ->
            timed(
                put(
                    "/v1/executor/runs/"
                        + opened.get(answer.getAndIncrement())
                        + "/steps/s-od01/answer",
                    Map.of("value", 42150))));
  }

  /**
   * Dispatches runs with a webhook on {@code run.opened}, opens them all, and times each from the
   * open request being sent to its delivery arriving. With {@code deadEvery} > 0, every such run
   * points at an endpoint that accepts connections and never answers; only the others are timed. To
   * an {@link Target#ACCOUNT_ENDPOINT}, the events are fanned out from the event topic. Without a
   * label it is a warm-up.
   */
  private Row webhooks(String template, String label, Target target, int deadEvery, int runs)
      throws Exception {
    Map<String, Long> arrived = new ConcurrentHashMap<>();
    Pattern runId = Pattern.compile("\"run_id\":\"(r-[0-9a-f-]{36})\"");
    HttpServer receiver =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    receiver.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          Matcher match = runId.matcher(body);
          if (match.find()) {
            arrived.putIfAbsent(match.group(1), System.nanoTime());
          }
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
    try (SilentEndpoint dead = new SilentEndpoint(InetAddress.getLoopbackAddress())) {
      String live = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
      String never = dead.url("localhost");
      List<String> healthy = new ArrayList<>();
      List<String> all = new ArrayList<>();
      String endpoint = target == Target.ACCOUNT_ENDPOINT ? createEndpoint(live) : null;
      for (int i = 0; i < runs; i++) {
        boolean isDead = deadEvery > 0 && i % deadEvery == 0;
        String run =
            endpoint != null
                ? createRun(template).runId()
                : createRunWithWebhook(template, isDead ? never : live);
        all.add(run);
        if (!isDead) {
          healthy.add(run);
        }
      }
      Map<String, Long> sent = new ConcurrentHashMap<>();
      AtomicInteger next = new AtomicInteger();
      load(
          "open",
          all.size(),
          CALLERS,
          () -> {
            String run = all.get(next.getAndIncrement());
            sent.put(run, System.nanoTime());
            return timed(post("/v1/executor/runs/" + run + "/open", null, Map.of()));
          });
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (!arrived.keySet().containsAll(healthy) && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      long[] latencies =
          healthy.stream()
              .filter(arrived::containsKey)
              .mapToLong(run -> arrived.get(run) - sent.get(run))
              .toArray();
      long first = healthy.stream().mapToLong(sent::get).min().orElseThrow();
      long last =
          healthy.stream().filter(arrived::containsKey).mapToLong(arrived::get).max().orElseThrow();
      if (endpoint != null) {
        exchange(request("/v1/webhook_endpoints/" + endpoint, key).DELETE());
      }
      return new Row(
          label == null ? "warm-up" : label + " (" + latencies.length + "/" + healthy.size() + ")",
          Kind.MEASURED,
          latencies.length,
          (last - first) / 1e9,
          latencies);
    } finally {
      receiver.stop(0);
    }
  }

  /**
   * The dispatcher alone: a backlog due at once over ten receivers, a steady flow, and the backlog
   * again with one receiver that never answers (last: its deliveries keep retrying after).
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
          new PendingRetries(
                  system.bootstrapServers(), system.dispatcher().getBean(MeterRegistry.class))
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

  private static Row drained(String what, WebhookDrain.Drained drained) {
    return new Row(
        what + " (" + drained.delivered() + " arrived)",
        Kind.MEASURED,
        drained.delivered(),
        drained.seconds(),
        drained.nanos());
  }

  /**
   * The organisation's runs after the fill: how many, how long it took, and one deep in the list.
   */
  private record Filled(int count, double seconds, String deepRun) {}

  /**
   * Reads and changes under wrk, the organisation holding the filled runs: {@code /health} (the
   * ceiling), a run by id, the first page of 100 runs, a page 1,000 pages deep, and PATCH.
   */
  private String reads(List<String> runs, Filled filled) throws Exception {
    if (!WrkLoad.available()) {
      return "Reads under wrk: skipped, wrk is not installed (apt-get install wrk).\n";
    }
    WrkLoad wrk = new WrkLoad(key);
    wrk.measureCeiling("ceiling: GET /health", base + "/health");
    // Off, on, off again: the rows share one JVM, so a row measured later runs on code compiled
    // further; the two "off" rows bound that order effect.
    String run = "/v1/runs/" + runs.getFirst();
    wrk.measure("GET /v1/runs/:id, rate limiting off", unlimited + run);
    wrk.measure("GET /v1/runs/:id", base + run);
    wrk.measure("GET /v1/runs/:id, rate limiting off, again", unlimited + run);
    String list = String.format("GET /v1/runs?limit=100 (%,d runs)", filled.count());
    wrk.measure(list + ", first page", base + "/v1/runs?limit=100");
    wrk.measure(
        list + ", 1,000 pages deep",
        base + "/v1/runs?limit=100&starting_after=" + filled.deepRun());
    wrk.measurePatches(
        String.format("PATCH /v1/runs/:id (metadata), over %,d runs", runs.size()),
        base,
        runs.stream().map(id -> "/v1/runs/" + id).toList(),
        "{\"metadata\":{\"n\":\"%d\"}}");
    return wrk.table();
  }

  /**
   * Fills the organisation with {@code RUNDUN_BENCH_RESTORE_RUNS} (1,000,000) runs straight onto
   * the run commands, and waits until the run list shows the one 100,000 from the newest.
   */
  private Filled fill(RundunSystem system, String templateId) throws Exception {
    int count =
        Integer.parseInt(System.getenv().getOrDefault("RUNDUN_BENCH_RESTORE_RUNS", "1000000"));
    int deep = Math.max(0, count - 100_000 - 1);
    String deepRun = null;
    TemplateResource template =
        Json.mapper()
            .readValue(get("/v1/templates/" + templateId, key).body(), TemplateResource.class);
    long filling = System.nanoTime();
    RunSeeder.Seed seed = new RunSeeder.Seed(org, Mode.LIVE, template);
    try (RunSeeder seeder = new RunSeeder(system.bootstrapServers())) {
      for (int i = 0; i < count; i++) {
        RunId id = seeder.start(seed, "restore-" + i, Map.of(), (long) i + 1);
        if (i == deep) {
          deepRun = id.value();
        }
      }
    }
    awaitConsumed(system.bootstrapServers());
    while (get("/v1/runs?limit=1&starting_after=" + deepRun, key).status() != 200) {
      Thread.sleep(200);
    }
    return new Filled(count, (System.nanoTime() - filling) / 1e9, deepRun);
  }

  /**
   * Streams every run of the filled template as CSV and as NDJSON: the time to the first byte and
   * the rows a second of the whole export.
   */
  private String exports(String templateId, Filled filled) throws Exception {
    StringBuilder out = new StringBuilder();
    for (String format : List.of("csv", "ndjson")) {
      long start = System.nanoTime();
      HttpResponse<InputStream> response =
          http.send(
              request("/v1/templates/" + templateId + "/runs." + format, key).GET().build(),
              HttpResponse.BodyHandlers.ofInputStream());
      long lines = 0;
      long firstByte = 0;
      byte[] buffer = new byte[64 * 1024];
      try (InputStream in = response.body()) {
        for (int read; (read = in.read(buffer)) > 0; ) {
          if (firstByte == 0) {
            firstByte = System.nanoTime() - start;
          }
          for (int i = 0; i < read; i++) {
            lines += buffer[i] == '\n' ? 1 : 0;
          }
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      long rows = format.equals("csv") ? lines - 1 : lines;
      out.append(
          String.format(
              "Export runs.%s: every run of the template, %,d (the %,d filled and those the rows"
                  + " above made), first byte after %.0f ms, %,.0f rows/s (%.1f s)%n",
              format, rows, filled.count(), firstByte / 1e6, rows / seconds, seconds));
    }
    return out.toString().strip();
  }

  /** Times a fresh run-processor, with no local state, restoring every store. */
  private String restore(RundunSystem system, Filled filled) throws Exception {
    system.stopProcessor(0);
    long restoring = System.nanoTime();
    system.startProcessor("restored-from-changelog", 0);
    double restoreSeconds = (System.nanoTime() - restoring) / 1e9;
    return String.format(
        "State restore: %,d runs (filled in %.0f s): a fresh run-processor, with no local state, took"
            + " %.1f s from start to processing (joining the group, restoring every store)",
        filled.count(), filled.seconds(), restoreSeconds);
  }

  /** Waits until the run-processor has consumed everything on the run commands topic. */
  private static void awaitConsumed(String bootstrap) throws Exception {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    try (Admin admin = Admin.create(props)) {
      while (true) {
        Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> committed =
            admin
                .listConsumerGroupOffsets(Groups.RUN_PROCESSOR)
                .partitionsToOffsetAndMetadata()
                .get();
        Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
        committed.keySet().stream()
            .filter(tp -> tp.topic().equals(Topics.RUN_COMMANDS.name()))
            .forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        var ends = admin.listOffsets(latest).all().get();
        long lag =
            latest.keySet().stream()
                .mapToLong(tp -> ends.get(tp).offset() - committed.get(tp).offset())
                .sum();
        if (!latest.isEmpty() && lag <= latest.size()) {
          return;
        }
        Thread.sleep(1_000);
      }
    }
  }

  private void report(String restore) throws IOException {
    Row health = rows.stream().filter(r -> r.kind() == Kind.HTTP_CEILING).findFirst().orElseThrow();
    Row producer =
        rows.stream().filter(r -> r.kind() == Kind.PRODUCER_CEILING).findFirst().orElseThrow();
    StringBuilder table = new StringBuilder();
    table.append(
        String.format(
            "Rundun benchmark: %d cores, in-process KRaft broker, exactly-once, real HTTP%n%n",
            Runtime.getRuntime().availableProcessors()));
    table.append(
        "| what | operations | per second | p50 ms | p99 ms | vs /health | vs raw producer |\n");
    table.append("|---|---:|---:|---:|---:|---:|---:|\n");
    for (Row row : rows) {
      table.append(
          String.format(
              "| %s | %,d | %,.0f | %.1f | %.1f | %.0f%% | %.0f%% |%n",
              row.what(),
              row.operations(),
              row.perSecond(),
              row.percentile(0.50),
              row.percentile(0.99),
              100 * row.perSecond() / health.perSecond(),
              100 * row.perSecond() / producer.perSecond()));
    }
    table.append('\n').append(restore).append('\n');
    System.out.println();
    System.out.println(table);
    Files.createDirectories(OUTPUT);
    Files.writeString(OUTPUT.resolve("benchmark.md"), table.toString());
    Files.writeString(OUTPUT.resolve("benchmark.svg"), chart());
    System.out.println("Written: target/benchmark.md, target/benchmark.svg");
  }

  /** A horizontal bar chart of throughput, with p50 and p99 written beside each bar. */
  private String chart() {
    int width = 900;
    int bar = 28;
    int height = 60 + rows.size() * (bar + 12);
    double max = rows.stream().mapToDouble(Row::perSecond).max().orElse(1);
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"13\">%n",
            width, height));
    svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    svg.append(
        "<text x=\"10\" y=\"24\" font-size=\"16\" font-weight=\"bold\">Operations per second (p50 / p99 ms)</text>\n");
    int y = 44;
    for (Row row : rows) {
      int length = (int) (420 * row.perSecond() / max);
      String colour = row.kind() == Kind.MEASURED ? "#0a5c44" : "#9aa5a0";
      svg.append(String.format("<text x=\"10\" y=\"%d\">%s</text>%n", y + 18, escape(row.what())));
      svg.append(
          String.format(
              "<rect x=\"330\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>%n",
              y, Math.max(1, length), bar, colour));
      svg.append(
          String.format(
              "<text x=\"%d\" y=\"%d\">%,.0f/s  (%.1f / %.1f)</text>%n",
              336 + length, y + 18, row.perSecond(), row.percentile(0.5), row.percentile(0.99)));
      y += bar + 12;
    }
    return svg.append("</svg>\n").toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;");
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

  /** A created run and how long its POST took. */
  private record Created(String runId, long nanos) {}

  private Created createRun(String template) throws IOException, InterruptedException {
    return createRun(template, null);
  }

  private Created createRun(String template, String idempotencyKey)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        request("/v1/runs", key)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    Json.mapper()
                        .writeValueAsString(
                            Map.of("template_id", template, "executor_ref", "bench"))));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    Timed response = exchange(request);
    if (response.status() != 201) {
      throw new IllegalStateException("POST /v1/runs answered " + response.body());
    }
    return new Created(json(response.body()).get("run_id").asString(), response.nanos());
  }

  private String createRunWithWebhook(String template, String url)
      throws IOException, InterruptedException {
    Timed response =
        post(
            "/v1/runs",
            key,
            Map.of(
                "template_id",
                template,
                "webhook",
                Map.of("url", url, "secret", "whsec_abc123", "events", List.of("run.opened"))));
    if (response.status() != 201) {
      throw new IllegalStateException("POST /v1/runs answered " + response.body());
    }
    return json(response.body()).get("run_id").asString();
  }

  /** An account endpoint of the organisation for {@code run.opened}; returns its id. */
  private String createEndpoint(String url) throws IOException, InterruptedException {
    Timed response =
        post(
            "/v1/webhook_endpoints",
            key,
            Map.of("url", url, "secret", "whsec_abc123", "events", List.of("run.opened")));
    if (response.status() != 201) {
      throw new IllegalStateException("POST /v1/webhook_endpoints answered " + response.body());
    }
    return json(response.body()).get("id").asString();
  }

  private String templateId() throws IOException, InterruptedException {
    Map<String, Object> step = Map.of("id", "s-od01", "type", "number", "title", "Odometer");
    Timed created = post("/v1/templates", key, Map.of("name", "Bench", "steps", List.of(step)));
    if (created.status() != 201) {
      throw new IllegalStateException("POST /v1/templates answered " + created.body());
    }
    return json(created.body()).get("template_id").asString();
  }

  /** The time of a request that must succeed; any other answer stops the benchmark. */
  private static long timed(Timed result) {
    if (result.status() >= 300) {
      throw new IllegalStateException("Answered " + result.status());
    }
    return result.nanos();
  }

  /** An answer's status and how long it took. */
  private static final String PHONE = "benchmark-phone-0001";

  private record Timed(int status, long nanos, String body) {}

  private Timed get(String path, String bearer) throws IOException, InterruptedException {
    return exchange(request(path, bearer).GET());
  }

  private Timed put(String path, Object body) throws IOException, InterruptedException {
    return exchange(
        request(path, null)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(body))));
  }

  private Timed post(String path, String bearer, Object body)
      throws IOException, InterruptedException {
    return exchange(
        request(path, bearer)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(body))));
  }

  private Timed exchange(HttpRequest.Builder builder) throws IOException, InterruptedException {
    long start = System.nanoTime();
    HttpResponse<String> response =
        http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    return new Timed(response.statusCode(), System.nanoTime() - start, response.body());
  }

  private HttpRequest.Builder request(String path, String bearer) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
    if (bearer != null) {
      builder.header("Authorization", "Bearer " + bearer);
    }
    if (path.startsWith("/v1/executor/")) {
      // As the executor's app: the phone that opens a run holds it.
      builder.header("Rundun-Device", PHONE);
    }
    return builder;
  }

  private static JsonNode json(String body) {
    return Json.mapper().readTree(body);
  }
}
