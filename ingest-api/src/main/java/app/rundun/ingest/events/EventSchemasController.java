package app.rundun.ingest.events;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.errors.ErrorCode;
import app.rundun.contracts.events.EventType;
import app.rundun.contracts.events.RunEvent;
import app.rundun.contracts.lists.ListPage;
import app.rundun.contracts.lists.Paging;
import app.rundun.ingest.IngestProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/event_types}, the catalogue (run events, then template events), and {@code GET
 * /schemas/events/:type/:version.json}, each type's JSON Schema as published in {@code docs/events}
 * (copied onto the classpath at build time, so the served document is the documented one). Schemas
 * are public, like the docs.
 */
@RestController
class EventSchemasController {

  private static final String SCHEMAS = "/event-schemas/";
  private static final MediaType SCHEMA_JSON = MediaType.parseMediaType("application/schema+json");

  private final String publicBaseUrl;

  EventSchemasController(IngestProperties properties) {
    this.publicBaseUrl = properties.publicBaseUrl();
  }

  static String path(EventType type) {
    return "/schemas/events/" + type.wire() + "/" + RunEvent.SCHEMA_VERSION + ".json";
  }

  @GetMapping(path = "/v1/event_types", produces = MediaType.APPLICATION_JSON_VALUE)
  ListPage<EventTypeResource> list(@RequestParam MultiValueMap<String, String> query) {
    Paging paging = Paging.readOnly(query);
    List<EventTypeResource> all =
        EventType.catalogue().stream()
            .map(type -> EventTypeResource.of(type, publicBaseUrl))
            .toList();
    return paging.page(all, EventTypeResource::type);
  }

  @GetMapping("/schemas/events/{type}/{version}.json")
  ResponseEntity<byte[]> schema(@PathVariable String type, @PathVariable String version) {
    EventType known =
        EventType.fromWire(type)
            .filter(found -> version.equals(RunEvent.SCHEMA_VERSION))
            .orElseThrow(() ->
                new ApiException(
                    ErrorCode.NOT_FOUND,
                    "No schema for event type " + type + " version " + version + ".",
                    null));
    String resource = SCHEMAS + known.wire() + "." + RunEvent.SCHEMA_VERSION + ".schema.json";
    try (InputStream in = EventSchemasController.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("The build did not package " + resource);
      }
      return ResponseEntity.ok()
          .contentType(SCHEMA_JSON)
          .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
          .body(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
