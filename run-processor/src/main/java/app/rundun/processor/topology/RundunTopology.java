package app.rundun.processor.topology;

import app.rundun.contracts.kafka.Topic;
import app.rundun.contracts.kafka.Topics;
import app.rundun.processor.commits.CommitPacing;
import app.rundun.processor.eventlog.EventLogStage;
import app.rundun.processor.eventlog.EventPointerStage;
import app.rundun.processor.idempotency.IdempotencyStage;
import app.rundun.processor.organisations.OrgStage;
import app.rundun.processor.runlist.RunListStage;
import app.rundun.processor.runs.RunStage;
import app.rundun.processor.runs.RunViews;
import app.rundun.processor.stats.TemplateStatsStage;
import app.rundun.processor.webhooks.AttemptLogStage;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;

/**
 * The run-processor's stages, each fed by the topic on its left; a stage's sinks are the topics on
 * its right:
 *
 * <pre>
 * rundun.org-commands (key org id) -> org-stage [organisations, quota, template versions,
 *     members, webhook endpoints] -> rundun.run-commands (StartRun, key run id) | rundun.replies
 *     | rundun.api-keys | rundun.template-events | rundun.webhook-endpoints
 *     | rundun.account-events
 * rundun.run-commands (key run id) -> run-stage [runs, run expiry]
 *     -> rundun.run-events | rundun.replies | rundun.webhook-deliveries | rundun.runs-by-org
 *     | rundun.template-facts
 * rundun.template-facts (key template id) -> template-stats-stage [statistics by version, day
 *     and in total] -> rundun.template-stats
 * rundun.runs-by-org (key org id) -> run-list-stage [run list, its ids, its update times]
 * rundun.run-events (key run id) -> event-pointer-stage -> rundun.events-by-org (where each
 *     event lies, key org id) -> event-log-stage [event log, by run, its ids, its expiry]
 * rundun.idempotency (key scope|key) -> idempotency-stage [claims, their ends] -> rundun.replies
 * rundun.webhook-attempts (key run id) -> webhook-attempts-stage [webhook-attempts]
 * </pre>
 */
public final class RundunTopology {

  public static final String ORG_SOURCE = "org-commands-source";
  public static final String ORG_STAGE = "org-stage";
  public static final String RUN_SOURCE = "run-commands-source";
  public static final String RUN_STAGE = "run-stage";
  public static final String IDEMPOTENCY_SOURCE = "idempotency-source";
  public static final String IDEMPOTENCY_STAGE = "idempotency-stage";
  public static final String RUN_LIST_SOURCE = "runs-by-org-source";
  public static final String RUN_LIST_STAGE = "run-list-stage";
  public static final String ATTEMPTS_SOURCE = "webhook-attempts-source";
  public static final String ATTEMPTS_STAGE = "webhook-attempts-stage";
  public static final String STATS_SOURCE = "template-facts-source";
  public static final String STATS_STAGE = "template-stats-stage";
  public static final String RUN_EVENTS_SOURCE = "run-events-source";
  public static final String EVENT_POINTER_STAGE = "event-pointer-stage";
  public static final String EVENT_LOG_SOURCE = "events-by-org-source";
  public static final String EVENT_LOG_STAGE = "event-log-stage";

  private RundunTopology() {}

  /**
   * The topology; {@code commitQuietGap} is how long the stages that reply wait without an awaited
   * command before they commit the next one at once ({@link CommitPacing}), each stage its own.
   */
  public static Topology build(
      Clock clock, RunViews views, Duration sweepInterval, Duration commitQuietGap) {
    Topology topology = new Topology();
    CommitPacing orgPacing = new CommitPacing(clock, commitQuietGap);
    CommitPacing runPacing = new CommitPacing(clock, commitQuietGap);
    CommitPacing claimPacing = new CommitPacing(clock, commitQuietGap);

    source(topology, ORG_SOURCE, Topics.ORG_COMMANDS);
    topology.addProcessor(ORG_STAGE, () -> new OrgStage(clock, orgPacing), ORG_SOURCE);
    OrgStage.storeBuilders().forEach(store -> topology.addStateStore(store, ORG_STAGE));
    sink(topology, OrgStage.RUN_COMMANDS_SINK, Topics.RUN_COMMANDS, ORG_STAGE);
    sink(topology, OrgStage.REPLIES_SINK, Topics.REPLIES, ORG_STAGE);
    sink(topology, OrgStage.API_KEYS_SINK, Topics.API_KEYS, ORG_STAGE);
    sink(topology, OrgStage.TEMPLATE_EVENTS_SINK, Topics.TEMPLATE_EVENTS, ORG_STAGE);
    sink(topology, OrgStage.ENDPOINTS_SINK, Topics.WEBHOOK_ENDPOINTS, ORG_STAGE);
    sink(topology, OrgStage.ACCOUNT_EVENTS_SINK, Topics.ACCOUNT_EVENTS, ORG_STAGE);

    source(topology, RUN_SOURCE, Topics.RUN_COMMANDS);
    topology.addProcessor(
        RUN_STAGE, () -> new RunStage(clock, views, sweepInterval, runPacing), RUN_SOURCE);
    RunStage.storeBuilders().forEach(store -> topology.addStateStore(store, RUN_STAGE));
    sink(topology, RunStage.EVENTS_SINK, Topics.RUN_EVENTS, RUN_STAGE);
    sink(topology, RunStage.REPLIES_SINK, Topics.REPLIES, RUN_STAGE);
    sink(topology, RunStage.WEBHOOKS_SINK, Topics.WEBHOOK_DELIVERIES, RUN_STAGE);
    sink(topology, RunStage.RUNS_BY_ORG_SINK, Topics.RUNS_BY_ORG, RUN_STAGE);
    sink(topology, RunStage.TEMPLATE_FACTS_SINK, Topics.TEMPLATE_FACTS, RUN_STAGE);

    source(topology, RUN_LIST_SOURCE, Topics.RUNS_BY_ORG);
    topology.addProcessor(RUN_LIST_STAGE, RunListStage::new, RUN_LIST_SOURCE);
    RunListStage.storeBuilders().forEach(store -> topology.addStateStore(store, RUN_LIST_STAGE));

    topology.addSource(
        RUN_EVENTS_SOURCE,
        Topics.RUN_EVENTS.keySerde().deserializer(),
        Serdes.ByteArray().deserializer(),
        Topics.RUN_EVENTS.name());
    topology.addProcessor(EVENT_POINTER_STAGE, EventPointerStage::new, RUN_EVENTS_SOURCE);
    sink(topology, EventPointerStage.POINTERS_SINK, Topics.EVENTS_BY_ORG, EVENT_POINTER_STAGE);
    source(topology, EVENT_LOG_SOURCE, Topics.EVENTS_BY_ORG);
    topology.addProcessor(EVENT_LOG_STAGE, () -> new EventLogStage(clock), EVENT_LOG_SOURCE);
    EventLogStage.storeBuilders().forEach(store -> topology.addStateStore(store, EVENT_LOG_STAGE));

    source(topology, STATS_SOURCE, Topics.TEMPLATE_FACTS);
    topology.addProcessor(STATS_STAGE, () -> new TemplateStatsStage(clock), STATS_SOURCE);
    TemplateStatsStage.storeBuilders().forEach(store -> topology.addStateStore(store, STATS_STAGE));
    sink(topology, TemplateStatsStage.STATS_SINK, Topics.TEMPLATE_STATS, STATS_STAGE);

    source(topology, IDEMPOTENCY_SOURCE, Topics.IDEMPOTENCY);
    topology.addProcessor(
        IDEMPOTENCY_STAGE, () -> new IdempotencyStage(clock, claimPacing), IDEMPOTENCY_SOURCE);
    IdempotencyStage.storeBuilders()
        .forEach(store -> topology.addStateStore(store, IDEMPOTENCY_STAGE));
    sink(topology, IdempotencyStage.REPLIES_SINK, Topics.REPLIES, IDEMPOTENCY_STAGE);

    source(topology, ATTEMPTS_SOURCE, Topics.WEBHOOK_ATTEMPTS);
    topology.addProcessor(ATTEMPTS_STAGE, AttemptLogStage::new, ATTEMPTS_SOURCE);
    topology.addStateStore(AttemptLogStage.storeBuilder(), ATTEMPTS_STAGE);
    return topology;
  }

  private static void source(Topology topology, String name, Topic<String, ?> topic) {
    topology.addSource(
        name, topic.keySerde().deserializer(), topic.valueSerde().deserializer(), topic.name());
  }

  private static void sink(Topology topology, String name, Topic<String, ?> topic, String parent) {
    topology.addSink(
        name, topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer(), parent);
  }
}
