package app.rundun.contracts.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.json.Json;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Stripe's metadata rules. */
class MetadataTest {

  @Test
  void anEmptyStringRemovesAKeyAndKeysReadSorted() {
    Metadata metadata = Metadata.NONE.with(Map.of("zone", "B", "depot", "LHR", "lane", ""));
    assertThat(metadata.entries().keySet()).containsExactly("depot", "zone");
    assertThat(metadata.with(Map.of("zone", "")).entries()).containsOnlyKeys("depot");
    assertThat(Json.mapper().writeValueAsString(metadata))
        .isEqualTo("{\"depot\":\"LHR\",\"zone\":\"B\"}");
  }

  @Test
  void refusesTooManyKeysLongKeysLongValuesAndNonStrings() {
    Map<String, String> many = new HashMap<>();
    for (int i = 0; i < 51; i++) {
      many.put("k" + i, "v");
    }
    assertRefused(() -> Metadata.NONE.with(many), "metadata");
    assertRefused(() -> Metadata.NONE.with(Map.of("k".repeat(41), "v")), "metadata");
    assertRefused(() -> Metadata.NONE.with(Map.of("k", "v".repeat(501))), "metadata[k]");
    Map<String, String> nullValue = new HashMap<>();
    nullValue.put("k", null);
    assertRefused(() -> Metadata.checkChanges(nullValue), "metadata[k]");
    assertThat(Metadata.NONE.with(Map.of("k".repeat(40), "v".repeat(500))).entries()).hasSize(1);
  }

  private static void assertRefused(Runnable change, String param) {
    assertThatThrownBy(change::run)
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.param()).isEqualTo(param));
  }
}
