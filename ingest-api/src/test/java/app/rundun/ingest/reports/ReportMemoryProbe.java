package app.rundun.ingest.reports;

import app.rundun.contracts.json.Json;
import app.rundun.contracts.runs.RunResource;
import app.rundun.contracts.templates.TemplateResource;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes the report of a run with 50 camera photos, in a JVM of its own started with a small heap
 * by {@link RunReportMemoryTest}: {@code main(photo file, report file)}; prints the heap's peak.
 */
public final class ReportMemoryProbe {

  static final int STEPS = 5;
  static final int PHOTOS_PER_STEP = 10;

  private ReportMemoryProbe() {}

  public static void main(String[] args) throws Exception {
    byte[] photo = Files.readAllBytes(Path.of(args[0]));
    Clock clock = Clock.systemUTC();
    RunReport report =
        new RunReport(
            ReportSigner.from(new ReportProperties(null, null, Duration.ofHours(1)), clock),
            new ReportPhotos((run, step, id) -> Optional.of(photo)),
            clock);
    try (OutputStream out = Files.newOutputStream(Path.of(args[1]))) {
      report.write(run(), template(), out);
    }
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.println("heap-peak-bytes=" + peak);
  }

  private static TemplateResource template() {
    List<String> steps = new ArrayList<>();
    for (int s = 1; s <= STEPS; s++) {
      steps.add(
          "{\"id\": \"s-ph"
              + s
              + "\", \"type\": \"photo\", \"title\": \"Side "
              + s
              + "\", \"photos\": {\"min\": 1, \"max\": 10}}");
    }
    return Json.mapper()
        .readValue(
            "{\"template_id\": \"t-00000000-0000-4000-8000-000000000001\", \"version\": 1,"
                + " \"name\": \"Hull inspection\", \"created_at\": \"2026-12-01T08:00:00Z\","
                + " \"execution\": {\"identity_required\": \"none\"}, \"steps\": ["
                + String.join(",", steps)
                + "]}",
            TemplateResource.class);
  }

  private static RunResource run() {
    List<String> answers = new ArrayList<>();
    for (int s = 1; s <= STEPS; s++) {
      List<String> photos = new ArrayList<>();
      for (int p = 0; p < PHOTOS_PER_STEP; p++) {
        String sha = String.format("%064x", s * 100 + p);
        photos.add(
            "{\"photo_index\": "
                + p
                + ", \"photo_id\": \""
                + sha
                + ".jpg\", \"sha256\": \""
                + sha
                + "\", \"content_type\": \"image/jpeg\", \"path\": \"/p\"}");
      }
      answers.add(
          "\"s-ph"
              + s
              + "\": {\"value\": null, \"photos\": ["
              + String.join(",", photos)
              + "], \"geo\": null, \"at\": \"2026-12-02T08:00:00Z\", \"by\": null,"
              + " \"prefilled\": false, \"locked\": false}");
    }
    return Json.mapper()
        .readValue(
            "{\"run_id\": \"r-00000000-0000-4000-8000-000000000001\", \"status\": \"completed\","
                + " \"template_id\": \"t-00000000-0000-4000-8000-000000000001\", \"template_v\": 1,"
                + " \"executor_ref\": null, \"created_at\": \"2026-12-02T07:00:00Z\","
                + " \"completed_at\": \"2026-12-02T08:00:00Z\", \"expires_at\": null,"
                + " \"assigned_to\": null, \"executor_identity\": {\"mode\": \"anonymous\"},"
                + " \"progress\": {\"total\": 5, \"answered\": 5, \"skipped\": 0}, \"answers\": {"
                + String.join(",", answers)
                + "}, \"skipped_steps\": [], \"hidden_steps\": [], \"metadata\": {},"
                + " \"updated_at\": \"2026-12-02T08:00:00Z\", \"cancelled_by\": null,"
                + " \"cancellation_reason\": null}",
            RunResource.class);
  }
}
