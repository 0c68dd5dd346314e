package app.rundun.contracts.commands;

import app.rundun.contracts.errors.ApiError;
import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.json.Json;
import com.fasterxml.jackson.annotation.JsonIgnore;
import tools.jackson.databind.JsonNode;

/** The outcome of one command: a body to answer with, or an error. */
public record Reply(JsonNode body, ApiError error) {

  /** The header carrying the request's correlation id through every stage. */
  public static final String CORRELATION_HEADER = "kafka_correlationId";

  public static Reply ok(Object body) {
    return new Reply(Json.mapper().valueToTree(body), null);
  }

  public static Reply failed(ApiException e) {
    return new Reply(null, ApiError.of(e));
  }

  @JsonIgnore
  public boolean isOk() {
    return error == null;
  }
}
