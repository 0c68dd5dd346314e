package app.rundun.webhooks.dispatch;

import app.rundun.contracts.kafka.Topics;
import java.util.HashSet;
import java.util.Set;
import java.util.function.IntPredicate;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Which request partitions the loop holds back: those whose schedule is still loading, and all of
 * them while the workers are full. The schedule itself is never paused, since loading it is what
 * lifts the first kind.
 */
final class Pauses {

  private final Set<TopicPartition> paused = new HashSet<>();

  void apply(Consumer<?, ?> consumer, boolean full, IntPredicate loading) {
    Set<TopicPartition> wanted = new HashSet<>();
    for (TopicPartition partition : consumer.assignment()) {
      if (!partition.topic().equals(Topics.WEBHOOK_SCHEDULE.name())
          && (full || loading.test(partition.partition()))) {
        wanted.add(partition);
      }
    }
    Set<TopicPartition> resume = new HashSet<>(paused);
    resume.removeAll(wanted);
    Set<TopicPartition> pause = new HashSet<>(wanted);
    pause.removeAll(paused);
    consumer.resume(resume);
    consumer.pause(pause);
    paused.clear();
    paused.addAll(wanted);
  }

  void forget(TopicPartition partition) {
    paused.remove(partition);
  }
}
