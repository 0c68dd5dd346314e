package app.rundun.processor.eventlog;

import app.rundun.contracts.events.EventListQuery;
import app.rundun.contracts.events.EventPointer;
import app.rundun.contracts.kafka.Topics;
import app.rundun.contracts.lists.ListPage;
import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.processor.stores.ListWindow;
import app.rundun.processor.stores.StoreBuilders;
import app.rundun.processor.stores.TimeIndex;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Where an organisation's run events lie, newest first, on the organisation's partition. Four
 * stores, each of small {@link EventPointer}s (the events stay on {@code rundun.run-events}):
 *
 * <ul>
 *   <li>{@value #STORE}: {@code {org}/{mode}/{time s:012d}/{offset:019d}} → the pointer, the offset
 *       being its place on the organisation's partition of {@code rundun.events-by-org}. Byte order
 *       is time order, then arrival, so a page is one range read and a {@code created} filter
 *       narrows the range itself; keys never change, so a walk never shows an event twice.
 *   <li>{@value #RUNS_STORE}: the same under {@code {org}/{mode}/{run id}/}: a run's history is a
 *       range read too, however many other events the organisation has.
 *   <li>{@value #IDS_STORE}: {@code {org}/{event id}} → its key in {@value #STORE}: {@code GET
 *       /v1/events/:id} and where a cursor points.
 *   <li>{@value #EXPIRY_STORE}: when each event leaves the log ({@link TimeIndex}).
 * </ul>
 */
public final class EventLog {

  public static final String STORE = "event-log-store";
  public static final String RUNS_STORE = "event-log-runs-store";
  public static final String IDS_STORE = "event-log-ids-store";
  public static final String EXPIRY_STORE = "event-log-expiry-store";

  private final ReadOnlyKeyValueStore<String, EventPointer> events;
  private final ReadOnlyKeyValueStore<String, EventPointer> runs;
  private final ReadOnlyKeyValueStore<String, String> ids;

  public EventLog(
      ReadOnlyKeyValueStore<String, EventPointer> events,
      ReadOnlyKeyValueStore<String, EventPointer> runs,
      ReadOnlyKeyValueStore<String, String> ids) {
    this.events = events;
    this.runs = runs;
    this.ids = ids;
  }

  static List<StoreBuilder<?>> storeBuilders() {
    return List.of(
        StoreBuilders.json(STORE, EventPointer.class),
        StoreBuilders.json(RUNS_STORE, EventPointer.class),
        StoreBuilders.strings(IDS_STORE),
        StoreBuilders.strings(EXPIRY_STORE));
  }

  /**
   * Keeps {@code event}, arrived at {@code arrival}, until {@link Topics#EVENTS_KEPT} after it
   * happened; an event already past that, or already kept, is left alone.
   */
  void put(EventPointer event, long arrival, TimeIndex expiry, Instant now) {
    Instant leaves = event.time().plus(Topics.EVENTS_KEPT);
    String id = idKey(event.orgId().value(), event.eventId());
    if (!leaves.isAfter(now) || ids.get(id) != null) {
      return;
    }
    String place = ListWindow.seconds(event.time()) + "/" + String.format("%019d", arrival);
    String key = prefix(event.orgId(), event.mode()) + place;
    writable(events).put(key, event);
    writable(runs).put(runPrefix(event) + place, event);
    writable(ids).put(id, key);
    expiry.add(id, leaves);
  }

  /** Drops the events whose time in the log is up, at most {@code limit} of them at a time. */
  int expire(Instant now, TimeIndex expiry, int limit) {
    List<TimeIndex.Due> due = expiry.due(now, limit);
    for (TimeIndex.Due entry : due) {
      String key = ids.get(entry.id());
      EventPointer event = key == null ? null : events.get(key);
      if (event != null) {
        writable(events).delete(key);
        writable(runs).delete(runPrefix(event) + place(event, key));
      }
      writable(ids).delete(entry.id());
      expiry.remove(entry);
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
    ReadOnlyKeyValueStore<String, EventPointer> store = events;
    String listPrefix = prefix;
    if (query.runId() != null) {
      store = runs;
      listPrefix = prefix + query.runId() + "/";
    }
    String under = listPrefix;
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
                  : under + key.substring(prefix.length());
            });
    List<EventPointer> found = new ArrayList<>();
    if (!window.isEmpty()) {
      try (KeyValueIterator<String, EventPointer> it =
          window.newestFirst()
              ? store.reverseRange(window.low(), window.high())
              : store.range(window.low(), window.high())) {
        while (it.hasNext() && found.size() <= query.paging().limit()) {
          var entry = it.next();
          if (!entry.key.equals(window.cursor()) && query.matches(entry.value)) {
            found.add(entry.value);
          }
        }
      }
    }
    return window.page(found, query.paging().limit());
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
