package app.rundun.processor.eventlog;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.errors.ErrorCode;
import app.rundun.contracts.events.EventPointer;
import app.rundun.contracts.events.RunEvent;
import app.rundun.contracts.kafka.KafkaClients;
import app.rundun.contracts.kafka.OffsetReader;
import app.rundun.contracts.kafka.OffsetReader.Position;
import app.rundun.contracts.kafka.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.KafkaException;

/**
 * Reads run events back from {@code rundun.run-events} where the event log says they lie, exactly
 * as they were written.
 */
public final class EventReader implements AutoCloseable {

  private final OffsetReader<RunEvent> reader;
  private final Duration timeout;

  public EventReader(KafkaClients kafka, Duration timeout, Clock clock) {
    this.reader = new OffsetReader<>(kafka, Topics.RUN_EVENTS, timeout, clock);
    this.timeout = timeout;
  }

  /**
   * The events at {@code pointers}, in their order. An event the topic no longer holds (past its
   * retention) is left out; when they cannot all be read within the timeout the read fails (503).
   */
  public List<RunEvent> read(List<EventPointer> pointers) {
    Map<Position, RunEvent> found;
    try {
      found =
          reader.read(
              pointers.stream()
                  .map(pointer -> new Position(pointer.partition(), pointer.offset()))
                  .toList());
    } catch (KafkaException e) {
      throw new ApiException(
          ErrorCode.UNAVAILABLE,
          "Events could not be read from Kafka within "
              + timeout.toMillis()
              + " ms; retry shortly.",
          null);
    }
    List<RunEvent> events = new ArrayList<>();
    for (EventPointer pointer : pointers) {
      RunEvent event = found.get(new Position(pointer.partition(), pointer.offset()));
      if (event != null && event.id().equals(pointer.eventId())) {
        events.add(event);
      }
    }
    return events;
  }

  @Override
  public void close() {
    reader.close();
  }
}
