package app.rundun.contracts.lists;

import app.rundun.contracts.errors.ApiException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * How a list is read a page at a time, Stripe's way: {@code limit} 1–100 (default 10), and at most
 * one cursor, the id of an item: {@code starting_after} (the items after it) or {@code
 * ending_before} (the items before it).
 */
public record Paging(int limit, String startingAfter, String endingBefore) {

  public static final int DEFAULT_LIMIT = 10;
  public static final int MAX_LIMIT = 100;
  private static final Set<String> NAMES = Set.of("limit", "starting_after", "ending_before");

  public Paging {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ApiException.invalid("limit", "limit is a whole number from 1 to " + MAX_LIMIT + ".");
    }
    if (startingAfter != null && endingBefore != null) {
      throw ApiException.invalid(
          "ending_before", "Give starting_after or ending_before, not both.");
    }
  }

  /** The paging parameters of a query string; other parameters are the caller's to read. */
  public static Paging read(Map<String, List<String>> query) {
    String limit = single(query, "limit");
    if (limit != null && !limit.matches("\\d{1,3}")) {
      throw ApiException.invalid("limit", "limit is a whole number from 1 to " + MAX_LIMIT + ".");
    }
    return new Paging(
        limit == null ? DEFAULT_LIMIT : Integer.parseInt(limit),
        cursor(query, "starting_after"),
        cursor(query, "ending_before"));
  }

  /** The paging parameters of a list that takes nothing else. */
  public static Paging readOnly(Map<String, List<String>> query) {
    for (String name : query.keySet()) {
      if (!NAMES.contains(name)) {
        throw ApiException.invalid(name, "Unknown parameter: " + name + ".");
      }
    }
    return read(query);
  }

  /**
   * The page of {@code items}, which are in list order and named by {@code id}. A cursor that names
   * no item of the list is refused.
   */
  public <T> ListPage<T> page(List<T> items, Function<T, String> id) {
    int from = 0;
    int to = items.size();
    if (startingAfter != null) {
      from = indexOf(items, id, startingAfter, "starting_after") + 1;
      to = Math.min(items.size(), from + limit);
      return new ListPage<>(items.subList(from, to), to < items.size());
    }
    if (endingBefore != null) {
      to = indexOf(items, id, endingBefore, "ending_before");
      from = Math.max(0, to - limit);
      return new ListPage<>(items.subList(from, to), from > 0);
    }
    to = Math.min(items.size(), limit);
    return new ListPage<>(items.subList(0, to), to < items.size());
  }

  private static <T> int indexOf(
      List<T> items, Function<T, String> id, String cursor, String param) {
    for (int i = 0; i < items.size(); i++) {
      if (cursor.equals(id.apply(items.get(i)))) {
        return i;
      }
    }
    throw ApiException.invalid(param, param + " names nothing in this list: " + cursor + ".");
  }

  private static String cursor(Map<String, List<String>> query, String name) {
    String value = single(query, name);
    if (value != null && (value.isEmpty() || value.length() > 100)) {
      throw ApiException.invalid(name, name + " is the id of an item of the list.");
    }
    return value;
  }

  /** The value of a parameter that a query gives at most once; twice is refused, naming it. */
  public static String single(Map<String, List<String>> query, String name) {
    List<String> values = query.get(name);
    if (values == null || values.isEmpty()) {
      return null;
    }
    if (values.size() > 1) {
      throw ApiException.invalid(name, name + " is given once.");
    }
    return values.getFirst();
  }
}
