package app.rundun.webhooks.dispatch;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Records finish out of order, but an offset may only be committed once every record before it is
 * settled: this keeps, per partition, which records are still open and answers what is safe.
 */
final class OffsetTracker {

  private final Map<TopicPartition, TreeMap<Long, Boolean>> open = new HashMap<>();
  private final Map<TopicPartition, Long> next = new HashMap<>();
  private final Map<TopicPartition, Long> committed = new HashMap<>();

  /**
   * A record is being handled as {@code parts} deliveries: the answer settles it once each of them
   * is recorded (a record of none is settled now).
   */
  Runnable start(TopicPartition partition, long offset, int parts) {
    started(partition, offset);
    if (parts == 0) {
      settled(partition, offset);
    }
    int[] left = {parts};
    return () -> {
      if (--left[0] == 0) {
        settled(partition, offset);
      }
    };
  }

  void started(TopicPartition partition, long offset) {
    open.computeIfAbsent(partition, p -> new TreeMap<>()).put(offset, Boolean.FALSE);
    next.merge(partition, offset + 1, Math::max);
  }

  void settled(TopicPartition partition, long offset) {
    TreeMap<Long, Boolean> records = open.get(partition);
    if (records != null && records.containsKey(offset)) {
      records.put(offset, Boolean.TRUE);
    }
  }

  /** The offsets newly safe to commit: up to the first record still open, in each partition. */
  Map<TopicPartition, OffsetAndMetadata> committable() {
    Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
    open.forEach((partition, records) -> {
      Long safe = null;
      while (!records.isEmpty() && records.firstEntry().getValue()) {
        safe = records.pollFirstEntry().getKey() + 1;
      }
      if (records.isEmpty()) {
        safe = next.get(partition);
      }
      if (safe != null && safe > committed.getOrDefault(partition, -1L)) {
        committed.put(partition, safe);
        commits.put(partition, new OffsetAndMetadata(safe));
      }
    });
    return commits;
  }

  void forget(TopicPartition partition) {
    open.remove(partition);
    next.remove(partition);
    committed.remove(partition);
  }
}
