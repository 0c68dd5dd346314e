package app.rundun.processor.topology;

import app.rundun.contracts.kafka.Topic;
import app.rundun.contracts.kafka.Topics;
import app.rundun.processor.organisations.OrgStage;
import app.rundun.processor.runs.RunStage;
import app.rundun.processor.runs.RunViews;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.streams.Topology;

/**
 * Two sub-topologies joined by {@code rundun.run-commands}:
 *
 * <pre>
 * rundun.org-commands (key org id) -> org-stage [organisations, quota, template versions]
 *     -> rundun.run-commands (StartRun, key run id) | rundun.replies | rundun.api-keys
 * rundun.run-commands (key run id) -> run-stage [runs, run expiry]
 *     -> rundun.run-events | rundun.replies
 * </pre>
 */
public final class RundunTopology {

  public static final String ORG_SOURCE = "org-commands-source";
  public static final String ORG_STAGE = "org-stage";
  public static final String RUN_SOURCE = "run-commands-source";
  public static final String RUN_STAGE = "run-stage";

  private RundunTopology() {}

  public static Topology build(Clock clock, RunViews views, Duration sweepInterval) {
    Topology topology = new Topology();

    source(topology, ORG_SOURCE, Topics.ORG_COMMANDS);
    topology.addProcessor(ORG_STAGE, () -> new OrgStage(clock), ORG_SOURCE);
    OrgStage.storeBuilders().forEach(store -> topology.addStateStore(store, ORG_STAGE));
    sink(topology, OrgStage.RUN_COMMANDS_SINK, Topics.RUN_COMMANDS, ORG_STAGE);
    sink(topology, OrgStage.REPLIES_SINK, Topics.REPLIES, ORG_STAGE);
    sink(topology, OrgStage.API_KEYS_SINK, Topics.API_KEYS, ORG_STAGE);

    source(topology, RUN_SOURCE, Topics.RUN_COMMANDS);
    topology.addProcessor(RUN_STAGE, () -> new RunStage(clock, views, sweepInterval), RUN_SOURCE);
    RunStage.storeBuilders().forEach(store -> topology.addStateStore(store, RUN_STAGE));
    sink(topology, RunStage.EVENTS_SINK, Topics.RUN_EVENTS, RUN_STAGE);
    sink(topology, RunStage.REPLIES_SINK, Topics.REPLIES, RUN_STAGE);
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
