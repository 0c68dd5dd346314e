package app.rundun.ingest.reports;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.errors.ErrorCode;
import app.rundun.contracts.media.MediaUrlSigner;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.contracts.runs.RunId;
import app.rundun.contracts.runs.RunLookup;
import app.rundun.contracts.runs.RunResource;
import app.rundun.contracts.runs.RunStatus;
import app.rundun.contracts.templates.TemplateResource;
import app.rundun.ingest.IngestProperties;
import app.rundun.ingest.auth.Caller;
import app.rundun.ingest.media.Photos;
import app.rundun.ingest.queries.Freshness;
import app.rundun.ingest.queries.ProcessorQueries;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/runs/:id/report.pdf}, the signed report of a run, with the API key; {@code POST
 * /v1/runs/:id/report_link}, a link to it for a completed run that anyone holding it may open until
 * it expires, for the integrator to forward to a customer or an insurer.
 */
@RestController
@EnableConfigurationProperties(ReportProperties.class)
class ReportController {

  private final ProcessorQueries queries;
  private final RunReport report;
  private final MediaUrlSigner links;
  private final ReportProperties properties;
  private final Clock clock;

  ReportController(
      ProcessorQueries queries,
      Photos photos,
      IngestProperties ingest,
      ReportProperties properties,
      Clock clock) {
    this.queries = queries;
    this.report =
        new RunReport(ReportSigner.from(properties, clock), new ReportPhotos(photos::bytes), clock);
    // Signed with the media secret, like photo links, for as long as a report link lives.
    this.links =
        new MediaUrlSigner(
            ingest.publicBaseUrl(), ingest.mediaSigningSecret(), properties.linkTtl(), clock);
    this.properties = properties;
    this.clock = clock;
  }

  @GetMapping("/v1/runs/{runId}/report.pdf")
  void report(Caller caller, RunId runId, HttpServletResponse response) throws IOException {
    RunResource run =
        queries.ownedRun(caller.orgId(), caller.mode(), runId, Freshness.CURRENT).value().run();
    write(run, caller.orgId(), response);
  }

  @PostMapping("/v1/runs/{runId}/report_link")
  ReportLink link(Caller caller, RunId runId) {
    RunResource run =
        queries.ownedRun(caller.orgId(), caller.mode(), runId, Freshness.CURRENT).value().run();
    if (run.status() != RunStatus.COMPLETED) {
      throw ApiException.conflict(
          "Run "
              + runId
              + " is "
              + run.status().wire()
              + "; a report link is made for a completed run. GET /v1/runs/"
              + runId
              + "/report.pdf reports it as it is now.");
    }
    return new ReportLink(
        run.runId(),
        links.sign(objectKey(run.runId())),
        clock.instant().plus(properties.linkTtl()));
  }

  @GetMapping("/media/reports/{runId}.pdf")
  void linked(
      RunId runId,
      @RequestParam(required = false) Long expires,
      @RequestParam(required = false) String signature,
      HttpServletResponse response)
      throws IOException {
    if (expires == null
        || signature == null
        || !links.verify(objectKey(runId), expires, signature)) {
      throw new ApiException(
          ErrorCode.FORBIDDEN, "This report link is not valid or has expired.", null);
    }
    RunLookup lookup = queries.run(runId, Freshness.CURRENT).value();
    write(lookup.run(), lookup.orgId(), response);
  }

  private void write(RunResource run, OrgId org, HttpServletResponse response) throws IOException {
    TemplateResource version = queries.template(org, run.templateId(), run.templateV()).value();
    response.setContentType("application/pdf");
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION,
        "inline; filename=\"report-" + run.runId().value() + ".pdf\"");
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    report.write(run, version, response.getOutputStream());
  }

  private static String objectKey(RunId run) {
    return "reports/" + run.value() + ".pdf";
  }

  /** A link to a run's report that needs no key, until {@code expires_at}. */
  record ReportLink(String object, RunId runId, String url, Instant expiresAt) {
    ReportLink(RunId runId, String url, Instant expiresAt) {
      this("report_link", runId, url, expiresAt);
    }
  }
}
