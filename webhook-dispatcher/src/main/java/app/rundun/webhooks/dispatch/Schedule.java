package app.rundun.webhooks.dispatch;

import app.rundun.contracts.kafka.Topics;
import app.rundun.contracts.webhooks.Redelivery;
import app.rundun.contracts.webhooks.ScheduledDelivery;
import app.rundun.contracts.webhooks.WebhookDelivery;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.apache.kafka.common.utils.Utils;

/**
 * This instance's copy of the schedule partitions it owns: the deliveries not done, and the runs
 * stopped by a 410. Fed by two paths — what the dispatcher has just written ({@link #wrote}) and
 * the topic read back ({@link #read}) — which would race: the echo of an older write can arrive
 * after a newer one was applied. Each key remembers the offset of the last write applied until its
 * echo is read, and nothing older is applied over it.
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
    Part part = parts.get(partitionOf(entry.runId()));
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
    part.apply(entry);
  }

  /** A record this instance wrote at {@code offset}, applied before its echo is read. */
  void wrote(ScheduleEntry entry, long offset) {
    Part part = parts.get(partitionOf(entry.runId()));
    if (part == null) {
      return;
    }
    part.written.merge(entry.key(), offset, Math::max);
    part.apply(entry);
  }

  Optional<ScheduledDelivery> entry(String runId, String slot) {
    Part part = parts.get(partitionOf(runId));
    return Optional.ofNullable(
        part == null ? null : part.deliveries.get(ScheduleEntry.key(runId, slot)));
  }

  boolean stopped(String runId) {
    Part part = parts.get(partitionOf(runId));
    return part != null && part.stoppedRuns.contains(runId);
  }

  /**
   * Up to {@code room} pending deliveries due by {@code now}, of loaded partitions, not skipped.
   */
  List<ScheduledDelivery> due(Instant now, int room, Predicate<ScheduledDelivery> skip) {
    List<ScheduledDelivery> due = new ArrayList<>();
    for (Part part : parts.values()) {
      if (part.loading) {
        continue;
      }
      // Earliest first, and only what is due: the retries waiting for later are never read.
      for (Due next : part.dueOrder) {
        if (due.size() >= room || next.notBefore().isAfter(now)) {
          break;
        }
        ScheduledDelivery entry = part.deliveries.get(next.key());
        if (!skip.test(entry)) {
          due.add(entry);
        }
      }
    }
    return due;
  }

  /** What a redelivery sends again: the run webhook's delivery of the event, unless pending. */
  List<ScheduledDelivery> redeliverable(Redelivery redelivery) {
    return entry(redelivery.runId(), redelivery.eventId())
        .filter(entry -> entry.state() != ScheduledDelivery.State.PENDING)
        .stream()
        .toList();
  }

  /** The deliveries in one partition's schedule that match, e.g. those a recovery covers. */
  List<ScheduledDelivery> matching(int partition, Predicate<ScheduledDelivery> wanted) {
    Part part = parts.get(partition);
    return part == null ? List.of() : part.deliveries.values().stream().filter(wanted).toList();
  }

  /** Every delivery waiting for a retry. */
  List<WebhookDelivery> pending() {
    List<WebhookDelivery> pending = new ArrayList<>();
    for (Part part : parts.values()) {
      for (ScheduledDelivery entry : part.deliveries.values()) {
        if (entry.state() == ScheduledDelivery.State.PENDING) {
          pending.add(entry.delivery());
        }
      }
    }
    return pending;
  }

  /** The partition Kafka's default partitioner gives the run id: where the run's records are. */
  int partitionOf(String runId) {
    return Utils.toPositive(Utils.murmur2(runId.getBytes(StandardCharsets.UTF_8))) % partitions;
  }

  /** A pending delivery's place in the order of when it is due. */
  private record Due(Instant notBefore, String key) implements Comparable<Due> {
    private static final Comparator<Due> ORDER =
        Comparator.comparing(Due::notBefore).thenComparing(Due::key);

    @Override
    public int compareTo(Due other) {
      return ORDER.compare(this, other);
    }
  }

  private static final class Part {
    private final long loadedAt;
    private boolean loading;
    private final Map<String, ScheduledDelivery> deliveries = new HashMap<>();
    private final NavigableSet<Due> dueOrder = new TreeSet<>();
    private final Set<String> stoppedRuns = new HashSet<>();
    private final Map<String, Long> written = new HashMap<>();

    private Part(long loadedAt) {
      this.loadedAt = loadedAt;
      this.loading = loadedAt > 0;
    }

    private void apply(ScheduleEntry entry) {
      if (entry.isStop()) {
        if (entry.value() == null) {
          stoppedRuns.remove(entry.runId());
        } else {
          stoppedRuns.add(entry.runId());
        }
      } else {
        ScheduledDelivery previous =
            entry.value() == null
                ? deliveries.remove(entry.key())
                : deliveries.put(entry.key(), entry.value());
        if (previous != null && previous.state() == ScheduledDelivery.State.PENDING) {
          dueOrder.remove(new Due(previous.notBefore(), entry.key()));
        }
        if (entry.value() != null && entry.value().state() == ScheduledDelivery.State.PENDING) {
          dueOrder.add(new Due(entry.value().notBefore(), entry.key()));
        }
      }
    }
  }
}
