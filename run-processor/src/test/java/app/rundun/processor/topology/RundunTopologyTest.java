package app.rundun.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import app.rundun.contracts.commands.OrgCommand;
import app.rundun.contracts.commands.Reply;
import app.rundun.contracts.commands.RunCommand;
import app.rundun.contracts.events.RunEvent;
import app.rundun.contracts.json.Json;
import app.rundun.contracts.organisations.ApiKeyRecord;
import app.rundun.contracts.organisations.ApiKeyScope;
import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.contracts.organisations.Plan;
import app.rundun.contracts.runs.RunId;
import app.rundun.contracts.templates.BooleanStep;
import app.rundun.contracts.templates.NumberStep;
import app.rundun.contracts.templates.TemplateDraft;
import app.rundun.contracts.templates.TemplateId;
import app.rundun.contracts.templates.TextStep;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.IntNode;

/** The topology's rules, driven through TopologyTestDriver with a clock the test controls. */
class RundunTopologyTest {

  private static final String PHONE = "device-aaaaaaaaaaaaaaaa";
  private static final String OTHER_PHONE = "device-bbbbbbbbbbbbbbbb";

  private final TopologyHarness topology = new TopologyHarness();
  private final OrgId org = OrgId.mint();

  @AfterEach
  void close() {
    topology.close();
  }

  @Test
  void refusesThe31stRunOfAStarterMonthAndAdmitsAgainNextMonth() {
    TemplateId template = organisationWithTemplate(Plan.STARTER);
    for (int i = 0; i < 30; i++) {
      assertThat(createRun(template, Mode.LIVE, null).isOk()).isTrue();
    }
    Reply refused = createRun(template, Mode.LIVE, null);
    assertThat(refused.error().error()).isEqualTo("quota_exceeded");
    assertThat(refused.error().status()).isEqualTo(402);
    assertThat(refused.error().message())
        .isEqualTo(
            "You have used all 30 runs included in your Starter plan this month."
                + " Upgrade or purchase a run pack to continue.");
    assertThat(createRun(template, Mode.TEST, null).isOk()).as("test mode never counts").isTrue();

    topology.advance(Duration.ofDays(30));
    assertThat(createRun(template, Mode.LIVE, null).isOk()).as("December starts afresh").isTrue();
  }

  @Test
  void everyUpdateIsTheNextVersionAndARunKeepsItsSnapshot() {
    TemplateId template = organisationWithTemplate(Plan.TEAM);
    RunId first = RunId.mint();
    assertThat(topology.send(createRunCommand(template, first, Mode.LIVE, null)).isOk()).isTrue();

    Reply updated = topology.send(new OrgCommand.UpdateTemplate(org, template, draft("Second", 3)));
    assertThat(updated.body().get("version").asInt()).isEqualTo(2);

    Reply opened = topology.send(new RunCommand.OpenRun(first, null, null, null, null));
    assertThat(opened.body().get("steps")).hasSize(1);
  }

  @Test
  void eachTemplateVersionIsAnnouncedOnTheTemplateTopicKeyedByTheTemplate() {
    TemplateId template = organisationWithTemplate(Plan.TEAM);
    topology.send(new OrgCommand.UpdateTemplate(org, template, draft("Second", 2)));
    topology.send(new OrgCommand.UpdateTemplate(org, TemplateId.mint(), draft("Nobody's", 1)));

    var announced = topology.templateEvents();

    assertThat(announced).extracting(record -> record.key()).containsOnly(template.value());
    assertThat(announced)
        .extracting(
            record -> record.value().type(), record -> record.value().data().get("version").asInt())
        .containsExactly(tuple("template.created", 1), tuple("template.updated", 2));
    assertThat(announced.get(1).value().rundunorg()).isEqualTo(org.value());
    assertThat(announced.get(1).value().data().get("steps")).hasSize(2);
  }

  @Test
  void anUpdateOfAnUnknownTemplateIsNotFoundAndCreatesNothing() {
    organisationWithTemplate(Plan.TEAM);
    TemplateId unknown = TemplateId.mint();
    Reply reply = topology.send(new OrgCommand.UpdateTemplate(org, unknown, draft("x", 1)));
    assertThat(reply.error().error()).isEqualTo("not_found");
    assertThat(createRun(unknown, Mode.LIVE, null).error().error()).isEqualTo("not_found");
  }

  @Test
  void theSweepExpiresADueRunAndEmitsRunExpired() {
    TemplateId template = organisationWithTemplate(Plan.TEAM);
    RunId run = RunId.mint();
    topology.send(createRunCommand(template, run, Mode.LIVE, 60L));
    topology.events();

    topology.advance(Duration.ofSeconds(59));
    assertThat(topology.events()).isEmpty();
    topology.advance(Duration.ofSeconds(2));
    List<RunEvent> events = topology.events();
    assertThat(events).extracting(RunEvent::type).containsExactly("run.expired");
    assertThat(events.getFirst().data().get("status").asString()).isEqualTo("expired");

    Reply open = topology.send(new RunCommand.OpenRun(run, null, null, null, null));
    assertThat(open.error().error()).isEqualTo("gone");
  }

  @Test
  void aCommandAtTheExactExpiryTimeFindsTheRunExpiredBeforeAnySweep() {
    TemplateId template = organisationWithTemplate(Plan.TEAM);
    RunId run = RunId.mint();
    topology.send(createRunCommand(template, run, Mode.LIVE, 3600L));
    topology.events();

    // Only the command clock moves: the sweep has not run, yet the run is expired at its time.
    topology.advanceCommandClock(Duration.ofHours(1));
    Reply open = topology.send(new RunCommand.OpenRun(run, null, null, null, null));
    assertThat(open.error().error()).isEqualTo("gone");
    assertThat(topology.events()).extracting(RunEvent::type).containsExactly("run.expired");
  }

  @Test
  void refusesEveryIllegalTransition() {
    TemplateId template = organisationWithTemplate(Plan.TEAM);
    RunId run = RunId.mint();
    topology.send(createRunCommand(template, run, Mode.LIVE, null));

    assertThat(
            errorOf(
                new RunCommand.AnswerStep(run, "s-a", IntNode.valueOf(1), List.of(), null, PHONE)))
        .as("answer before open")
        .isEqualTo("conflict");
    assertThat(errorOf(new RunCommand.SubmitRun(run, PHONE)))
        .as("submit before open")
        .isEqualTo("conflict");
    assertThat(topology.send(new RunCommand.OpenRun(run, null, null, null, PHONE)).isOk()).isTrue();
    assertThat(errorOf(new RunCommand.OpenRun(run, null, null, null, OTHER_PHONE)))
        .as("open on another device")
        .isEqualTo("conflict");
    assertThat(topology.send(new RunCommand.OpenRun(run, null, null, null, PHONE)).isOk())
        .as("opening again on the same device changes nothing")
        .isTrue();
    assertThat(
            errorOf(
                new RunCommand.AnswerStep(
                    run, "s-a", IntNode.valueOf(1), List.of(), null, OTHER_PHONE)))
        .as("answer from another device")
        .isEqualTo("conflict");
    assertThat(errorOf(new RunCommand.SubmitRun(run, PHONE)))
        .as("submit with a required step open")
        .isEqualTo("conflict");
    assertThat(errorOf(new RunCommand.SkipStep(run, "s-a", PHONE)))
        .as("skip a required step")
        .isEqualTo("invalid_request");
    assertThat(
            errorOf(
                new RunCommand.AnswerStep(
                    run, "s-a", Json.mapper().valueToTree("x"), List.of(), null, PHONE)))
        .as("a string for a number")
        .isEqualTo("invalid_request");
    assertThat(
            topology
                .send(
                    new RunCommand.AnswerStep(
                        run, "s-a", IntNode.valueOf(3), List.of(), null, PHONE))
                .isOk())
        .isTrue();
    assertThat(topology.send(new RunCommand.SubmitRun(run, PHONE)).isOk()).isTrue();
    assertThat(errorOf(new RunCommand.ExitRun(run, PHONE)))
        .as("exit when completed")
        .isEqualTo("conflict");
    assertThat(errorOf(new RunCommand.CancelRun(run, org, Mode.LIVE, null)))
        .as("cancel when completed")
        .isEqualTo("conflict");
    assertThat(errorOf(new RunCommand.CancelRun(RunId.mint(), org, Mode.LIVE, null)))
        .as("unknown run")
        .isEqualTo("not_found");
    assertThat(topology.events())
        .extracting(RunEvent::type)
        .containsExactly("run.created", "run.opened", "step.completed", "run.completed");
  }

  @Test
  void anotherOrganisationCannotCancelARun() {
    TemplateId template = organisationWithTemplate(Plan.TEAM);
    RunId run = RunId.mint();
    topology.send(createRunCommand(template, run, Mode.LIVE, null));
    assertThat(errorOf(new RunCommand.CancelRun(run, OrgId.mint(), Mode.LIVE, null)))
        .isEqualTo("not_found");
    assertThat(errorOf(new RunCommand.CancelRun(run, org, Mode.TEST, null))).isEqualTo("not_found");
  }

  @Test
  void issuingAKeyPublishesItsHashAndRevokingPublishesATombstone() {
    organisationWithTemplate(Plan.TEAM);
    topology.send(new OrgCommand.IssueApiKey(org, "key-1", "hash-1", Mode.LIVE, "Alex", null));
    topology.send(new OrgCommand.RevokeApiKey(org, "key-1"));
    var published = topology.apiKeys();
    assertThat(published).hasSize(2);
    assertThat(published.get(0).key()).isEqualTo("hash-1");
    assertThat(published.get(0).value().name()).isEqualTo("Alex");
    assertThat(published.get(1).value()).isNull();
  }

  @Test
  void rollingAKeyPublishesTheOldKeyWithItsEndAndTheNewOneLikeIt() {
    organisationWithTemplate(Plan.TEAM);
    topology.send(
        new OrgCommand.IssueApiKey(
            org, "key-1", "hash-1", Mode.LIVE, "Reader", List.of(ApiKeyScope.RUNS_READ)));
    Instant until = Instant.parse("2030-01-01T00:00:00Z");
    Reply rolled =
        topology.send(
            new OrgCommand.RollApiKey(
                org, "key-1", new OrgCommand.NewKey("key-2", "hash-2"), until));

    assertThat(rolled.isOk()).isTrue();
    var published = topology.apiKeys();
    assertThat(published).extracting(r -> r.key()).containsExactly("hash-1", "hash-1", "hash-2");
    assertThat(published.get(1).value().expiresAt()).isEqualTo(until);
    ApiKeyRecord replacement = published.get(2).value();
    assertThat(replacement.keyId()).isEqualTo("key-2");
    assertThat(replacement.name()).isEqualTo("Reader");
    assertThat(replacement.scopes()).containsExactly(ApiKeyScope.RUNS_READ);
    assertThat(replacement.expiresAt()).isNull();
    assertThat(replacement.plan()).isEqualTo(Plan.TEAM);

    topology.send(new OrgCommand.RevokeApiKey(org, "key-1"));
    Reply again =
        topology.send(
            new OrgCommand.RollApiKey(
                org, "key-1", new OrgCommand.NewKey("key-3", "hash-3"), until));
    assertThat(again.error().error()).isEqualTo("conflict");
  }

  @Test
  void changingThePlanPublishesEveryLiveKeyWithTheNewPlan() {
    organisationWithTemplate(Plan.TEAM);
    topology.send(new OrgCommand.IssueApiKey(org, "key-1", "hash-1", Mode.LIVE, "Alex", null));
    topology.send(new OrgCommand.IssueApiKey(org, "key-2", "hash-2", Mode.TEST, "Alex", null));
    topology.send(new OrgCommand.RevokeApiKey(org, "key-2"));

    topology.send(new OrgCommand.ChangePlan(org, Plan.BUSINESS));

    var published = topology.apiKeys();
    var last = published.get(published.size() - 1);
    assertThat(last.key()).isEqualTo("hash-1");
    assertThat(last.value().plan()).isEqualTo(Plan.BUSINESS);
    assertThat(published).hasSize(4);
  }

  private String errorOf(RunCommand command) {
    Reply reply = topology.send(command);
    assertThat(reply.isOk()).as("%s is refused", command).isFalse();
    return reply.error().error();
  }

  private TemplateId organisationWithTemplate(Plan plan) {
    assertThat(topology.send(new OrgCommand.CreateOrganisation(org, "Acme", plan)).isOk()).isTrue();
    TemplateId template = TemplateId.mint();
    assertThat(
            topology
                .send(new OrgCommand.CreateTemplate(org, template, draft("First", 1), null))
                .isOk())
        .isTrue();
    return template;
  }

  private Reply createRun(TemplateId template, Mode mode, Long expiresIn) {
    return topology.send(createRunCommand(template, RunId.mint(), mode, expiresIn));
  }

  private OrgCommand.CreateRun createRunCommand(
      TemplateId template, RunId run, Mode mode, Long expiresInSeconds) {
    return new OrgCommand.CreateRun(
        org, run, mode, template, null, null, null, expiresInSeconds, null, "Alex", null);
  }

  private static TemplateDraft draft(String name, int steps) {
    List<app.rundun.contracts.templates.Step> all =
        List.of(
            new NumberStep("s-a", "A number", null, null, null, null, null, null, null, null, null),
            new BooleanStep("s-b", "Yes or no", null, null, null, null, null),
            new TextStep("s-c", "Notes", null, false, null, null, null, null, null));
    return new TemplateDraft(name, all.subList(0, steps), null);
  }
}
