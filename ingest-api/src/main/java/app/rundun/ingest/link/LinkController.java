package app.rundun.ingest.link;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.errors.PrefixedIds;
import app.rundun.contracts.json.Json;
import app.rundun.contracts.runs.RunId;
import app.rundun.contracts.runs.RunLookup;
import app.rundun.contracts.runs.RunPreview;
import app.rundun.contracts.templates.IdentityRequired;
import app.rundun.ingest.queries.Freshness;
import app.rundun.ingest.queries.ProcessorQueries;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /r/:run_id}: the link the executor gets. It serves the web app, which shows the preview
 * with the install prompt and lets the run be done right there; a run that cannot be done any more
 * gets a plain page that says why (410 once expired). With a native app configured, the association
 * files make the same link open the app.
 */
@RestController
@EnableConfigurationProperties(AppLinks.class)
class LinkController {

  private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC);

  private final ProcessorQueries queries;
  private final AppLinks appLinks;
  private final String shell = resource("link/shell.html");
  private final String notice = resource("link/notice.html");

  LinkController(ProcessorQueries queries, AppLinks appLinks) {
    this.queries = queries;
    this.appLinks = appLinks;
  }

  @GetMapping(path = "/r/{runId}", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> link(@PathVariable String runId, HttpServletResponse response) {
    RunLookup lookup;
    try {
      if (!PrefixedIds.isValid("r", runId)) {
        throw ApiException.notFound("run", runId);
      }
      lookup = queries.run(new RunId(runId), Freshness.MAY_LAG).shownOn(response);
    } catch (ApiException e) {
      return page(
          HttpStatus.valueOf(e.status()),
          e.status() == 404 ? "This link does not work" : "Please try again shortly",
          e.status() == 404
              ? "There is no checklist at this link. Check that you opened the whole link."
              : "Rundun cannot load this checklist right now. Try again in a minute.");
    }
    RunPreview preview = lookup.preview();
    return switch (preview.status()) {
      case EXPIRED ->
          page(
              HttpStatus.GONE,
              "This link has expired",
              "The checklist “"
                  + preview.templateName()
                  + "” could be done until "
                  + WHEN.format(preview.expiresAt())
                  + ". Ask whoever sent it for a new link.");
      case COMPLETED ->
          page(
              HttpStatus.OK,
              "This checklist is done",
              "“" + preview.templateName() + "” has been completed and sent. Thank you.");
      case CANCELLED ->
          page(
              HttpStatus.OK,
              "This checklist was cancelled",
              "“" + preview.templateName() + "” was cancelled and cannot be done any more.");
      case PENDING, IN_PROGRESS -> app(preview, lookup.executor().identityRequired());
    };
  }

  @GetMapping(
      path = "/.well-known/apple-app-site-association",
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> appleAppSiteAssociation() {
    if (!appLinks.hasApple()) {
      throw ApiException.notFound("app association", "apple");
    }
    List<Map<String, Object>> details =
        appLinks.appleAppIds().stream()
            .filter(id -> !id.isBlank())
            .map(id ->
                Map.<String, Object>of(
                    "appIDs", List.of(id), "components", List.of(Map.of("/", "/r/*"))))
            .toList();
    return ResponseEntity.ok(Map.of("applinks", Map.of("details", details)));
  }

  @GetMapping(path = "/.well-known/assetlinks.json", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<List<Map<String, Object>>> assetLinks() {
    if (!appLinks.hasAndroid()) {
      throw ApiException.notFound("app association", "android");
    }
    return ResponseEntity.ok(
        List.of(
            Map.of(
                "relation",
                List.of("delegate_permission/common.handle_all_urls"),
                "target",
                Map.of(
                    "namespace",
                    "android_app",
                    "package_name",
                    appLinks.androidPackage(),
                    "sha256_cert_fingerprints",
                    appLinks.androidSha256Fingerprints()))));
  }

  private ResponseEntity<String> app(RunPreview preview, IdentityRequired identity) {
    ObjectNode page = Json.mapper().valueToTree(preview);
    page.set("identity_required", Json.mapper().valueToTree(identity));
    // The preview goes in as JSON inside a script element: "<" is escaped so it cannot close it.
    String json = Json.mapper().writeValueAsString(page).replace("<", "\\u003c");
    String html =
        shell
            .replace("{{title}}", HtmlUtils.htmlEscape(preview.templateName()))
            .replace("{{preview}}", json);
    return ResponseEntity.ok().contentType(HTML).cacheControl(CacheControl.noCache()).body(html);
  }

  private ResponseEntity<String> page(HttpStatus status, String title, String message) {
    String html =
        notice
            .replace("{{title}}", HtmlUtils.htmlEscape(title))
            .replace("{{message}}", HtmlUtils.htmlEscape(message));
    return ResponseEntity.status(status)
        .contentType(HTML)
        .cacheControl(CacheControl.noStore())
        .body(html);
  }

  private static String resource(String path) {
    try (InputStream in = LinkController.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
