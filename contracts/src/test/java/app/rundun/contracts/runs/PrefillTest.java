package app.rundun.contracts.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.json.Json;
import app.rundun.contracts.templates.TemplateResource;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.StringNode;

/** Prefilled answers are checked against the template version like the executor's answers. */
class PrefillTest {

  private static final TemplateResource CHECK =
      Json.mapper()
          .readValue(
              """
              {"template_id": "t-00000000-0000-4000-8000-000000000001", "version": 1,
               "name": "Vehicle check", "created_at": "2026-12-01T08:00:00Z",
               "execution": {"identity_required": "none"},
               "steps": [
                 {"id": "s-od01", "type": "number", "title": "Odometer reading", "min": 0},
                 {"id": "s-dm01", "type": "boolean", "title": "Any damage?"},
                 {"id": "s-dm02", "type": "text", "title": "Where?",
                  "show_if": {"step": "s-dm01", "equals": true}},
                 {"id": "s-ph01", "type": "photo", "title": "Photo", "photos": {"min": 1, "max": 2}}
               ]}
              """,
              TemplateResource.class);

  @Test
  void answersTheTemplateAcceptsArePrefilled() {
    assertThatCode(() ->
            Prefill.checkAgainst(
                Map.of(
                    "s-od01", new Prefill(IntNode.valueOf(42150), true),
                    "s-dm01", new Prefill(BooleanNode.TRUE, false),
                    "s-dm02", new Prefill(StringNode.valueOf("Rear"), false)),
                CHECK))
        .doesNotThrowAnyException();
  }

  @Test
  void eachRefusalNamesThePrefilledStep() {
    assertRefused(Map.of("s-none", new Prefill(IntNode.valueOf(1), true)), "prefill.s-none");
    assertRefused(Map.of("s-od01", new Prefill(IntNode.valueOf(-1), true)), "prefill.s-od01.value");
    assertRefused(
        Map.of("s-od01", new Prefill(StringNode.valueOf("42150"), true)), "prefill.s-od01.value");
    assertRefused(Map.of("s-ph01", new Prefill(BooleanNode.TRUE, true)), "prefill.s-ph01");
    assertRefused(
        Map.of(
            "s-dm01", new Prefill(BooleanNode.FALSE, true),
            "s-dm02", new Prefill(StringNode.valueOf("Rear"), false)),
        "prefill.s-dm02");
    assertThatThrownBy(
            () -> Prefill.checkShape(Map.of("odometer", new Prefill(IntNode.valueOf(1), null))))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.param()).isEqualTo("prefill"));
  }

  private static void assertRefused(Map<String, Prefill> prefill, String param) {
    assertThatThrownBy(() -> Prefill.checkAgainst(prefill, CHECK))
        .as(param)
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.param()).isEqualTo(param);
            });
  }
}
