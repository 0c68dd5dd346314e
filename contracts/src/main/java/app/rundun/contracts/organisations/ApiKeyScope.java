package app.rundun.contracts.organisations;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a restricted API key may do. A key without scopes has them all and may also manage the
 * organisation's keys; a restricted key may do only what its scopes name and never manage keys.
 */
public enum ApiKeyScope {
  /** Every GET of the API. */
  RUNS_READ("runs:read"),
  /** Dispatch, change and cancel runs. */
  RUNS_WRITE("runs:write"),
  /** Create and change templates. */
  TEMPLATES_WRITE("templates:write"),
  /** Redeliver webhook events; create, change, rotate and delete webhook endpoints. */
  WEBHOOKS_WRITE("webhooks:write"),
  /** Invite and deactivate members. */
  MEMBERS_WRITE("members:write");

  private final String wire;

  ApiKeyScope(String wire) {
    this.wire = wire;
  }

  @JsonValue
  public String wire() {
    return wire;
  }

  @JsonCreator
  public static ApiKeyScope fromJson(String name) {
    return fromWire(name).orElseThrow(() -> new IllegalArgumentException("Unknown scope: " + name));
  }

  public static Optional<ApiKeyScope> fromWire(String name) {
    return Arrays.stream(values()).filter(scope -> scope.wire.equals(name)).findFirst();
  }

  public static List<String> wireNames() {
    return Arrays.stream(values()).map(ApiKeyScope::wire).toList();
  }
}
