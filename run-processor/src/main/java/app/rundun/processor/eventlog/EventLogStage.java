package app.rundun.processor.eventlog;

import app.rundun.contracts.events.EventPointer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Keeps where each run event lies in its organisation's event log, and drops it when its time is
 * up.
 */
public final class EventLogStage implements Processor<String, EventPointer, Void, Void> {

  /** How many expired events one sweep drops: the rest wait for the next, a minute later. */
  private static final int SWEEP_LIMIT = 10_000;

  private final Clock clock;
  private ProcessorContext<Void, Void> context;
  private EventLog log;

  public EventLogStage(Clock clock) {
    this.clock = clock;
  }

  /** The stores of the event log, all on the organisation's partition. */
  public static List<StoreBuilder<?>> storeBuilders() {
    return EventLog.storeBuilders();
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    this.context = context;
    log =
        new EventLog(
            context.getStateStore(EventLog.STORE),
            context.getStateStore(EventLog.RUNS_STORE),
            context.getStateStore(EventLog.IDS_STORE));
    context.schedule(
        Duration.ofMinutes(1),
        PunctuationType.WALL_CLOCK_TIME,
        timestamp -> log.expire(clock.instant(), SWEEP_LIMIT));
  }

  @Override
  public void process(Record<String, EventPointer> record) {
    if (record.value() == null) {
      return;
    }
    long arrival = context.recordMetadata().orElseThrow().offset();
    log.put(record.value(), arrival, clock.instant());
  }
}
