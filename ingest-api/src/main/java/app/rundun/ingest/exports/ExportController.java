package app.rundun.ingest.exports;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.lists.ListPage;
import app.rundun.contracts.lists.Paging;
import app.rundun.contracts.media.PhotoLinks;
import app.rundun.contracts.runs.RunListQuery;
import app.rundun.contracts.runs.RunResource;
import app.rundun.contracts.templates.TemplateId;
import app.rundun.contracts.templates.TemplateResource;
import app.rundun.ingest.auth.Caller;
import app.rundun.ingest.queries.ProcessorQueries;
import app.rundun.ingest.runs.ListRunsRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/templates/:id/runs.ndjson}, {@code .csv} and {@code .geojson}: every run of the
 * template in the key's organisation and mode, newest first, filtered like {@code GET /v1/runs}.
 * The runs are read a page at a time from the organisation's run list and each page is written and
 * flushed before the next is read: memory holds one page, and the first rows leave at once. Runs
 * created after the export starts are not in it (the walk starts at the newest run then).
 */
@RestController
class ExportController {

  private static final Set<String> NOT_FOR_EXPORTS =
      Set.of("limit", "starting_after", "ending_before", "template_id");

  private final ProcessorQueries queries;
  private final PhotoLinks photos;

  ExportController(ProcessorQueries queries, PhotoLinks photos) {
    this.queries = queries;
    this.photos = photos;
  }

  @GetMapping({
    "/v1/templates/{templateId}/runs.ndjson",
    "/v1/templates/{templateId}/runs.csv",
    "/v1/templates/{templateId}/runs.geojson"
  })
  void export(
      Caller caller,
      TemplateId templateId,
      @RequestParam MultiValueMap<String, String> query,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    String path = request.getRequestURI();
    ExportFormat format =
        ExportFormat.ofExtension(path.substring(path.lastIndexOf('.') + 1)).orElseThrow();
    for (String name : NOT_FOR_EXPORTS) {
      if (query.containsKey(name)) {
        throw ApiException.invalid(
            name, name + " does not apply to an export: it holds every run of the template.");
      }
    }
    RunListQuery filters = ListRunsRequest.parse(query);
    // Asked before the first byte: an unknown template is a 404, not an empty file.
    TemplateResource latest = queries.template(caller.orgId(), templateId, null).value();
    response.setContentType(format.contentType());
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION,
        "attachment; filename=\"runs-" + templateId.value() + "." + format.extension() + "\"");
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
    RunPages pages =
        after -> {
          ListPage<RunResource> page =
              queries
                  .runs(
                      caller.orgId(),
                      caller.mode(),
                      new RunListQuery(
                          new Paging(Paging.MAX_LIMIT, after, null),
                          filters.statuses(),
                          templateId,
                          filters.executorRef(),
                          filters.assignedTo(),
                          filters.created(),
                          filters.updated(),
                          filters.metadata()))
                  .value();
          return format == ExportFormat.NDJSON ? page.map(photos::mint) : page;
        };
    try (ExportRows rows = rows(format, out, latest, caller)) {
      pages.writeAll(rows, out);
    }
  }

  /** Every version of the template, newest first: the CSV has a column for each step of any. */
  private List<TemplateResource> versionsNewestFirst(Caller caller, TemplateResource latest) {
    List<TemplateResource> versions = new ArrayList<>(List.of(latest));
    for (int v = latest.version() - 1; v >= 1; v--) {
      versions.add(queries.template(caller.orgId(), latest.templateId(), v).value());
    }
    return versions;
  }

  /** The older versions are read only for the CSV, whose columns need them. */
  private ExportRows rows(ExportFormat format, Writer out, TemplateResource latest, Caller caller)
      throws IOException {
    return switch (format) {
      case NDJSON -> new NdjsonRows(out);
      case CSV -> new CsvRows(out, versionsNewestFirst(caller, latest));
      case GEOJSON -> new GeoJsonRows(out);
    };
  }
}
