package app.rundun.processor.eventlog;

import app.rundun.contracts.events.EventPointer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code rundun.run-events} as raw bytes and sends where each event lies, keyed by its
 * organisation, to {@code rundun.events-by-org}: the log's index entries, without the events.
 */
public final class EventPointerStage implements Processor<String, byte[], String, EventPointer> {

  public static final String POINTERS_SINK = "events-by-org-sink";

  private static final Logger log = LoggerFactory.getLogger(EventPointerStage.class);

  private ProcessorContext<String, EventPointer> context;

  @Override
  public void init(ProcessorContext<String, EventPointer> context) {
    this.context = context;
  }

  @Override
  public void process(Record<String, byte[]> record) {
    RecordMetadata at = context.recordMetadata().orElseThrow();
    if (record.value() == null) {
      return;
    }
    EventHeads.pointer(record.value(), at.partition(), at.offset())
        .ifPresentOrElse(
            pointer ->
                context.forward(
                    record.withKey(pointer.orgId().value()).withValue(pointer), POINTERS_SINK),
            () ->
                log.warn(
                    "Not a run event at {}-{}@{}: left out of the event log",
                    at.topic(),
                    at.partition(),
                    at.offset()));
  }
}
