package app.rundun.processor.runlist;

import app.rundun.contracts.lists.ListPage;
import app.rundun.contracts.organisations.Mode;
import app.rundun.contracts.organisations.OrgId;
import app.rundun.contracts.runs.ListedRun;
import app.rundun.contracts.runs.RunId;
import app.rundun.contracts.runs.RunListQuery;
import app.rundun.processor.stores.ListWindow;
import app.rundun.processor.stores.StoreBuilders;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * An organisation's runs, newest first, on the organisation's partition. Three stores:
 *
 * <ul>
 *   <li>{@value #STORE}: {@code {org}/{mode}/{created s:012d}/{sequence:019d}/{run id}} → the run.
 *       Byte order is creation order, so a page is one range read from a cursor, and a {@code
 *       created} filter narrows the range itself.
 *   <li>{@value #IDS_STORE}: {@code {org}/{run id}} → its key above: where a cursor points.
 *   <li>{@value #UPDATED_STORE}: {@code {org}/{mode}/{updated s:012d}/{run id}} → its key above: a
 *       poll for what changed since reads only the runs that did.
 * </ul>
 *
 * <p>A run's key never changes (its creation time and sequence are fixed), so runs created during a
 * walk land ahead of it: walking from any cursor never shows a run twice nor skips one that was
 * there when the walk began.
 */
public final class RunList {

  public static final String STORE = "run-list-store";
  public static final String IDS_STORE = "run-list-ids-store";
  public static final String UPDATED_STORE = "run-list-updated-store";

  private final ReadOnlyKeyValueStore<String, ListedRun> runs;
  private final ReadOnlyKeyValueStore<String, String> ids;
  private final ReadOnlyKeyValueStore<String, String> updated;

  public RunList(
      ReadOnlyKeyValueStore<String, ListedRun> runs,
      ReadOnlyKeyValueStore<String, String> ids,
      ReadOnlyKeyValueStore<String, String> updated) {
    this.runs = runs;
    this.ids = ids;
    this.updated = updated;
  }

  static List<StoreBuilder<?>> storeBuilders() {
    return List.of(
        StoreBuilders.json(STORE, ListedRun.class),
        StoreBuilders.strings(IDS_STORE),
        StoreBuilders.strings(UPDATED_STORE));
  }

  /** Keeps {@code run} as the latest of its run; only the stream task writes. */
  void put(ListedRun run) {
    String key = key(run);
    ListedRun previous = runs.get(key);
    writable(runs).put(key, run);
    if (previous == null) {
      writable(ids).put(idKey(run.orgId(), run.runId()), key);
    } else {
      writable(updated).delete(updatedKey(previous));
    }
    writable(updated).put(updatedKey(run), key);
  }

  /**
   * One page of the organisation's runs of {@code mode} that pass the query's filters, newest
   * first; read after {@code starting_after} (older runs) or before {@code ending_before} (newer).
   */
  public ListPage<ListedRun> page(OrgId org, Mode mode, RunListQuery query, Instant now) {
    String prefix = org.value() + "/" + mode.wire() + "/";
    ListWindow window =
        ListWindow.of(
            prefix,
            query.created(),
            query.paging(),
            "run",
            runId -> ids.get(org.value() + "/" + runId));
    List<ListedRun> found = new ArrayList<>();
    if (!window.isEmpty()) {
      Walk walk =
          query.updated().from() != null
              ? new ChangedRuns(updatedWindow(prefix, query), window)
              : new AllRuns(window);
      try (walk) {
        while (walk.hasNext() && found.size() <= query.paging().limit()) {
          String key = walk.nextKey();
          ListedRun run = walk.value(key);
          if (!key.equals(window.cursor()) && run != null && query.matches(run, now)) {
            found.add(run);
          }
        }
      }
    }
    return window.page(found, query.paging().limit());
  }

  /** The keys of the update-time store a {@code updated} filter reads. */
  private static ListWindow updatedWindow(String prefix, RunListQuery query) {
    Instant until = query.updated().until();
    return new ListWindow(
        prefix + ListWindow.seconds(query.updated().from()),
        until == null ? ListWindow.end(prefix) : prefix + ListWindow.seconds(until),
        null,
        true);
  }

  /** The keys of a page's candidates in walking order, and each one's run. */
  private interface Walk extends AutoCloseable {
    boolean hasNext();

    String nextKey();

    ListedRun value(String key);

    @Override
    void close();
  }

  /** Every run between the bounds, read in key order from the list itself. */
  private final class AllRuns implements Walk {
    private final KeyValueIterator<String, ListedRun> it;
    private ListedRun current;

    AllRuns(ListWindow window) {
      it =
          window.newestFirst()
              ? runs.reverseRange(window.low(), window.high())
              : runs.range(window.low(), window.high());
    }

    @Override
    public boolean hasNext() {
      return it.hasNext();
    }

    @Override
    public String nextKey() {
      var entry = it.next();
      current = entry.value;
      return entry.key;
    }

    @Override
    public ListedRun value(String key) {
      return current;
    }

    @Override
    public void close() {
      it.close();
    }
  }

  /** Only the runs changed in the {@code updated} window, then put in list order. */
  private final class ChangedRuns implements Walk {
    private final Iterator<String> keys;

    ChangedRuns(ListWindow changedIn, ListWindow window) {
      NavigableSet<String> changed = new TreeSet<>();
      try (KeyValueIterator<String, String> it = updated.range(changedIn.low(), changedIn.high())) {
        while (it.hasNext()) {
          String key = it.next().value;
          if (window.contains(key)) {
            changed.add(key);
          }
        }
      }
      keys = window.newestFirst() ? changed.descendingIterator() : changed.iterator();
    }

    @Override
    public boolean hasNext() {
      return keys.hasNext();
    }

    @Override
    public String nextKey() {
      return keys.next();
    }

    @Override
    public ListedRun value(String key) {
      return runs.get(key);
    }

    @Override
    public void close() {}
  }

  static String key(ListedRun run) {
    return String.format(
        "%s/%s/%s/%019d/%s",
        run.orgId().value(),
        run.mode().wire(),
        ListWindow.seconds(run.createdAt()),
        run.sequence(),
        run.runId().value());
  }

  private static String idKey(OrgId org, RunId run) {
    return org.value() + "/" + run.value();
  }

  private static String updatedKey(ListedRun run) {
    return String.format(
        "%s/%s/%s/%s",
        run.orgId().value(),
        run.mode().wire(),
        ListWindow.seconds(run.updatedAt()),
        run.runId().value());
  }

  private static <V> KeyValueStore<String, V> writable(ReadOnlyKeyValueStore<String, V> store) {
    if (!(store instanceof KeyValueStore<String, V> writable)) {
      throw new IllegalStateException("The run list is written by the stream task only.");
    }
    return writable;
  }
}
