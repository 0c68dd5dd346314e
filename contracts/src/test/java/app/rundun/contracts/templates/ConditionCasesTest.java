package app.rundun.contracts.templates;

import static org.assertj.core.api.Assertions.assertThat;

import app.rundun.contracts.json.Json;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * The server's side of the condition cases the executor's app runs too ({@code
 * conditions/cases.json}): each group's template is valid, and each case hides exactly the steps it
 * lists.
 */
class ConditionCasesTest {

  @TestFactory
  List<DynamicTest> everySharedCaseHidesTheStepsItLists() throws Exception {
    JsonNode file;
    try (InputStream in = getClass().getResourceAsStream("/conditions/cases.json")) {
      file = Json.mapper().readTree(in);
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode group : file.get("groups")) {
      List<Step> steps =
          Json.mapper().convertValue(group.get("steps"), new TypeReference<List<Step>>() {});
      new TemplateDraft(group.get("name").asString(), steps, null).validate();
      for (JsonNode example : group.get("cases")) {
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        example.get("answers").properties().forEach(e -> answers.put(e.getKey(), e.getValue()));
        List<String> expected =
            example.get("hidden").valueStream().map(JsonNode::asString).toList();
        tests.add(
            DynamicTest.dynamicTest(
                group.get("name").asString() + ": " + example.get("name").asString(),
                () ->
                    assertThat(StepVisibility.hidden(steps, answers))
                        .containsExactlyElementsOf(expected)));
      }
    }
    assertThat(tests).hasSizeGreaterThan(10);
    return tests;
  }
}
