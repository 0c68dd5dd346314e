package app.rundun.ingest.templates;

import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.stats.TemplateStats;
import app.rundun.contracts.templates.TemplateId;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The answer of {@code GET /v1/templates/:id/stats}: each version that has runs, newest first, with
 * its total and its days (oldest first), each period the record of {@code rundun.template-stats}.
 */
@JsonPropertyOrder({"object", "template_id", "livemode", "versions"})
record TemplateStatsResource(
    String object, TemplateId templateId, boolean livemode, List<Version> versions) {

  /** One version: its total, and the days since the first day asked for that had any runs. */
  record Version(int version, TemplateStats total, List<TemplateStats> days) {}

  static TemplateStatsResource of(
      TemplateId template, Mode mode, List<TemplateStats> periods, Integer only, LocalDate from) {
    Map<Integer, List<TemplateStats>> byVersion = new TreeMap<>(Comparator.reverseOrder());
    for (TemplateStats period : periods) {
      if (only == null || only == period.templateV()) {
        byVersion.computeIfAbsent(period.templateV(), v -> new ArrayList<>()).add(period);
      }
    }
    List<Version> versions = new ArrayList<>();
    byVersion.forEach((version, kept) -> {
      TemplateStats total =
          kept.stream()
              .filter(p -> p.period().equals(TemplateStats.TOTAL))
              .findFirst()
              .orElse(null);
      List<TemplateStats> days =
          kept.stream()
              .filter(p -> !p.period().equals(TemplateStats.TOTAL))
              .filter(p -> !LocalDate.parse(p.period()).isBefore(from))
              .sorted(Comparator.comparing(TemplateStats::period))
              .toList();
      versions.add(new Version(version, total, days));
    });
    return new TemplateStatsResource("template_stats", template, mode == Mode.LIVE, versions);
  }
}
