package app.rundun.ingest.runs;

import app.rundun.contracts.commands.RunCommand;
import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.runs.Metadata;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code PATCH /v1/runs/:id}, read from the JSON tree because a field left out (left as
 * it is) and a field sent as null differ here: {@code "expires_at": null} removes the expiry.
 * {@code "executor_ref": ""} removes the reference, and a metadata key given {@code ""} is removed.
 */
final class UpdateRunRequest {

  private static final Set<String> FIELDS = Set.of("expires_at", "executor_ref", "metadata");

  private UpdateRunRequest() {}

  static RunCommand.RunChanges parse(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw ApiException.invalid(null, "The body must be a JSON object.");
    }
    for (String name : body.propertyNames()) {
      if (!FIELDS.contains(name)) {
        throw ApiException.invalid(name, "Unknown parameter: " + name + ".");
      }
    }
    return new RunCommand.RunChanges(
        expiry(body.get("expires_at")), executorRef(body.get("executor_ref")), metadata(body));
  }

  private static RunCommand.Expiry expiry(JsonNode value) {
    if (value == null) {
      return null;
    }
    if (value.isNull()) {
      return new RunCommand.Expiry(null);
    }
    try {
      if (value.isString()) {
        return new RunCommand.Expiry(
            Instant.parse(value.asString()).truncatedTo(ChronoUnit.SECONDS));
      }
    } catch (DateTimeParseException e) {
      // Answered below, like any other value that is not a time.
    }
    throw ApiException.invalid(
        "expires_at", "expires_at is an ISO 8601 time (2026-05-22T08:31:00Z), or null for none.");
  }

  private static String executorRef(JsonNode value) {
    if (value == null) {
      return null;
    }
    if (!value.isString()) {
      throw ApiException.invalid(
          "executor_ref", "executor_ref is a string; an empty string removes it.");
    }
    return value.asString();
  }

  private static Map<String, String> metadata(JsonNode body) {
    JsonNode value = body.get("metadata");
    if (value == null) {
      return null;
    }
    if (!value.isObject()) {
      throw ApiException.invalid("metadata", "metadata is an object of strings.");
    }
    Map<String, String> changes = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : value.properties()) {
      if (!entry.getValue().isString()) {
        throw ApiException.invalid(
            "metadata[" + entry.getKey() + "]",
            "A metadata value is a string; send an empty string to remove a key.");
      }
      changes.put(entry.getKey(), entry.getValue().asString());
    }
    Metadata.checkChanges(changes);
    return changes;
  }
}
