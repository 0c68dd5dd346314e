package app.rundun.processor.eventlog;

import app.rundun.contracts.events.EventListQuery;
import app.rundun.contracts.events.EventPointer;
import app.rundun.contracts.kafka.Topics;
import app.rundun.contracts.lists.ListPage;
import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.processor.stores.ListWindow;
import app.rundun.processor.stores.StoreBuilders;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Where an organisation's run events lie, newest first, on the organisation's partition (the events
 * stay on {@code rundun.run-events}). Three stores, written once for each event:
 *
 * <ul>
 *   <li>{@value #STORE}: {@code {org}/{mode}/{time s:012d}/{offset:019d}} → the {@link
 *       EventPointer}, the offset being its place on the organisation's partition of {@code
 *       rundun.events-by-org}. Byte order is time order, then arrival, so a page is one range read
 *       and a {@code created} filter narrows the range itself; keys never change, so a walk never
 *       shows an event twice. The sweep reads each organisation's log from its oldest event.
 *   <li>{@value #RUNS_STORE}: the same place under {@code {org}/{mode}/{run id}/}, with no value: a
 *       run's history is a range read of keys, however many other events the organisation has, each
 *       key saying where the pointer lies. (Values written by earlier versions held the pointer
 *       again; they are not read.)
 *   <li>{@value #IDS_STORE}: {@code {org}/{event id}} → its key in {@value #STORE}: {@code GET
 *       /v1/events/:id} and where a cursor points.
 * </ul>
 *
 * <p>Every store is restored, record by record, by an instance that takes the partition over: an
 * event costs three records, and a pointer is stored once.
 */
public final class EventLog {

  public static final String STORE = "event-log-store";
  public static final String RUNS_STORE = "event-log-runs-store";
  public static final String IDS_STORE = "event-log-ids-store";

  /** What a key of {@value #RUNS_STORE} holds: the key itself says it all. */
  private static final String NO_VALUE = "";

  private final ReadOnlyKeyValueStore<String, EventPointer> events;
  private final ReadOnlyKeyValueStore<String, String> runs;
  private final ReadOnlyKeyValueStore<String, String> ids;

  public EventLog(
      ReadOnlyKeyValueStore<String, EventPointer> events,
      ReadOnlyKeyValueStore<String, String> runs,
      ReadOnlyKeyValueStore<String, String> ids) {
    this.events = events;
    this.runs = runs;
    this.ids = ids;
  }

  static List<StoreBuilder<?>> storeBuilders() {
    return List.of(
        StoreBuilders.json(STORE, EventPointer.class),
        StoreBuilders.strings(RUNS_STORE),
        StoreBuilders.strings(IDS_STORE));
  }

  /**
   * Keeps {@code event}, arrived at {@code arrival}, until {@link Topics#EVENTS_KEPT} after it
   * happened; an event already past that, or already kept, is left alone.
   */
  void put(EventPointer event, long arrival, Instant now) {
    String id = idKey(event.orgId().value(), event.eventId());
    if (!event.time().isAfter(now.minus(Topics.EVENTS_KEPT)) || ids.get(id) != null) {
      return;
    }
    String place = ListWindow.seconds(event.time()) + "/" + String.format("%019d", arrival);
    String key = prefix(event.orgId(), event.mode()) + place;
    writable(events).put(key, event);
    writable(runs).put(runPrefix(event) + place, NO_VALUE);
    writable(ids).put(id, key);
  }

  /**
   * Drops the events whose time in the log is up, at most {@code limit} of them at a time: in each
   * organisation's log of each mode, from its oldest event to the first still kept.
   */
  int expire(Instant now, int limit) {
    Instant cutoff = now.minus(Topics.EVENTS_KEPT);
    List<KeyValue<String, EventPointer>> due = new ArrayList<>();
    String log = firstLogFrom(null);
    while (log != null && due.size() < limit) {
      try (KeyValueIterator<String, EventPointer> it = events.range(log, ListWindow.end(log))) {
        while (it.hasNext() && due.size() < limit) {
          KeyValue<String, EventPointer> entry = it.next();
          if (entry.value.time().isAfter(cutoff)) {
            break;
          }
          due.add(entry);
        }
      }
      log = firstLogFrom(ListWindow.end(log));
    }
    for (KeyValue<String, EventPointer> entry : due) {
      EventPointer event = entry.value;
      writable(events).delete(entry.key);
      writable(runs).delete(runPrefix(event) + place(event, entry.key));
      writable(ids).delete(idKey(event.orgId().value(), event.eventId()));
    }
    return due.size();
  }

  /** Where the event lies, when it is the organisation's and of the mode and still kept. */
  public Optional<EventPointer> get(OrgId org, Mode mode, String eventId) {
    String key = ids.get(idKey(org.value(), eventId));
    if (key == null || !key.startsWith(prefix(org, mode))) {
      return Optional.empty();
    }
    return Optional.ofNullable(events.get(key));
  }

  /**
   * Where the events of one page lie: the organisation's events of {@code mode} that pass the
   * query's filters, newest first; read after {@code starting_after} (older events) or before
   * {@code ending_before}. With a {@code run_id} only that run's part of the log is read.
   */
  public ListPage<EventPointer> page(OrgId org, Mode mode, EventListQuery query) {
    String prefix = prefix(org, mode);
    String listPrefix = query.runId() == null ? prefix : prefix + query.runId() + "/";
    ListWindow window =
        ListWindow.of(
            listPrefix,
            query.created(),
            query.paging(),
            "event",
            eventId -> {
              String key = ids.get(idKey(org.value(), eventId));
              return key == null || !key.startsWith(prefix)
                  ? null
                  : listPrefix + key.substring(prefix.length());
            });
    List<EventPointer> found =
        query.runId() == null
            ? read(events, window, query, (key, pointer) -> pointer)
            : read(
                runs,
                window,
                query,
                (key, none) -> events.get(prefix + key.substring(listPrefix.length())));
    return window.page(found, query.paging().limit());
  }

  /**
   * The events of {@code window} in {@code store} that pass the query's filters, one more than the
   * page holds when there are: each found by its key and value in that store.
   */
  private static <V> List<EventPointer> read(
      ReadOnlyKeyValueStore<String, V> store,
      ListWindow window,
      EventListQuery query,
      BiFunction<String, V, EventPointer> pointer) {
    List<EventPointer> found = new ArrayList<>();
    if (window.isEmpty()) {
      return found;
    }
    try (KeyValueIterator<String, V> it =
        window.newestFirst()
            ? store.reverseRange(window.low(), window.high())
            : store.range(window.low(), window.high())) {
      while (it.hasNext() && found.size() <= query.paging().limit()) {
        KeyValue<String, V> entry = it.next();
        EventPointer event = pointer.apply(entry.key, entry.value);
        if (event != null && !entry.key.equals(window.cursor()) && query.matches(event)) {
          found.add(event);
        }
      }
    }
    return found;
  }

  /** The organisation's log of one mode that holds the first event at or after {@code from}. */
  private String firstLogFrom(String from) {
    try (KeyValueIterator<String, EventPointer> it = events.range(from, null)) {
      if (!it.hasNext()) {
        return null;
      }
      EventPointer first = it.next().value;
      return prefix(first.orgId(), first.mode());
    }
  }

  private static String place(EventPointer event, String key) {
    return key.substring(prefix(event.orgId(), event.mode()).length());
  }

  private static String prefix(OrgId org, Mode mode) {
    return org.value() + "/" + mode.wire() + "/";
  }

  private static String runPrefix(EventPointer event) {
    return prefix(event.orgId(), event.mode()) + event.runId().value() + "/";
  }

  private static String idKey(String org, String eventId) {
    return org + "/" + eventId;
  }

  private static <V> KeyValueStore<String, V> writable(ReadOnlyKeyValueStore<String, V> store) {
    if (!(store instanceof KeyValueStore<String, V> writable)) {
      throw new IllegalStateException("The event log is written by the stream task only.");
    }
    return writable;
  }
}
