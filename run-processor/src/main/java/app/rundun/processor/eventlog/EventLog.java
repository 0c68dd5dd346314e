package app.rundun.processor.eventlog;

import app.rundun.contracts.events.EventListQuery;
import app.rundun.contracts.events.RunEvent;
import app.rundun.contracts.lists.ListPage;
import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.processor.stores.ListWindow;
import app.rundun.processor.stores.StoreBuilders;
import app.rundun.processor.stores.TimeIndex;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * An organisation's run events, newest first, on the organisation's partition. Three stores:
 *
 * <ul>
 *   <li>{@value #STORE}: {@code {org}/{mode}/{time s:012d}/{offset:019d}} → the event, the offset
 *       being its place on the organisation's partition of {@code rundun.events-by-org}. Byte order
 *       is time order, then arrival, so a page is one range read and a {@code created} filter
 *       narrows the range itself; keys never change, so a walk never shows an event twice.
 *   <li>{@value #IDS_STORE}: {@code {org}/{event id}} → its key above: {@code GET /v1/events/:id}
 *       and where a cursor points.
 *   <li>{@value #EXPIRY_STORE}: when each event leaves the log ({@link TimeIndex}).
 * </ul>
 */
public final class EventLog {

  public static final String STORE = "event-log-store";
  public static final String IDS_STORE = "event-log-ids-store";
  public static final String EXPIRY_STORE = "event-log-expiry-store";

  /** How long an event stays readable through the API; the topic keeps its own retention. */
  public static final Duration RETENTION = Duration.ofDays(30);

  private final ReadOnlyKeyValueStore<String, RunEvent> events;
  private final ReadOnlyKeyValueStore<String, String> ids;

  public EventLog(
      ReadOnlyKeyValueStore<String, RunEvent> events, ReadOnlyKeyValueStore<String, String> ids) {
    this.events = events;
    this.ids = ids;
  }

  static List<StoreBuilder<?>> storeBuilders() {
    return List.of(
        StoreBuilders.json(STORE, RunEvent.class),
        StoreBuilders.strings(IDS_STORE),
        StoreBuilders.strings(EXPIRY_STORE));
  }

  /** Keeps {@code event}, read at {@code offset}, until {@link #RETENTION} after it happened. */
  void put(RunEvent event, long offset, TimeIndex expiry) {
    String id = idKey(event.rundunorg(), event.id());
    if (ids.get(id) != null) {
      return;
    }
    String key =
        event.rundunorg()
            + "/"
            + event.rundunmode()
            + "/"
            + ListWindow.seconds(event.time())
            + "/"
            + String.format("%019d", offset);
    writable(events).put(key, event);
    writable(ids).put(id, key);
    expiry.add(id, event.time().plus(RETENTION));
  }

  /** Drops the events whose time in the log is up, at most {@code limit} of them at a time. */
  int expire(Instant now, TimeIndex expiry, int limit) {
    List<TimeIndex.Due> due = expiry.due(now, limit);
    for (TimeIndex.Due entry : due) {
      String key = ids.get(entry.id());
      if (key != null) {
        writable(events).delete(key);
        writable(ids).delete(entry.id());
      }
      expiry.remove(entry);
    }
    return due.size();
  }

  /** The event, when it is the organisation's and of the mode and still kept. */
  public Optional<RunEvent> get(OrgId org, Mode mode, String eventId) {
    String key = ids.get(idKey(org.value(), eventId));
    if (key == null || !key.startsWith(prefix(org, mode))) {
      return Optional.empty();
    }
    return Optional.ofNullable(events.get(key));
  }

  /**
   * One page of the organisation's events of {@code mode} that pass the query's filters, newest
   * first; read after {@code starting_after} (older events) or before {@code ending_before}.
   */
  public ListPage<RunEvent> page(OrgId org, Mode mode, EventListQuery query) {
    ListWindow window =
        ListWindow.of(
            prefix(org, mode),
            query.created(),
            query.paging(),
            "event",
            eventId -> ids.get(idKey(org.value(), eventId)));
    List<RunEvent> found = new ArrayList<>();
    if (!window.isEmpty()) {
      try (KeyValueIterator<String, RunEvent> it =
          window.newestFirst()
              ? events.reverseRange(window.low(), window.high())
              : events.range(window.low(), window.high())) {
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

  private static String prefix(OrgId org, Mode mode) {
    return org.value() + "/" + mode.wire() + "/";
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
