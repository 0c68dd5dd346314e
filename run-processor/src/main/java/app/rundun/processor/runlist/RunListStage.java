package app.rundun.processor.runlist;

import app.rundun.contracts.runs.ListedRun;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;

/** Keeps the latest of each run in its organisation's run list. */
public final class RunListStage implements Processor<String, ListedRun, Void, Void> {

  private RunList list;

  /** The stores of the run list, all on the organisation's partition. */
  public static List<StoreBuilder<?>> storeBuilders() {
    return RunList.storeBuilders();
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    list =
        new RunList(
            context.getStateStore(RunList.STORE),
            context.getStateStore(RunList.IDS_STORE),
            context.getStateStore(RunList.UPDATED_STORE));
  }

  @Override
  public void process(Record<String, ListedRun> record) {
    if (record.value() != null) {
      list.put(record.value());
    }
  }
}
