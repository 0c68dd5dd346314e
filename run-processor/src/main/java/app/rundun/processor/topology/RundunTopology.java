package app.rundun.processor.topology;

import app.rundun.contracts.kafka.Topic;
import app.rundun.contracts.kafka.Topics;
import app.rundun.processor.idempotency.IdempotencyStage;
import app.rundun.processor.organisations.OrgStage;
import app.rundun.processor.runlist.RunListStage;
import app.rundun.processor.runs.RunStage;
import app.rundun.processor.runs.RunViews;
import app.rundun.processor.webhooks.AttemptLogStage;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.streams.Topology;

/**
 * Two sub-topologies joined by {@code rundun.run-commands}, the Idempotency-Key claims, and the log
 * of webhook attempts:
 *
 * <pre>
 * rundun.org-commands (key org id) -> org-stage [organisations, quota, template versions,
 *     members, webhook endpoints] -> rundun.run-commands (StartRun, key run id) | rundun.replies
 *     | rundun.api-keys | rundun.template-events | rundun.webhook-endpoints
 *     | rundun.account-events
 * rundun.run-commands (key run id) -> run-stage [runs, run expiry]
 *     -> rundun.run-events | rundun.replies | rundun.webhook-deliveries | rundun.runs-by-org
 * rundun.runs-by-org (key org id) -> run-list-stage [run list, its ids, its update times]
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

  private RundunTopology() {}

  public static Topology build(Clock clock, RunViews views, Duration sweepInterval) {
    Topology topology = new Topology();

    source(topology, ORG_SOURCE, Topics.ORG_COMMANDS);
    topology.addProcessor(ORG_STAGE, () -> new OrgStage(clock), ORG_SOURCE);
    OrgStage.storeBuilders().forEach(store -> topology.addStateStore(store, ORG_STAGE));
    sink(topology, OrgStage.RUN_COMMANDS_SINK, Topics.RUN_COMMANDS, ORG_STAGE);
    sink(topology, OrgStage.REPLIES_SINK, Topics.REPLIES, ORG_STAGE);
    sink(topology, OrgStage.API_KEYS_SINK, Topics.API_KEYS, ORG_STAGE);
    sink(topology, OrgStage.TEMPLATE_EVENTS_SINK, Topics.TEMPLATE_EVENTS, ORG_STAGE);
    sink(topology, OrgStage.ENDPOINTS_SINK, Topics.WEBHOOK_ENDPOINTS, ORG_STAGE);
    sink(topology, OrgStage.ACCOUNT_EVENTS_SINK, Topics.ACCOUNT_EVENTS, ORG_STAGE);

    source(topology, RUN_SOURCE, Topics.RUN_COMMANDS);
    topology.addProcessor(RUN_STAGE, () -> new RunStage(clock, views, sweepInterval), RUN_SOURCE);
    RunStage.storeBuilders().forEach(store -> topology.addStateStore(store, RUN_STAGE));
    sink(topology, RunStage.EVENTS_SINK, Topics.RUN_EVENTS, RUN_STAGE);
    sink(topology, RunStage.REPLIES_SINK, Topics.REPLIES, RUN_STAGE);
    sink(topology, RunStage.WEBHOOKS_SINK, Topics.WEBHOOK_DELIVERIES, RUN_STAGE);
    sink(topology, RunStage.RUNS_BY_ORG_SINK, Topics.RUNS_BY_ORG, RUN_STAGE);

    source(topology, RUN_LIST_SOURCE, Topics.RUNS_BY_ORG);
    topology.addProcessor(RUN_LIST_STAGE, RunListStage::new, RUN_LIST_SOURCE);
    RunListStage.storeBuilders().forEach(store -> topology.addStateStore(store, RUN_LIST_STAGE));

    source(topology, IDEMPOTENCY_SOURCE, Topics.IDEMPOTENCY);
    topology.addProcessor(IDEMPOTENCY_STAGE, () -> new IdempotencyStage(clock), IDEMPOTENCY_SOURCE);
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
