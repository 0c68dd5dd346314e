package app.rundun.ingest.exports;

import app.rundun.contracts.runs.AnswerResource;
import app.rundun.contracts.runs.ExecutorIdentity;
import app.rundun.contracts.runs.RunResource;
import app.rundun.contracts.templates.GeoRule;
import app.rundun.contracts.templates.Step;
import app.rundun.contracts.templates.TemplateResource;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import tools.jackson.databind.JsonNode;

/**
 * One row per run (RFC 4180): the run's own fields, then, for every step to answer in any version
 * of the template, its answer ({@code <step id>}), and where the step takes them its photo count
 * ({@code <step id>.photos}) and location ({@code .lat}, {@code .lng}, {@code .accuracy_m}). Steps
 * are identified by id across versions, in the order of the latest version, then steps only older
 * versions had; {@code template_v} says which version a row was answered under. A multi-choice
 * answer is its option ids joined with {@code ;}.
 */
final class CsvRows implements ExportRows {

  static final List<String> RUN_COLUMNS =
      List.of(
          "run_id",
          "status",
          "template_v",
          "executor_ref",
          "created_at",
          "completed_at",
          "expires_at",
          "updated_at",
          "executor_mode",
          "executor_name",
          "executor_email",
          "assigned_to",
          "cancelled_by",
          "cancellation_reason");

  private final CSVPrinter out;
  private final List<Step> steps;

  CsvRows(Writer out, List<TemplateResource> versionsNewestFirst) throws IOException {
    this.steps = stepsOf(versionsNewestFirst);
    this.out = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get());
    this.out.printRecord(header());
  }

  @Override
  public void row(RunResource run) throws IOException {
    ExecutorIdentity who = run.executorIdentity();
    List<Object> cells = new ArrayList<>();
    cells.add(run.runId().value());
    cells.add(run.status().wire());
    cells.add(run.templateV());
    cells.add(run.executorRef());
    cells.add(time(run.createdAt()));
    cells.add(time(run.completedAt()));
    cells.add(time(run.expiresAt()));
    cells.add(time(run.updatedAt()));
    cells.add(who == null ? null : who.mode());
    cells.add(who == null ? null : who.name());
    cells.add(who == null ? null : who.email());
    cells.add(run.assignedTo());
    cells.add(run.cancelledBy() == null ? null : run.cancelledBy().name().toLowerCase(Locale.ROOT));
    cells.add(run.cancellationReason());
    for (Step step : steps) {
      AnswerResource answer = run.answers().get(step.id());
      cells.add(answer == null ? null : value(answer.value()));
      if (step.photos().max() > 0) {
        cells.add(answer == null ? null : answer.photos().size());
      }
      if (step.geo() != GeoRule.OFF) {
        boolean located = answer != null && answer.geo() != null;
        cells.add(located ? answer.geo().lat() : null);
        cells.add(located ? answer.geo().lng() : null);
        cells.add(located ? answer.geo().accuracyM() : null);
      }
    }
    out.printRecord(cells);
  }

  @Override
  public void close() throws IOException {
    out.flush();
  }

  private List<String> header() {
    List<String> header = new ArrayList<>(RUN_COLUMNS);
    for (Step step : steps) {
      header.add(step.id());
      if (step.photos().max() > 0) {
        header.add(step.id() + ".photos");
      }
      if (step.geo() != GeoRule.OFF) {
        header.add(step.id() + ".lat");
        header.add(step.id() + ".lng");
        header.add(step.id() + ".accuracy_m");
      }
    }
    return header;
  }

  /** Every step to answer in any version, newest version's order first; an id is one column. */
  private static List<Step> stepsOf(List<TemplateResource> versionsNewestFirst) {
    Map<String, Step> byId = new LinkedHashMap<>();
    for (TemplateResource version : versionsNewestFirst) {
      for (Step step : version.steps()) {
        if (step.answerable()) {
          byId.putIfAbsent(step.id(), step);
        }
      }
    }
    return List.copyOf(byId.values());
  }

  private static String value(JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isArray()) {
      return value.valueStream().map(JsonNode::asString).collect(Collectors.joining(";"));
    }
    return value.asString();
  }

  private static String time(Instant at) {
    return at == null ? null : at.toString();
  }
}
