package app.rundun.ingest.templates;

import app.rundun.contracts.stats.TemplateStats;
import app.rundun.contracts.templates.TemplateId;
import app.rundun.ingest.auth.Caller;
import app.rundun.ingest.queries.ProcessorQueries;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/templates/:id/stats}: the template's live statistics of the key's mode, per
 * version, in total and for each of the last {@code days} UTC days, read from the run-processor
 * owning the template.
 */
@RestController
class TemplateStatsController {

  private final ProcessorQueries queries;
  private final Clock clock;

  TemplateStatsController(ProcessorQueries queries, Clock clock) {
    this.queries = queries;
    this.clock = clock;
  }

  @GetMapping(
      path = "/v1/templates/{templateId}/stats",
      produces = MediaType.APPLICATION_JSON_VALUE)
  TemplateStatsResource stats(
      Caller caller,
      TemplateId templateId,
      @RequestParam MultiValueMap<String, String> query,
      HttpServletResponse response) {
    StatsRequest request = StatsRequest.parse(query);
    queries.template(caller.orgId(), templateId, null);
    List<TemplateStats> periods =
        queries.templateStats(caller.orgId(), caller.mode(), templateId).shownOn(response);
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    return TemplateStatsResource.of(
        templateId, caller.mode(), periods, request.version(), today.minusDays(request.days() - 1));
  }
}
