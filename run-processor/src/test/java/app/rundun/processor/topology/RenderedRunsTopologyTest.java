package app.rundun.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import app.rundun.contracts.commands.OrgCommand;
import app.rundun.contracts.commands.Reply;
import app.rundun.contracts.commands.RunCommand;
import app.rundun.contracts.json.Json;
import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.contracts.runs.RunId;
import app.rundun.contracts.templates.TemplateId;
import app.rundun.processor.runs.RenderedRun;
import app.rundun.processor.runs.RunStage;
import app.rundun.processor.runs.StoredRun;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Run-stage keeps each run's integrator view rendered in its record, as of its latest change. */
class RenderedRunsTopologyTest {

  private static final long ONE_HOUR = 3_600;

  private final TopologyHarness topology = new TopologyHarness();
  private final OrgId org = OrgId.mint();

  @AfterEach
  void close() {
    topology.close();
  }

  @Test
  void aDispatchedRunIsRenderedAsItsCreationAnsweredIt() {
    TemplateId template = topology.organisationWithCheck(org, null);
    RunId run = RunId.mint();

    Reply created = dispatch(run, template);

    RenderedRun rendered = rendered(run);
    assertThat(json(rendered)).isEqualTo(created.body());
    assertThat(rendered.ownedBy(org, Mode.LIVE)).isTrue();
    assertThat(rendered.openUntil()).isEqualTo(topology.now().plusSeconds(ONE_HOUR));
  }

  @Test
  void everyChangeRendersItAgain() {
    TemplateId template = topology.organisationWithCheck(org, null);
    RunId run = RunId.mint();
    dispatch(run, template);

    Reply cancelled = topology.send(new RunCommand.CancelRun(run, org, Mode.LIVE, "Booked twice"));

    RenderedRun rendered = rendered(run);
    assertThat(json(rendered)).isEqualTo(cancelled.body());
    assertThat(json(rendered).get("status").asString()).isEqualTo("cancelled");
    assertThat(rendered.openUntil()).as("a finished run's view no longer changes").isNull();
  }

  @Test
  void aRunTheSweepExpiresIsRenderedExpired() {
    TemplateId template = topology.organisationWithCheck(org, null);
    RunId run = RunId.mint();
    dispatch(run, template);

    topology.advance(Duration.ofSeconds(ONE_HOUR).plusMinutes(2));

    RenderedRun rendered = rendered(run);
    assertThat(json(rendered).get("status").asString()).isEqualTo("expired");
    assertThat(rendered.openUntil()).isNull();
  }

  private Reply dispatch(RunId run, TemplateId template) {
    Reply created =
        topology.send(
            new OrgCommand.CreateRun(
                org, run, Mode.LIVE, template, "b-1", null, null, ONE_HOUR, null, "Alex", null));
    assertThat(created.isOk()).isTrue();
    return created;
  }

  private RenderedRun rendered(RunId run) {
    return topology.<StoredRun>store(RunStage.RUNS_STORE).get(run.value()).view().orElseThrow();
  }

  private static JsonNode json(RenderedRun rendered) {
    return Json.mapper().readTree(rendered.json());
  }
}
