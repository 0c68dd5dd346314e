package app.rundun.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import app.rundun.contracts.commands.OrgCommand;
import app.rundun.contracts.commands.Reply;
import app.rundun.contracts.commands.RunCommand;
import app.rundun.contracts.events.AccountEvent;
import app.rundun.contracts.events.RunEvent;
import app.rundun.contracts.events.TemplateEvent;
import app.rundun.contracts.idempotency.ClaimOutcome;
import app.rundun.contracts.idempotency.IdempotencyCommand;
import app.rundun.contracts.json.Json;
import app.rundun.contracts.kafka.Topics;
import app.rundun.contracts.organisations.ApiKeyRecord;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.contracts.organisations.Plan;
import app.rundun.contracts.stats.TemplateStats;
import app.rundun.contracts.templates.BooleanStep;
import app.rundun.contracts.templates.Execution;
import app.rundun.contracts.templates.TemplateDraft;
import app.rundun.contracts.templates.TemplateId;
import app.rundun.contracts.templates.TextStep;
import app.rundun.contracts.webhooks.WebhookEndpoint;
import app.rundun.processor.MutableClock;
import app.rundun.processor.runlist.RunList;
import app.rundun.processor.runs.RunViews;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/** The topology under TopologyTestDriver, with a clock the test moves. */
final class TopologyHarness implements AutoCloseable {

  static final Instant START = Instant.parse("2026-11-03T10:00:00Z");

  private final MutableClock clock = new MutableClock(START);
  private final TopologyTestDriver driver;
  private final TestInputTopic<String, OrgCommand> orgCommands;
  private final TestInputTopic<String, RunCommand> runCommands;
  private final TestInputTopic<String, IdempotencyCommand> idempotency;
  private final TestOutputTopic<String, Reply> replies;
  private final TestOutputTopic<String, RunEvent> events;
  private final TestOutputTopic<String, ApiKeyRecord> apiKeys;
  private final TestOutputTopic<String, TemplateEvent> templateEvents;
  private final TestOutputTopic<String, WebhookEndpoint> webhookEndpoints;
  private final TestOutputTopic<String, AccountEvent> accountEvents;
  private final TestOutputTopic<String, TemplateStats> templateStats;

  TopologyHarness() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "topology-test-" + UUID.randomUUID());
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    RunViews views = new RunViews();
    driver =
        new TopologyTestDriver(
            RundunTopology.build(clock, views, Duration.ofSeconds(1), Duration.ZERO), props, START);
    orgCommands =
        driver.createInputTopic(
            Topics.ORG_COMMANDS.name(),
            Topics.ORG_COMMANDS.keySerde().serializer(),
            Topics.ORG_COMMANDS.valueSerde().serializer());
    runCommands =
        driver.createInputTopic(
            Topics.RUN_COMMANDS.name(),
            Topics.RUN_COMMANDS.keySerde().serializer(),
            Topics.RUN_COMMANDS.valueSerde().serializer());
    idempotency =
        driver.createInputTopic(
            Topics.IDEMPOTENCY.name(),
            Topics.IDEMPOTENCY.keySerde().serializer(),
            Topics.IDEMPOTENCY.valueSerde().serializer());
    replies =
        driver.createOutputTopic(
            Topics.REPLIES.name(),
            Topics.REPLIES.keySerde().deserializer(),
            Topics.REPLIES.valueSerde().deserializer());
    events =
        driver.createOutputTopic(
            Topics.RUN_EVENTS.name(),
            Topics.RUN_EVENTS.keySerde().deserializer(),
            Topics.RUN_EVENTS.valueSerde().deserializer());
    apiKeys =
        driver.createOutputTopic(
            Topics.API_KEYS.name(),
            Topics.API_KEYS.keySerde().deserializer(),
            Topics.API_KEYS.valueSerde().deserializer());
    templateEvents =
        driver.createOutputTopic(
            Topics.TEMPLATE_EVENTS.name(),
            Topics.TEMPLATE_EVENTS.keySerde().deserializer(),
            Topics.TEMPLATE_EVENTS.valueSerde().deserializer());
    webhookEndpoints =
        driver.createOutputTopic(
            Topics.WEBHOOK_ENDPOINTS.name(),
            Topics.WEBHOOK_ENDPOINTS.keySerde().deserializer(),
            Topics.WEBHOOK_ENDPOINTS.valueSerde().deserializer());
    accountEvents =
        driver.createOutputTopic(
            Topics.ACCOUNT_EVENTS.name(),
            Topics.ACCOUNT_EVENTS.keySerde().deserializer(),
            Topics.ACCOUNT_EVENTS.valueSerde().deserializer());
    templateStats =
        driver.createOutputTopic(
            Topics.TEMPLATE_STATS.name(),
            Topics.TEMPLATE_STATS.keySerde().deserializer(),
            Topics.TEMPLATE_STATS.valueSerde().deserializer());
  }

  /** Sends an org command with a correlation id and returns the reply that carries it. */
  Reply send(OrgCommand command) {
    return reply(correlation ->
        orgCommands.pipeInput(record(command.orgId().value(), command, correlation)));
  }

  /** Sends an org command nobody waits for; fails if it was answered all the same. */
  void sendUnanswered(OrgCommand command) {
    orgCommands.pipeInput(new TestRecord<>(command.orgId().value(), command, clock.instant()));
    if (!replies.isEmpty()) {
      throw new AssertionError("An unanswered command was answered: " + replies.readValue());
    }
  }

  Reply send(RunCommand command) {
    return reply(correlation ->
        runCommands.pipeInput(record(command.runId().value(), command, correlation)));
  }

  /** Claims an Idempotency-Key, as the API does before running a request. */
  ClaimOutcome claim(IdempotencyCommand.Claim claim) {
    Reply reply =
        reply(correlation -> idempotency.pipeInput(record(claim.recordKey(), claim, correlation)));
    return Json.mapper().treeToValue(reply.body(), ClaimOutcome.class);
  }

  /** Completes or releases a key, as the API does after the request; nobody waits for a reply. */
  void settle(IdempotencyCommand command) {
    idempotency.pipeInput(new TestRecord<>(command.recordKey(), command, clock.instant()));
  }

  /**
   * Creates {@code org} with a "Check" template (a yes/no step {@code s-ok}, an optional note
   * {@code s-nt}) run as {@code execution} says (null: the default); returns the template's id.
   */
  TemplateId organisationWithCheck(OrgId org, Execution execution) {
    assertThat(send(new OrgCommand.CreateOrganisation(org, "Acme", Plan.TEAM)).isOk()).isTrue();
    TemplateId template = TemplateId.mint();
    TemplateDraft draft =
        new TemplateDraft(
            "Check",
            List.of(
                new BooleanStep("s-ok", "All fine?", null, null, null, null, null),
                new TextStep("s-nt", "Notes", null, false, null, null, null, null, null)),
            execution);
    assertThat(send(new OrgCommand.CreateTemplate(org, template, draft, null)).isOk()).isTrue();
    return template;
  }

  /** Writes {@code json} on {@code rundun.run-events} as another producer might. */
  void runEventBytes(String key, String json) {
    driver
        .createInputTopic(
            Topics.RUN_EVENTS.name(), new StringSerializer(), new ByteArraySerializer())
        .pipeInput(key, json.getBytes(StandardCharsets.UTF_8), clock.instant());
  }

  /** A state store of the topology, to see what a sweep has left. */
  <V> org.apache.kafka.streams.state.KeyValueStore<String, V> store(String name) {
    return driver.getKeyValueStore(name);
  }

  /** The run list as the topology has left it, read as the query API reads it. */
  RunList runList() {
    return new RunList(
        driver.getKeyValueStore(RunList.STORE),
        driver.getKeyValueStore(RunList.IDS_STORE),
        driver.getKeyValueStore(RunList.UPDATED_STORE));
  }

  List<RunEvent> events() {
    return events.readValuesToList();
  }

  List<TestRecord<String, TemplateEvent>> templateEvents() {
    return templateEvents.readRecordsToList();
  }

  List<TestRecord<String, WebhookEndpoint>> webhookEndpoints() {
    return webhookEndpoints.readRecordsToList();
  }

  List<TestRecord<String, TemplateStats>> templateStats() {
    return templateStats.readRecordsToList();
  }

  List<TestRecord<String, AccountEvent>> accountEvents() {
    return accountEvents.readRecordsToList();
  }

  List<TestRecord<String, ApiKeyRecord>> apiKeys() {
    return apiKeys.readRecordsToList();
  }

  /** Moves both the command clock and the wall clock that drives the expiry sweep. */
  void advance(Duration duration) {
    clock.advance(duration);
    driver.advanceWallClockTime(duration);
  }

  Instant now() {
    return clock.instant();
  }

  /** Moves only the command clock, as when a command arrives before the sweep has run. */
  void advanceCommandClock(Duration duration) {
    clock.advance(duration);
  }

  private Reply reply(java.util.function.Consumer<String> send) {
    String correlation = UUID.randomUUID().toString();
    send.accept(correlation);
    for (TestRecord<String, Reply> reply : replies.readRecordsToList()) {
      var header = reply.headers().lastHeader(Reply.CORRELATION_HEADER);
      if (header != null
          && correlation.equals(new String(header.value(), StandardCharsets.UTF_8))) {
        return reply.value();
      }
    }
    throw new AssertionError("No reply carried correlation " + correlation);
  }

  private <V> TestRecord<String, V> record(String key, V value, String correlation) {
    RecordHeaders headers = new RecordHeaders();
    headers.add(Reply.CORRELATION_HEADER, correlation.getBytes(StandardCharsets.UTF_8));
    return new TestRecord<>(key, value, headers, clock.instant());
  }

  @Override
  public void close() {
    driver.close();
  }
}
