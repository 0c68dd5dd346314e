package app.rundun.contracts.events;

import app.rundun.contracts.errors.PrefixedIds;
import app.rundun.contracts.json.Json;
import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.contracts.runs.RunResource;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A run event in CloudEvents 1.0 structured JSON. {@code data} is the run object of {@code GET
 * /v1/runs/:id}, plus {@code step_id} for a step event ({@code step.completed}, {@code
 * step.skipped}, {@code step.hidden}). The extensions {@code rundunorg} and {@code rundunmode} let
 * consumers route by organisation and separate test data.
 */
public record RunEvent(
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

  public static final String SPEC_VERSION = "1.0";
  public static final String SOURCE = "https://api.rundun.app/v1/runs";
  public static final String SCHEMA_BASE = "https://rundun.app/schemas/events/";
  public static final String SCHEMA_VERSION = "v1";

  /**
   * The event of {@code type} about {@code run}; {@code stepId} names the step of a step event and
   * is null otherwise.
   */
  public static RunEvent of(
      RunEventType type, RunResource run, String stepId, OrgId org, Mode mode, Instant time) {
    ObjectNode data = Json.mapper().valueToTree(run);
    if (stepId != null) {
      data.put("step_id", stepId);
    }
    return new RunEvent(
        SPEC_VERSION,
        PrefixedIds.mint("e"),
        SOURCE,
        type.wire(),
        run.runId().value(),
        time,
        "application/json",
        type.schemaUrl(),
        org.value(),
        mode.wire(),
        data);
  }
}
