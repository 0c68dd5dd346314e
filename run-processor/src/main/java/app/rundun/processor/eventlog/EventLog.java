package app.rundun.processor.eventlog;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.events.EventListQuery;
import app.rundun.contracts.events.RunEvent;
import app.rundun.contracts.lists.ListPage;
import app.rundun.contracts.lists.Paging;
import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.processor.stores.StoreBuilders;
import app.rundun.processor.stores.TimeIndex;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
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

  /** Sorts after every digit: the open upper end of a range of keys. */
  private static final String END = "~";

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
            + seconds(event.time())
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
    String prefix = prefix(org, mode);
    String low = query.created().from() == null ? prefix : prefix + seconds(query.created().from());
    String high =
        query.created().until() == null ? prefix + END : prefix + seconds(query.created().until());
    Paging paging = query.paging();
    String cursor = null;
    if (paging.startingAfter() != null) {
      cursor = cursor(org, prefix, paging.startingAfter(), "starting_after");
      high = cursor.compareTo(high) < 0 ? cursor : high;
    } else if (paging.endingBefore() != null) {
      cursor = cursor(org, prefix, paging.endingBefore(), "ending_before");
      low = cursor.compareTo(low) > 0 ? cursor : low;
    }
    boolean newestFirst = paging.endingBefore() == null;
    List<RunEvent> found = new ArrayList<>();
    if (low.compareTo(high) <= 0) {
      try (KeyValueIterator<String, RunEvent> it =
          newestFirst ? events.reverseRange(low, high) : events.range(low, high)) {
        while (it.hasNext() && found.size() <= paging.limit()) {
          var entry = it.next();
          if (!entry.key.equals(cursor) && query.matches(entry.value)) {
            found.add(entry.value);
          }
        }
      }
    }
    boolean hasMore = found.size() > paging.limit();
    List<RunEvent> page = new ArrayList<>(found.subList(0, Math.min(found.size(), paging.limit())));
    if (!newestFirst) {
      Collections.reverse(page);
    }
    return new ListPage<>(page, hasMore);
  }

  private String cursor(OrgId org, String prefix, String eventId, String param) {
    String key = ids.get(idKey(org.value(), eventId));
    if (key == null || !key.startsWith(prefix)) {
      throw ApiException.invalid(param, param + " names no event of this list: " + eventId + ".");
    }
    return key;
  }

  private static String prefix(OrgId org, Mode mode) {
    return org.value() + "/" + mode.wire() + "/";
  }

  private static String idKey(String org, String eventId) {
    return org + "/" + eventId;
  }

  /** Whole seconds, rounded up: an event's time is whole seconds already; a bound may not be. */
  private static String seconds(Instant at) {
    long seconds = at.getEpochSecond() + (at.getNano() > 0 ? 1 : 0);
    return String.format("%012d", Math.max(0, seconds));
  }

  private static <V> KeyValueStore<String, V> writable(ReadOnlyKeyValueStore<String, V> store) {
    if (!(store instanceof KeyValueStore<String, V> writable)) {
      throw new IllegalStateException("The event log is written by the stream task only.");
    }
    return writable;
  }
}
