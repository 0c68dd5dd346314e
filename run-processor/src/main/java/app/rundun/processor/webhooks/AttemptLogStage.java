package app.rundun.processor.webhooks;

import app.rundun.contracts.webhooks.WebhookAttempt;
import app.rundun.processor.stores.StoreBuilders;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/** Folds each attempt the dispatcher reports into its run's log. */
public final class AttemptLogStage implements Processor<String, WebhookAttempt, Void, Void> {

  public static final String STORE = "webhook-attempts-store";

  private KeyValueStore<String, AttemptLog> logs;

  public static StoreBuilder<?> storeBuilder() {
    return StoreBuilders.json(STORE, AttemptLog.class);
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    logs = context.getStateStore(STORE);
  }

  @Override
  public void process(Record<String, WebhookAttempt> record) {
    if (record.key() == null || record.value() == null) {
      return;
    }
    AttemptLog log = logs.get(record.key());
    logs.put(record.key(), (log == null ? new AttemptLog(List.of()) : log).add(record.value()));
  }
}
