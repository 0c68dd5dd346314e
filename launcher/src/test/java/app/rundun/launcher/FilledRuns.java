package app.rundun.launcher;

import app.rundun.contracts.json.Json;
import app.rundun.contracts.kafka.Groups;
import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.contracts.runs.RunId;
import app.rundun.contracts.templates.TemplateResource;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The organisation filled with {@code RUNDUN_BENCH_RESTORE_RUNS} (1,000,000) runs straight onto the
 * run commands: how many, how long it took, and one run 100,000 from the newest (for a deep page).
 * What the benchmark measures on them: exports, and a fresh processor's restore.
 */
record FilledRuns(int count, double seconds, String deepRun) {

  /** Fills, and waits until the processor has digested it all and the list shows the deep run. */
  static FilledRuns fill(RundunSystem system, Api api, OrgId org, String templateId)
      throws Exception {
    int count =
        Integer.parseInt(System.getenv().getOrDefault("RUNDUN_BENCH_RESTORE_RUNS", "1000000"));
    int deep = Math.max(0, count - 100_000 - 1);
    String deepRun = null;
    TemplateResource template =
        Json.mapper()
            .readValue(api.get("/v1/templates/" + templateId).body(), TemplateResource.class);
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
    while (api.get("/v1/runs?limit=1&starting_after=" + deepRun).status() != 200) {
      Thread.sleep(200);
    }
    return new FilledRuns(count, (System.nanoTime() - filling) / 1e9, deepRun);
  }

  /**
   * Streams every run of the filled template as CSV and as NDJSON: the time to the first byte and
   * the rows a second of the whole export.
   */
  String exports(Api api, String templateId) throws Exception {
    StringBuilder out = new StringBuilder();
    for (String format : List.of("csv", "ndjson")) {
      long start = System.nanoTime();
      HttpResponse<InputStream> response =
          api.stream("/v1/templates/" + templateId + "/runs." + format);
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
      double took = (System.nanoTime() - start) / 1e9;
      long rows = format.equals("csv") ? lines - 1 : lines;
      out.append(
          String.format(
              "Export runs.%s: every run of the template, %,d (the %,d filled and those the rows"
                  + " above made), first byte after %.0f ms, %,.0f rows/s (%.1f s)%n",
              format, rows, count, firstByte / 1e6, rows / took, took));
    }
    return out.toString().strip();
  }

  /** Times a fresh run-processor, with no local state, restoring every store. */
  String restore(RundunSystem system) {
    system.stopProcessor(0);
    long restoring = System.nanoTime();
    system.startProcessor("restored-from-changelog", 0);
    double restoreSeconds = (System.nanoTime() - restoring) / 1e9;
    return String.format(
        "State restore: %,d runs (filled in %.0f s): a fresh run-processor, with no local state, took"
            + " %.1f s from start to processing (joining the group, restoring every store)",
        count, seconds, restoreSeconds);
  }

  /**
   * Waits until the run-processor has consumed everything it reads: the run commands, and what they
   * led to on its own repartition topics (the run list, the event log, the statistics), so the rows
   * measured next do not share the processor with the fill's backlog.
   */
  private static void awaitConsumed(String bootstrap) throws Exception {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    try (Admin admin = Admin.create(props)) {
      while (true) {
        Map<TopicPartition, OffsetAndMetadata> committed =
            admin
                .listConsumerGroupOffsets(Groups.RUN_PROCESSOR)
                .partitionsToOffsetAndMetadata()
                .get();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        var ends = admin.listOffsets(latest).all().get();
        long lag =
            latest.keySet().stream()
                .mapToLong(tp -> ends.get(tp).offset() - committed.get(tp).offset())
                .sum();
        // A transaction's marker is one offset no consumer is ever given: one per partition.
        if (!latest.isEmpty() && lag <= latest.size()) {
          return;
        }
        Thread.sleep(1_000);
      }
    }
  }
}
