package app.rundun.webhooks.dispatch;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * At most {@code limit} tasks at once per key; the rest wait their turn in order. Used per run (one
 * first attempt at a time, so a run's events arrive in order) and per endpoint host (so one dead
 * endpoint cannot take every worker). Confined to the dispatch loop's thread.
 */
final class KeyedGate {

  private final int limit;
  private final Map<String, Lane> lanes = new HashMap<>();

  KeyedGate(int limit) {
    this.limit = limit;
  }

  /** Starts the task now if the key has room, else queues it behind the key's others. */
  void enter(String key, Runnable start) {
    Lane lane = lanes.computeIfAbsent(key, k -> new Lane());
    if (lane.running < limit) {
      lane.running++;
      start.run();
    } else {
      lane.waiting.add(start);
    }
  }

  /** One task of the key is done: the next waiting one, if any, starts. */
  void leave(String key) {
    Lane lane = lanes.get(key);
    if (lane == null) {
      return;
    }
    Runnable next = lane.waiting.poll();
    if (next != null) {
      next.run();
    } else if (--lane.running <= 0) {
      lanes.remove(key);
    }
  }

  /** Whether at least {@code max} tasks of the key are waiting for their turn. */
  boolean crowded(String key, int max) {
    Lane lane = lanes.get(key);
    return lane != null && lane.waiting.size() >= max;
  }

  int waiting() {
    return lanes.values().stream().mapToInt(lane -> lane.waiting.size()).sum();
  }

  /** Drops the keys that match, e.g. the runs of partitions this instance no longer owns. */
  void forget(Predicate<String> keys) {
    lanes.keySet().removeIf(keys);
  }

  private static final class Lane {
    private int running;
    private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
  }
}
