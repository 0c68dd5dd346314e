package app.rundun.processor;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;

/** Counts each start and end of a store's restore into {@link StreamsRunner#taskChanges()}. */
final class RestoreMoments implements StateRestoreListener {

  private final AtomicLong taskChanges;

  RestoreMoments(AtomicLong taskChanges) {
    this.taskChanges = taskChanges;
  }

  @Override
  public void onRestoreStart(
      TopicPartition partition, String storeName, long startingOffset, long endingOffset) {
    taskChanges.incrementAndGet();
  }

  @Override
  public void onBatchRestored(
      TopicPartition partition, String storeName, long batchEndOffset, long numRestored) {
    // Only its start and end move what a read may rely on.
  }

  @Override
  public void onRestoreEnd(TopicPartition partition, String storeName, long totalRestored) {
    taskChanges.incrementAndGet();
  }
}
