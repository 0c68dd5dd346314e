package app.rundun.processor.stats;

import app.rundun.contracts.stats.RunFact;
import app.rundun.contracts.stats.TemplateStats;
import app.rundun.processor.stores.StoreBuilders;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Counts each run fact into its version's statistics for the UTC day it happened on and in total,
 * and publishes both as they now are. A fact arriving late (an expiry swept after midnight) counts
 * on the day it happened, not the day it arrived. Nothing is rescanned: each fact is read once, and
 * each period is one record of bounded size (histograms of fixed buckets; choices bounded by the
 * step's options) in RocksDB.
 */
public final class TemplateStatsStage implements Processor<String, RunFact, String, TemplateStats> {

  public static final String STATS_SINK = "template-stats-sink";

  private final Clock clock;
  private ProcessorContext<String, TemplateStats> context;
  private KeyValueStore<String, TemplateStats> stats;

  public TemplateStatsStage(Clock clock) {
    this.clock = clock;
  }

  /** The statistics store, on the template's partition. */
  public static List<StoreBuilder<?>> storeBuilders() {
    return List.of(StoreBuilders.json(TemplateStatsView.STORE, TemplateStats.class));
  }

  @Override
  public void init(ProcessorContext<String, TemplateStats> context) {
    this.context = context;
    this.stats = context.getStateStore(TemplateStatsView.STORE);
  }

  @Override
  public void process(Record<String, RunFact> record) {
    RunFact fact = record.value();
    if (fact == null) {
      return;
    }
    Instant now = clock.instant();
    for (String period : List.of(TemplateStats.day(fact.at()), TemplateStats.TOTAL)) {
      TemplateStats empty = TemplateStats.empty(fact, period);
      TemplateStats was = stats.get(empty.key());
      TemplateStats next = (was == null ? empty : was).count(fact, now);
      stats.put(next.key(), next);
      context.forward(record.withKey(next.key()).withValue(next), STATS_SINK);
    }
  }
}
