package app.rundun.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import app.rundun.contracts.commands.OrgCommand;
import app.rundun.contracts.commands.Reply;
import app.rundun.contracts.commands.RunCommand;
import app.rundun.contracts.json.Json;
import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.contracts.organisations.Plan;
import app.rundun.contracts.runs.RunId;
import app.rundun.contracts.templates.BooleanStep;
import app.rundun.contracts.templates.NumberStep;
import app.rundun.contracts.templates.TemplateDraft;
import app.rundun.contracts.templates.TemplateId;
import app.rundun.contracts.templates.TemplateResource;
import app.rundun.contracts.templates.TextStep;
import app.rundun.processor.runs.Run;
import app.rundun.processor.runs.RunStage;
import app.rundun.processor.runs.RunTemplates;
import app.rundun.processor.runs.StoredRun;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/** A run is stored without its template's steps, which run-stage keeps once per version. */
class RunTemplatesTopologyTest {

  private final TopologyHarness topology = new TopologyHarness();
  private final OrgId org = OrgId.mint();

  @AfterEach
  void close() {
    topology.close();
  }

  @Test
  void runsOfOneVersionShareOneStoredCopyOfItsSteps() {
    TemplateId template = organisationWithTemplate();
    RunId first = dispatch(template);
    RunId second = dispatch(template);

    assertThat(storedVersions()).hasSize(1);
    assertThat(storedJson(first)).doesNotContain("\"steps\"").doesNotContain("A number");

    Reply opened = topology.send(new RunCommand.OpenRun(second, null, null, null, null));
    assertThat(opened.body().get("steps")).hasSize(3);
    assertThat(opened.body().get("progress").get("total").asInt()).isEqualTo(3);
  }

  @Test
  void aRunStoredWithItsWholeTemplateIsStillServedAndThenStoredWithoutIt() {
    TemplateId template = organisationWithTemplate();
    RunId run = dispatch(template);
    assertThat(topology.send(new RunCommand.OpenRun(run, null, null, null, null)).isOk()).isTrue();
    answer(run, "s-c", StringNode.valueOf("scratch on the door"));
    answer(run, "s-a", IntNode.valueOf(42150));
    storeAsBeforeRunsKeptTheirTemplateApart(run);

    Reply answered = answer(run, "s-b", BooleanNode.TRUE);

    assertThat(answered.isOk()).isTrue();
    assertThat(answered.body().get("answers").propertyNames())
        .as("answers in step order, whatever order they were stored in")
        .containsExactly("s-a", "s-b", "s-c");
    assertThat(storedJson(run)).doesNotContain("\"steps\"");
    assertThat(storedVersions()).hasSize(1);
  }

  /**
   * What a run looked like in the store before: the whole template version inside it, answers in
   * any order; and no copy of the version apart.
   */
  private void storeAsBeforeRunsKeptTheirTemplateApart(RunId run) {
    KeyValueStore<String, TemplateResource> versions = topology.store(RunTemplates.STORE);
    TemplateResource version;
    try (var all = versions.all()) {
      var entry = all.next();
      version = entry.value;
      versions.delete(entry.key);
    }
    ObjectNode legacy = (ObjectNode) Json.mapper().readTree(storedJson(run));
    legacy.set("template", Json.mapper().valueToTree(version));
    ObjectNode answers = (ObjectNode) legacy.get("answers");
    ObjectNode reversed = Json.mapper().createObjectNode();
    answers.propertyNames().stream()
        .toList()
        .reversed()
        .forEach(step -> reversed.set(step, answers.get(step)));
    legacy.set("answers", reversed);
    Run stored = Json.mapper().treeToValue(legacy, Run.class);
    assertThat(stored.template().legacySnapshot()).as("read as a run stored before").isNotNull();
    // As an earlier version stored it: the run's JSON alone, no view beside it.
    topology
        .<StoredRun>store(RunStage.RUNS_STORE)
        .put(
            run.value(),
            StoredRun.SERDE
                .deserializer()
                .deserialize("t", Json.mapper().writeValueAsBytes(stored)));
  }

  private List<TemplateResource> storedVersions() {
    List<TemplateResource> versions = new java.util.ArrayList<>();
    try (var all = topology.<TemplateResource>store(RunTemplates.STORE).all()) {
      all.forEachRemaining(entry -> versions.add(entry.value));
    }
    return versions;
  }

  private String storedJson(RunId run) {
    return Json.mapper()
        .writeValueAsString(topology.<StoredRun>store(RunStage.RUNS_STORE).get(run.value()).run());
  }

  private Reply answer(RunId run, String step, tools.jackson.databind.JsonNode value) {
    return topology.send(new RunCommand.AnswerStep(run, step, value, null, null, null));
  }

  private TemplateId organisationWithTemplate() {
    assertThat(topology.send(new OrgCommand.CreateOrganisation(org, "Acme", Plan.TEAM)).isOk())
        .isTrue();
    TemplateId template = TemplateId.mint();
    TemplateDraft draft =
        new TemplateDraft(
            "Vehicle check",
            List.of(
                new NumberStep(
                    "s-a", "A number", null, null, null, null, null, null, null, null, null),
                new BooleanStep("s-b", "Yes or no", null, null, null, null, null),
                new TextStep("s-c", "Notes", null, false, null, null, null, null, null)),
            null);
    assertThat(topology.send(new OrgCommand.CreateTemplate(org, template, draft, null)).isOk())
        .isTrue();
    return template;
  }

  private RunId dispatch(TemplateId template) {
    RunId run = RunId.mint();
    Reply created =
        topology.send(
            new OrgCommand.CreateRun(
                org, run, Mode.LIVE, template, null, null, null, null, null, "Alex", null));
    assertThat(created.isOk()).isTrue();
    return run;
  }
}
