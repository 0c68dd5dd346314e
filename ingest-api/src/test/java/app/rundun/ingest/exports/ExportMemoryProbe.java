package app.rundun.ingest.exports;

import app.rundun.contracts.json.Json;
import app.rundun.contracts.lists.ListPage;
import app.rundun.contracts.runs.RunResource;
import app.rundun.contracts.templates.TemplateResource;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;

/**
 * Exports {@code args[1]} runs as {@code args[0]} (ndjson, csv, geojson) to nothing, in a JVM of
 * its own started with a small heap by {@link RunExportMemoryTest}; prints rows, bytes and the
 * heap's peak. The runs are made a page at a time, as the run list answers them.
 */
public final class ExportMemoryProbe {

  private ExportMemoryProbe() {}

  public static void main(String[] args) throws Exception {
    ExportFormat format = ExportFormat.ofExtension(args[0]).orElseThrow();
    int total = Integer.parseInt(args[1]);
    CountingWriter out = new CountingWriter();
    RunPages pages = after -> page(after == null ? 0 : index(after) + 1, total);
    TemplateResource template = Json.mapper().readValue(TEMPLATE, TemplateResource.class);
    try (ExportRows rows =
        switch (format) {
          case NDJSON -> new NdjsonRows(out);
          case CSV -> new CsvRows(out, List.of(template));
          case GEOJSON -> new GeoJsonRows(out);
        }) {
      pages.writeAll(rows, out);
    }
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.println("bytes=" + out.count + " heap-peak-bytes=" + peak);
  }

  private static final String TEMPLATE =
      """
      {"template_id": "t-00000000-0000-4000-8000-000000000001", "version": 1, "name": "Check",
       "created_at": "2026-12-01T08:00:00Z", "execution": {"identity_required": "none"},
       "steps": [{"id": "s-od01", "type": "number", "title": "Odometer"},
                 {"id": "s-site", "type": "text", "title": "Site", "geo": "optional"}]}
      """;

  private static ListPage<RunResource> page(int from, int total) {
    List<RunResource> runs = new ArrayList<>();
    for (int i = from; i < Math.min(total, from + 100); i++) {
      runs.add(run(i));
    }
    return new ListPage<>(runs, from + 100 < total);
  }

  private static int index(String runId) {
    return Integer.parseInt(runId.substring(runId.length() - 12));
  }

  private static RunResource run(int i) {
    String id = String.format("r-00000000-0000-4000-8000-%012d", i);
    return Json.mapper()
        .readValue(
            ("{\"run_id\": \"%s\", \"status\": \"completed\","
                    + " \"template_id\": \"t-00000000-0000-4000-8000-000000000001\","
                    + " \"template_v\": 1, \"executor_ref\": \"booking-%d\","
                    + " \"created_at\": \"2026-12-02T07:00:00Z\","
                    + " \"completed_at\": \"2026-12-02T08:00:00Z\", \"expires_at\": null,"
                    + " \"assigned_to\": null, \"executor_identity\": {\"mode\": \"anonymous\"},"
                    + " \"progress\": {\"total\": 2, \"answered\": 2, \"skipped\": 0},"
                    + " \"answers\": {\"s-od01\": {\"value\": %d, \"photos\": [], \"geo\": null,"
                    + " \"at\": \"2026-12-02T08:00:00Z\", \"by\": null}, \"s-site\": {\"value\":"
                    + " \"Depot %d\", \"photos\": [], \"geo\": {\"lat\": 51.5, \"lng\": -0.12,"
                    + " \"accuracy_m\": 5}, \"at\": \"2026-12-02T08:00:00Z\", \"by\": null}},"
                    + " \"skipped_steps\": [], \"hidden_steps\": [], \"metadata\": {},"
                    + " \"updated_at\": \"2026-12-02T08:00:00Z\", \"cancelled_by\": null,"
                    + " \"cancellation_reason\": null}")
                .formatted(id, i, 40000 + i, i),
            RunResource.class);
  }

  /** Counts what is written and keeps none of it. */
  private static final class CountingWriter extends Writer {
    private long count;

    @Override
    public void write(char[] chars, int offset, int length) {
      count += length;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
