package app.rundun.webhooks.dispatch;

import app.rundun.contracts.kafka.KeyPartitions;
import app.rundun.contracts.kafka.OffsetReader.Position;
import app.rundun.contracts.kafka.Topics;
import app.rundun.contracts.webhooks.Redelivery;
import app.rundun.contracts.webhooks.ScheduledDelivery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * This instance's index of the schedule partitions it owns: the deliveries not done (each as a
 * {@link KeptDelivery}, its whole state left on the topic), and the runs stopped by a 410. Fed by
 * two paths — what the dispatcher has just written ({@link #wrote}) and the topic read back ({@link
 * #read}) — which would race: the echo of an older write can arrive after a newer one was applied.
 * Each key remembers the offset of the last write applied until its echo is read, and nothing older
 * is applied over it.
 */
final class Schedule {

  private final int partitions;
  private final Map<Integer, Part> parts = new HashMap<>();

  Schedule(int partitions) {
    this.partitions = partitions;
  }

  /** This instance now owns {@code partition}; it is loading until it has read to {@code end}. */
  void own(int partition, long end) {
    parts.put(partition, new Part(end));
  }

  void disown(int partition) {
    parts.remove(partition);
  }

  /** The partition's records were read up to {@code position}; loaded once that is its end. */
  void readTo(int partition, long position) {
    Part part = parts.get(partition);
    if (part != null && position >= part.loadedAt) {
      part.loading = false;
    }
  }

  boolean loading(int partition) {
    Part part = parts.get(partition);
    return part != null && part.loading;
  }

  List<Integer> loadingPartitions() {
    return parts.entrySet().stream()
        .filter(p -> p.getValue().loading)
        .map(Map.Entry::getKey)
        .toList();
  }

  /** A record of the schedule topic as read back: its key and value as they are on the topic. */
  void read(String key, byte[] value, long offset) {
    ScheduledDelivery state =
        value == null ? null : Topics.WEBHOOK_SCHEDULE.deserializeValue(value);
    read(ScheduleEntry.parse(key, state), offset);
  }

  /** A record of the topic, read at {@code offset}. */
  void read(ScheduleEntry entry, long offset) {
    int partition = partitionOf(entry.runId());
    Part part = parts.get(partition);
    if (part == null) {
      return;
    }
    Long written = part.written.get(entry.key());
    if (written != null && offset <= written) {
      if (offset == written) {
        part.written.remove(entry.key());
      }
      return;
    }
    part.apply(entry, new Position(partition, offset));
  }

  /** A record this instance wrote at {@code offset}, applied before its echo is read. */
  void wrote(ScheduleEntry entry, long offset) {
    int partition = partitionOf(entry.runId());
    Part part = parts.get(partition);
    if (part == null) {
      return;
    }
    part.written.merge(entry.key(), offset, Math::max);
    part.apply(entry, new Position(partition, offset));
  }

  Optional<KeptDelivery> entry(String runId, String slot) {
    Part part = parts.get(partitionOf(runId));
    return Optional.ofNullable(
        part == null ? null : part.deliveries.get(ScheduleEntry.key(runId, slot)));
  }

  /**
   * Whether {@code kept} is still what the schedule holds for its delivery: nothing was written
   * over it while its state was being read back.
   */
  boolean current(KeptDelivery kept) {
    Part part = parts.get(kept.position().partition());
    return part != null && kept.sameWriteAs(part.deliveries.get(kept.key()));
  }

  boolean stopped(String runId) {
    Part part = parts.get(partitionOf(runId));
    return part != null && part.stoppedRuns.contains(runId);
  }

  /**
   * Up to {@code room} pending deliveries due by {@code now}, of loaded partitions, not skipped.
   */
  List<KeptDelivery> due(Instant now, int room, Predicate<KeptDelivery> skip) {
    List<KeptDelivery> due = new ArrayList<>();
    for (Part part : parts.values()) {
      if (part.loading) {
        continue;
      }
      // Earliest first, and only what is due: the retries waiting for later are never read.
      for (KeptDelivery next : part.dueOrder) {
        if (due.size() >= room || next.notBefore().isAfter(now)) {
          break;
        }
        if (!skip.test(next)) {
          due.add(next);
        }
      }
    }
    return due;
  }

  /** What a redelivery sends again: the run webhook's delivery of the event, unless pending. */
  List<KeptDelivery> redeliverable(Redelivery redelivery) {
    return entry(redelivery.runId(), redelivery.eventId())
        .filter(entry -> !entry.pending())
        .stream()
        .toList();
  }

  /** The deliveries in one partition's schedule that match, e.g. those a recovery covers. */
  List<KeptDelivery> matching(int partition, Predicate<KeptDelivery> wanted) {
    Part part = parts.get(partition);
    return part == null ? List.of() : part.deliveries.values().stream().filter(wanted).toList();
  }

  /** The host of every delivery waiting for a retry. */
  List<String> pendingHosts() {
    List<String> hosts = new ArrayList<>();
    for (Part part : parts.values()) {
      for (KeptDelivery entry : part.dueOrder) {
        hosts.add(entry.host());
      }
    }
    return hosts;
  }

  /** The partition Kafka's default partitioner gives the run id: where the run's records are. */
  int partitionOf(String runId) {
    return KeyPartitions.of(runId, partitions);
  }

  private static final class Part {
    private final long loadedAt;
    private boolean loading;
    private final Map<String, KeptDelivery> deliveries = new HashMap<>();
    private final NavigableSet<KeptDelivery> dueOrder = new TreeSet<>(KeptDelivery.DUE_ORDER);
    private final Set<String> stoppedRuns = new HashSet<>();
    private final Map<String, Long> written = new HashMap<>();

    private Part(long loadedAt) {
      this.loadedAt = loadedAt;
      this.loading = loadedAt > 0;
    }

    private void apply(ScheduleEntry entry, Position at) {
      if (entry.isStop()) {
        if (entry.value() == null) {
          stoppedRuns.remove(entry.runId());
        } else {
          stoppedRuns.add(entry.runId());
        }
        return;
      }
      KeptDelivery kept = entry.value() == null ? null : KeptDelivery.of(entry.value(), at);
      KeptDelivery previous =
          kept == null ? deliveries.remove(entry.key()) : deliveries.put(entry.key(), kept);
      if (previous != null && previous.pending()) {
        dueOrder.remove(previous);
      }
      if (kept != null && kept.pending()) {
        dueOrder.add(kept);
      }
    }
  }
}
