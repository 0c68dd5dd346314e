package app.rundun.ingest.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rundun.contracts.commands.RunCommand;
import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.json.Json;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code PATCH /v1/runs/:id}: a field left out stays, null removes the expiry, bad input is 400.
 */
class UpdateRunRequestTest {

  @Test
  void aFieldLeftOutIsLeftAsItIsAndNullRemovesTheExpiry() {
    RunCommand.RunChanges onlyReference = parse("{\"executor_ref\":\"booking-7\"}");
    assertThat(onlyReference).isEqualTo(new RunCommand.RunChanges(null, "booking-7", null));

    RunCommand.RunChanges noExpiry = parse("{\"expires_at\":null}");
    assertThat(noExpiry.expiry()).isEqualTo(new RunCommand.Expiry(null));
  }

  @Test
  void anExpiryIsReadToTheSecondAndMetadataKeepsItsOrder() {
    RunCommand.RunChanges changes =
        parse(
            "{\"expires_at\":\"2026-12-24T18:00:00.750Z\",\"metadata\":{\"b\":\"2\",\"a\":\"\"}}");

    assertThat(changes.expiry().at()).isEqualTo(Instant.parse("2026-12-24T18:00:00Z"));
    assertThat(changes.metadata()).containsExactly(Map.entry("b", "2"), Map.entry("a", ""));
  }

  @Test
  void eachBadFieldIsNamedInTheRefusal() {
    assertRefused("[]", null);
    assertRefused("{\"status\":\"completed\"}", "status");
    assertRefused("{\"expires_at\":\"tomorrow\"}", "expires_at");
    assertRefused("{\"expires_at\":1767000000}", "expires_at");
    assertRefused("{\"executor_ref\":7}", "executor_ref");
    assertRefused("{\"metadata\":[\"a\"]}", "metadata");
    assertRefused("{\"metadata\":{\"n\":5}}", "metadata[n]");
  }

  private static RunCommand.RunChanges parse(String json) {
    return UpdateRunRequest.parse(Json.mapper().readTree(json));
  }

  private static void assertRefused(String json, String param) {
    assertThatThrownBy(() -> parse(json))
        .as(json)
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.param()).isEqualTo(param);
            });
  }
}
