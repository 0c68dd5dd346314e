package app.rundun.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import app.rundun.contracts.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Compares a response with an example body of the Runs API page, field by field: the same field
 * names in the same order, and the same JSON type in every field where both have a value.
 * Timestamps must be ISO 8601 UTC to the second, like the examples.
 */
final class SeedShapes {

  private static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z";
  private static final Set<String> TIME_FIELDS =
      Set.of("created_at", "completed_at", "expires_at", "at");

  /**
   * What Rundun adds to the run object, after the page's fields and in this order: the skipped
   * steps, the steps conditions hide, the integrator's metadata, when it last changed, who
   * cancelled it and why.
   */
  private static final List<String> RUN_ADDITIONS =
      List.of(
          "skipped_steps",
          "hidden_steps",
          "metadata",
          "updated_at",
          "cancelled_by",
          "cancellation_reason");

  /** The example shows one of three identity modes; the page lists the fields of all three. */
  private static final Set<String> IDENTITY_FIELDS = Set.of("mode", "name", "email", "user_id");

  private SeedShapes() {}

  static JsonNode seed(String name) {
    try (InputStream in = SeedShapes.class.getResourceAsStream("/seed/" + name)) {
      return Json.mapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void assertSameShape(JsonNode actual, String seedName) {
    compare(seed(seedName), actual, "$");
  }

  private static void compare(JsonNode seed, JsonNode actual, String path) {
    if (seed.isNull() || actual.isNull()) {
      return;
    }
    assertThat(actual.getNodeType()).as("JSON type of %s", path).isEqualTo(seed.getNodeType());
    if (seed.isObject()) {
      if (path.endsWith(".executor_identity")) {
        assertThat(IDENTITY_FIELDS).as("fields of %s", path).containsAll(names(actual));
        assertThat(actual.get("mode").asString()).isIn("anonymous", "external", "member");
        return;
      }
      if (path.endsWith(".answers")) {
        compareAnswers(seed, actual, path);
        return;
      }
      List<String> expected = new ArrayList<>(names(seed));
      if (path.equals("$") && seed.has("answers")) {
        expected.addAll(RUN_ADDITIONS);
      }
      assertThat(names(actual)).as("fields of %s", path).containsExactlyElementsOf(expected);
      for (String name : names(seed)) {
        JsonNode value = actual.get(name);
        if (TIME_FIELDS.contains(name) && value.isString()) {
          assertThat(value.asString()).as("%s.%s", path, name).matches(TIMESTAMP);
        }
        compare(seed.get(name), value, path + "." + name);
      }
    } else if (seed.isArray() && !seed.isEmpty()) {
      for (int i = 0; i < actual.size(); i++) {
        compare(seed.get(0), actual.get(i), path + "[" + i + "]");
      }
    }
  }

  /**
   * Answers are keyed by step id; an answer to a step the example also answers is compared with it
   * whole, any other with the example's richest answer (photos and geo) but for its value.
   */
  private static void compareAnswers(JsonNode seed, JsonNode actual, String path) {
    assertThat(names(actual)).as("answered steps").isNotEmpty();
    JsonNode richest = seed.get("s-dm02");
    for (String stepId : names(actual)) {
      JsonNode answer = actual.get(stepId);
      String at = path + "." + stepId;
      if (seed.has(stepId)) {
        compare(seed.get(stepId), answer, at);
      } else {
        assertThat(names(answer)).as("fields of %s", at).containsExactlyElementsOf(names(richest));
        for (String name : names(richest)) {
          if (!name.equals("value")) {
            compare(richest.get(name), answer.get(name), at + "." + name);
          }
        }
      }
    }
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.propertyNames().forEach(names::add);
    return names;
  }
}
