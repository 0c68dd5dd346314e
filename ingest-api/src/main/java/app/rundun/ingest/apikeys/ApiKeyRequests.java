package app.rundun.ingest.apikeys;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.organisations.ApiKeyScope;
import app.rundun.contracts.organisations.Mode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** The bodies of {@code /v1/api_keys}, each checked where it is made. */
final class ApiKeyRequests {

  static final Duration DEFAULT_OVERLAP = Duration.ofHours(24);
  static final Duration MAX_OVERLAP = Duration.ofDays(7);

  private ApiKeyRequests() {}

  /** {@code POST /v1/api_keys}: {@code scopes} absent for a key without restrictions. */
  record CreateApiKey(String name, String mode, List<String> scopes) {

    String requiredName() {
      if (name == null || name.isBlank() || name.length() > 200) {
        throw ApiException.invalid("name", "A key needs a name of 1 to 200 characters.");
      }
      return name.strip();
    }

    /** A key makes keys of its own mode only: a test key cannot mint a live one. */
    Mode modeFor(Mode caller) {
      if (mode == null) {
        return caller;
      }
      Mode wanted =
          switch (mode) {
            case "live" -> Mode.LIVE;
            case "test" -> Mode.TEST;
            default -> throw ApiException.invalid("mode", "mode is live or test.");
          };
      if (wanted != caller) {
        throw ApiException.invalid(
            "mode", "A " + caller.name().toLowerCase() + " key makes keys of its own mode only.");
      }
      return wanted;
    }

    /** Null for a key without restrictions; else at least one known scope, each once. */
    List<ApiKeyScope> validScopes() {
      if (scopes == null) {
        return null;
      }
      if (scopes.isEmpty()) {
        throw ApiException.invalid(
            "scopes",
            "Name at least one scope, or leave scopes out for a key without restrictions.");
      }
      LinkedHashSet<ApiKeyScope> valid = new LinkedHashSet<>();
      for (int i = 0; i < scopes.size(); i++) {
        String scope = scopes.get(i);
        int index = i;
        valid.add(
            ApiKeyScope.fromWire(scope)
                .orElseThrow(() ->
                    ApiException.invalid(
                        "scopes[" + index + "]",
                        "Unknown scope: " + scope + ". Scopes: " + ApiKeyScope.wireNames() + ".")));
      }
      return new ArrayList<>(valid);
    }
  }

  /** {@code POST /v1/api_keys/:id/roll}: how long the old key keeps working (24 h by default). */
  record RollApiKey(Long expiresInSeconds) {

    Duration overlap() {
      if (expiresInSeconds == null) {
        return DEFAULT_OVERLAP;
      }
      if (expiresInSeconds < 0 || expiresInSeconds > MAX_OVERLAP.toSeconds()) {
        throw ApiException.invalid(
            "expires_in_seconds",
            "expires_in_seconds is 0 (at once) to " + MAX_OVERLAP.toSeconds() + " (7 days).");
      }
      return Duration.ofSeconds(expiresInSeconds);
    }
  }
}
