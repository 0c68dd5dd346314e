package app.rundun.contracts.events;

import app.rundun.contracts.errors.PrefixedIds;
import app.rundun.contracts.json.Json;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.contracts.templates.TemplateResource;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * A template event in CloudEvents 1.0 structured JSON, keyed by template id on {@code
 * rundun.template-events}: {@code data} is the template version as {@code GET /v1/templates/:id}
 * shows it. The extension {@code rundunorg} names the organisation; templates have no mode.
 */
public record TemplateEvent(
    String specversion,
    String id,
    String source,
    String type,
    String subject,
    Instant time,
    String datacontenttype,
    String dataschema,
    String rundunorg,
    JsonNode data) {

  public static final String SOURCE = "https://api.rundun.app/v1/templates";

  public static TemplateEvent of(
      TemplateEventType type, TemplateResource version, OrgId org, Instant time) {
    return new TemplateEvent(
        RunEvent.SPEC_VERSION,
        PrefixedIds.mint("e"),
        SOURCE,
        type.wire(),
        version.templateId().value(),
        time,
        "application/json",
        type.schemaUrl(),
        org.value(),
        Json.mapper().valueToTree(version));
  }
}
