package app.rundun.contracts.stats;

import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.contracts.templates.TemplateId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one template version's runs of one mode came to in one period: a UTC day, or in total. The
 * value of {@code rundun.template-stats} (compacted, key {@link #key()}) and of each period in
 * {@code GET /v1/templates/:id/stats}. Immutable: {@link #count} returns the next state.
 *
 * @param period {@code total}, or a UTC day as {@code 2026-12-02}
 * @param completionRate completed runs among the finished ones (completed, cancelled, expired);
 *     null while none has finished
 * @param completionSeconds seconds from dispatch to completion of each completed run
 * @param steps by step id, in the order steps were first counted
 */
public record TemplateStats(
    TemplateId templateId,
    int templateV,
    OrgId orgId,
    Mode mode,
    String period,
    RunCounts runs,
    Double completionRate,
    NumberSummary completionSeconds,
    Map<String, StepStats> steps,
    Instant updatedAt) {

  public static final String TOTAL = "total";

  public TemplateStats {
    Objects.requireNonNull(templateId, "templateId");
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(period, "period");
    steps = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(steps));
  }

  /** Nothing counted yet for the version of {@code fact}, in {@code period}. */
  public static TemplateStats empty(RunFact fact, String period) {
    return new TemplateStats(
        fact.templateId(),
        fact.templateV(),
        fact.orgId(),
        fact.mode(),
        period,
        RunCounts.NONE,
        null,
        NumberSummary.NONE,
        Map.of(),
        null);
  }

  /** The UTC day {@code at} falls on, as a period. */
  public static String day(Instant at) {
    return LocalDate.ofInstant(at, ZoneOffset.UTC).toString();
  }

  /** {@code {template}/{mode}/v{version:06d}/{period}}: a template's keys sort by version. */
  public String key() {
    return prefix(templateId, mode) + String.format("v%06d/%s", templateV, period);
  }

  /** Where all of a template's statistics of one mode start, among the keys. */
  public static String prefix(TemplateId templateId, Mode mode) {
    return templateId.value() + "/" + mode.wire() + "/";
  }

  /** These statistics with {@code fact} counted, as of {@code now}. */
  public TemplateStats count(RunFact fact, Instant now) {
    RunCounts nextRuns = runs.plus(fact.kind());
    NumberSummary nextTimes = completionSeconds;
    Map<String, StepStats> nextSteps = new LinkedHashMap<>(steps);
    if (fact.kind() == RunFact.Kind.COMPLETED) {
      double seconds = Duration.between(fact.dispatchedAt(), fact.at()).toMillis() / 1000.0;
      nextTimes = completionSeconds.plus(Math.max(0, seconds));
      for (RunFact.StepFact step : fact.steps()) {
        nextSteps.put(
            step.stepId(), nextSteps.getOrDefault(step.stepId(), StepStats.NONE).plus(step));
      }
    }
    return new TemplateStats(
        templateId,
        templateV,
        orgId,
        mode,
        period,
        nextRuns,
        nextRuns.completionRate(),
        nextTimes,
        nextSteps,
        now);
  }

  /** How many runs were dispatched, opened, completed, cancelled and expired. */
  public record RunCounts(
      long dispatched, long opened, long completed, long cancelled, long expired) {

    public static final RunCounts NONE = new RunCounts(0, 0, 0, 0, 0);

    RunCounts plus(RunFact.Kind kind) {
      return switch (kind) {
        case DISPATCHED -> new RunCounts(dispatched + 1, opened, completed, cancelled, expired);
        case OPENED -> new RunCounts(dispatched, opened + 1, completed, cancelled, expired);
        case COMPLETED -> new RunCounts(dispatched, opened, completed + 1, cancelled, expired);
        case CANCELLED -> new RunCounts(dispatched, opened, completed, cancelled + 1, expired);
        case EXPIRED -> new RunCounts(dispatched, opened, completed, cancelled, expired + 1);
      };
    }

    Double completionRate() {
      long finished = completed + cancelled + expired;
      return finished == 0 ? null : (double) completed / finished;
    }
  }
}
