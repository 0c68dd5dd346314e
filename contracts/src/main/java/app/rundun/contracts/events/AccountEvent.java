package app.rundun.contracts.events;

import app.rundun.contracts.errors.PrefixedIds;
import app.rundun.contracts.json.Json;
import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * An event about the organisation's account in CloudEvents 1.0 structured JSON, keyed by org id on
 * {@code rundun.account-events}. {@code subject} names what it is about (an endpoint id); {@code
 * rundunmode} its mode.
 */
public record AccountEvent(
    String specversion,
    String id,
    String source,
    String type,
    String subject,
    Instant time,
    String datacontenttype,
    String dataschema,
    String rundunorg,
    String rundunmode,
    JsonNode data) {

  public static final String SOURCE = "https://api.rundun.app/v1/webhook_endpoints";

  /** An event of the type about {@code subject} (e.g. an endpoint id); data is it as shown. */
  public static AccountEvent of(
      AccountEventType type, String subject, OrgId org, Mode mode, Object data, Instant time) {
    return new AccountEvent(
        RunEvent.SPEC_VERSION,
        PrefixedIds.mint("e"),
        SOURCE,
        type.wire(),
        subject,
        time,
        "application/json",
        type.schemaUrl(),
        org.value(),
        mode.wire(),
        Json.mapper().valueToTree(data));
  }
}
