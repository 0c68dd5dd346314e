package app.rundun.processor.webhooks;

import app.rundun.contracts.runs.RunId;
import app.rundun.contracts.webhooks.WebhookAttempt;
import app.rundun.processor.stores.StoreBuilders;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Keeps each attempt the dispatcher reports, one entry each, under {@code {run id}/{offset:019d}}:
 * a run's log is a range read in the order the attempts were made, and nothing is dropped however
 * many there are. An attempt is named by its offset on its run's partition of {@code
 * rundun.webhook-attempts}, the same however often it is processed.
 */
public final class AttemptLogStage implements Processor<String, WebhookAttempt, Void, Void> {

  public static final String STORE = "webhook-attempt-log-store";

  private ProcessorContext<Void, Void> context;
  private KeyValueStore<String, WebhookAttempt> log;

  public static StoreBuilder<?> storeBuilder() {
    return StoreBuilders.json(STORE, WebhookAttempt.class);
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    this.context = context;
    this.log = context.getStateStore(STORE);
  }

  @Override
  public void process(Record<String, WebhookAttempt> record) {
    if (record.key() == null || record.value() == null) {
      return;
    }
    long offset =
        context
            .recordMetadata()
            .map(RecordMetadata::offset)
            .orElseThrow(() -> new IllegalStateException("An attempt comes from its topic"));
    String position = String.format("%019d", offset);
    log.put(record.key() + "/" + position, record.value().withId("wa_" + position));
  }

  /** Every attempt of the run, in the order they were made. */
  public static List<WebhookAttempt> of(
      ReadOnlyKeyValueStore<String, WebhookAttempt> store, RunId run) {
    List<WebhookAttempt> attempts = new ArrayList<>();
    try (KeyValueIterator<String, WebhookAttempt> it =
        store.range(run.value() + "/", run.value() + "/~")) {
      it.forEachRemaining(entry -> attempts.add(entry.value));
    }
    return attempts;
  }
}
