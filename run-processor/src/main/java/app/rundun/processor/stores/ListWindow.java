package app.rundun.processor.stores;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.lists.ListPage;
import app.rundun.contracts.lists.Paging;
import app.rundun.contracts.lists.TimeRange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The keys one page of a list may come from, in a store whose keys are {@code {prefix}{time
 * s:012d}/…} so that byte order is list order: the time filter and the cursor narrow the range
 * itself, and the page is read newest first unless it ends before a cursor.
 *
 * @param cursor the cursor's own key, which the page leaves out; null without a cursor
 */
public record ListWindow(String low, String high, String cursor, boolean newestFirst) {

  /** Sorts after every digit: the open upper end of a range of keys. */
  private static final String END = "~";

  /**
   * The window of the list under {@code prefix}; {@code keyOf} finds an item's key by its id (null
   * when there is none), and a cursor naming no {@code what} under the prefix is 400.
   */
  public static ListWindow of(
      String prefix, TimeRange created, Paging paging, String what, UnaryOperator<String> keyOf) {
    String low = created.from() == null ? prefix : prefix + seconds(created.from());
    String high = created.until() == null ? prefix + END : prefix + seconds(created.until());
    String cursor = null;
    if (paging.startingAfter() != null) {
      cursor = cursor(prefix, paging.startingAfter(), "starting_after", what, keyOf);
      high = cursor.compareTo(high) < 0 ? cursor : high;
    } else if (paging.endingBefore() != null) {
      cursor = cursor(prefix, paging.endingBefore(), "ending_before", what, keyOf);
      low = cursor.compareTo(low) > 0 ? cursor : low;
    }
    return new ListWindow(low, high, cursor, paging.endingBefore() == null);
  }

  /** The open upper end of the keys under {@code prefix}. */
  public static String end(String prefix) {
    return prefix + END;
  }

  public boolean isEmpty() {
    return low.compareTo(high) > 0;
  }

  public boolean contains(String key) {
    return key.compareTo(low) >= 0 && key.compareTo(high) <= 0;
  }

  /**
   * The page from what was found in walking order, up to one more than {@code limit}: whether there
   * is more, and the items in list order.
   */
  public <T> ListPage<T> page(List<T> found, int limit) {
    List<T> page = new ArrayList<>(found.subList(0, Math.min(found.size(), limit)));
    if (!newestFirst) {
      Collections.reverse(page);
    }
    return new ListPage<>(page, found.size() > limit);
  }

  /**
   * Whole seconds, rounded up: times are kept to the second, so "from 10.5 s" means from 11 s and
   * "before 10.5 s" means before 11 s. Before 1970 is 0, which nothing precedes.
   */
  public static String seconds(Instant at) {
    long seconds = at.getEpochSecond() + (at.getNano() > 0 ? 1 : 0);
    return String.format("%012d", Math.max(0, seconds));
  }

  private static String cursor(
      String prefix, String id, String param, String what, UnaryOperator<String> keyOf) {
    String key = keyOf.apply(id);
    if (key == null || !key.startsWith(prefix)) {
      throw ApiException.invalid(param, param + " names no " + what + " of this list: " + id + ".");
    }
    return key;
  }
}
