package app.rundun.ingest.templates;

import app.rundun.contracts.errors.ApiException;
import java.util.List;
import java.util.Set;
import org.springframework.util.MultiValueMap;

/**
 * {@code GET /v1/templates/:id/stats}, parsed: {@code days} (1 to 366, default 30) and an optional
 * {@code version}; anything else is 400 naming the parameter.
 *
 * @param version only this version; null for every version
 */
record StatsRequest(int days, Integer version) {

  static final int DEFAULT_DAYS = 30;
  static final int MAX_DAYS = 366;

  private static final Set<String> PARAMS = Set.of("days", "version");

  static StatsRequest parse(MultiValueMap<String, String> query) {
    for (String param : query.keySet()) {
      if (!PARAMS.contains(param)) {
        throw ApiException.invalid(param, "Unknown parameter " + param + ": days and version are.");
      }
    }
    Integer days = number(query, "days", MAX_DAYS);
    return new StatsRequest(days == null ? DEFAULT_DAYS : days, number(query, "version", null));
  }

  private static Integer number(MultiValueMap<String, String> query, String param, Integer max) {
    List<String> values = query.get(param);
    if (values == null) {
      return null;
    }
    String refusal =
        param + " is a whole number from 1" + (max == null ? "" : " to " + max) + ", given once.";
    if (values.size() != 1) {
      throw ApiException.invalid(param, refusal);
    }
    try {
      int value = Integer.parseInt(values.getFirst());
      if (value < 1 || (max != null && value > max)) {
        throw ApiException.invalid(param, refusal);
      }
      return value;
    } catch (NumberFormatException e) {
      throw ApiException.invalid(param, refusal);
    }
  }
}
